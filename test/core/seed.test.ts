// Every CLI example of the vendor text, as a transcript, gives the result a network engineer expects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDocument } from '../../server/src/core/analyze';
import { describe, describeExpectation, readExpectations } from '../support/fixtures';

const dir = join(import.meta.dirname, '..', 'fixtures', 'seed');

for (const name of readdirSync(dir).sort()) {
  test(`seed example ${name}`, () => {
    const text = readFileSync(join(dir, name), 'utf8');
    const analysis = analyzeDocument(name, text);
    assert.equal(analysis.tree.kind, 'transcript');
    assert.deepEqual(analysis.diagnostics.map(describe).sort(), readExpectations(text).map(describeExpectation).sort());
  });
}

test('the basic example: sub-mode commands typed at a (config)# prompt still belong to their interface', () => {
  const text = readFileSync(join(dir, 'basic-cli-example.txt'), 'utf8');
  const { device } = analyzeDocument('basic', text);
  assert.deepEqual(device.interfaces.map((i) => [i.hwid, i.nameif?.value, i.ipv4?.address.value]), [
    ['GigabitEthernet0/1', 'test', '209.165.202.159'],
    ['GigabitEthernet0/2', 'foo', '209.165.201.30'],
  ]);
  assert.equal(device.lb?.priority?.value, 9);
  assert.equal(device.lb?.nat?.value.ipv4, '192.168.10.10');
});
