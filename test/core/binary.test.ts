// Text that is not a config at all (a binary opened by mistake) is judged on its first 8 KiB: a NUL there, or more
// than one character in ten a control character, and the file gets no diagnostics and no load-balancing model.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeDocument } from '../../server/src/core/analyze';

const BLOCK = 'hostname asa1\nvpn load-balancing\n priority 5\n cluster ip address 198.51.100.250\n';
/** Lines of `!` comments filling `chars` characters. */
const filler = (chars: number): string =>
  '!'
    .repeat(99)
    .concat('\n')
    .repeat(Math.ceil(chars / 100))
    .slice(0, chars);

test('a NUL within the first 8 KiB makes a binary, one after them does not', () => {
  const before = analyzeDocument('file:///a.cfg', `${BLOCK}${filler(8000 - BLOCK.length)}\u0000\n`);
  assert.equal(before.device.lb, null);
  assert.deepEqual(before.diagnostics, []);
  const after = analyzeDocument('file:///b.cfg', `${BLOCK}${filler(8192 - BLOCK.length)}\u0000\n`);
  assert.notEqual(after.device.lb, null);
});

test('control characters count against the first 8 KiB only, line breaks not at all', () => {
  const control = '\u0001'.repeat(900);
  // 900 of the first 8192 characters: more than one in ten.
  assert.equal(analyzeDocument('file:///c.cfg', `${BLOCK}${control}\n${filler(8192)}`).device.lb, null);
  // 800 of them: fewer.
  assert.notEqual(analyzeDocument('file:///d.cfg', `${BLOCK}${control.slice(100)}\n${filler(8192)}`).device.lb, null);
  // Past the first 8 KiB they do not count.
  assert.notEqual(analyzeDocument('file:///e.cfg', `${BLOCK}${filler(8192)}${control}\n`).device.lb, null);
  // CRLF line breaks are not control characters.
  assert.notEqual(analyzeDocument('file:///f.cfg', BLOCK.replace(/\n/g, '\r\n')).device.lb, null);
});
