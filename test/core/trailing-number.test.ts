// Names split into a stem and trailing digits, as the completion of a new interface and the new-group flow number them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitTrailingNumber } from '../../server/src/core/syntax/trailing-number';
import { nextHostname } from '../../client/src/authoring/suggest';
import { complete } from '../../server/src/core/features/index';
import { Workspace } from '../../server/src/core/workspace';

test('the stem keeps everything before the last run of digits', () => {
  assert.deepEqual(splitTrailingNumber('GigabitEthernet0/12'), { stem: 'GigabitEthernet0/', digits: '12' });
  assert.deepEqual(splitTrailingNumber('42'), { stem: '', digits: '42' });
  assert.equal(splitTrailingNumber('Management0/0.x'), null);
  assert.equal(splitTrailingNumber(''), null);
});

test('a name ending in 200,000 digits splits whole, and the next hostname counts on exactly', () => {
  const digits = '9'.repeat(200_000);
  assert.deepEqual(splitTrailingNumber(`G0/${digits}`), { stem: 'G0/', digits });
  assert.equal(nextHostname('asa09'), 'asa10');
  assert.equal(nextHostname('fw'), 'fw-2');
  assert.equal(nextHostname(`vpn-${'9'.repeat(30)}`), `vpn-1${'0'.repeat(30)}`);
});

test('completing a new interface after one with a 200,000-digit id offers the next real port', () => {
  const ws = new Workspace();
  // Digits then a letter: `/^(.*?)(\d+)$/` tried every start against all the digits (minutes for this line).
  const text = `hostname asa1\ninterface GigabitEthernet0/${'7'.repeat(200_000)}\ninterface GigabitEthernet0/${'7'.repeat(200_000)}x\ninterface GigabitEthernet0/1\n nameif outside\n\n`;
  ws.set('a.cfg', text);
  const { items } = complete(ws, 'a.cfg', { line: 6, character: 0 });
  const item = items.find((i) => i.label === 'interface');
  assert.ok(item, items.map((i) => i.label).join());
  assert.match(JSON.stringify(item), /GigabitEthernet0\/2/);
  assert.doesNotMatch(JSON.stringify(item), /Infinity|7{20}/);
});
