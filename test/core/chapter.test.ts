// Every CLI example of the vendor chapter, verbatim, gets exactly the diagnostics listed beside it (and a network
// engineer who knows the chapter expects): the examples are never edited to make a check pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDocument } from '../../server/src/core/analyze';
import { describe } from '../support/fixtures';

const dir = join(import.meta.dirname, '..', 'fixtures', 'chapter');
const examples = readdirSync(dir)
  .filter((n) => n.endsWith('.txt') || n.endsWith('.cfg'))
  .sort();
const read = (name: string): string => readFileSync(join(dir, name), 'utf8');

for (const name of examples) {
  test(`chapter example ${name}`, () => {
    const analysis = analyzeDocument(name, read(name));
    assert.equal(analysis.tree.kind, name.endsWith('.cfg') ? 'config' : 'transcript');
    const expected = read(`${name}.expected`)
      .split('\n')
      .filter((l) => l.trim() !== '');
    assert.deepEqual(analysis.diagnostics.map(describe).sort(), expected.sort());
  });
}

test('the procedures are the chapter examples of their steps, in the chapter order, unchanged', () => {
  const concat = (names: string[]): string => names.map(read).join('');
  const publicPrivate = [
    'public-interface-step1.txt',
    'private-interface-step2.txt',
    'priority-step3.txt',
    'nat-step4.txt',
  ];
  const group = [
    'group-step1.txt',
    'group-step2-cluster-ip.txt',
    'group-step3-port.txt',
    'group-step4-encryption.txt',
    'group-step5-key.txt',
    'group-step6-participate.txt',
  ];
  assert.equal(read('public-private-procedure.txt'), concat(publicPrivate));
  assert.equal(read('group-attributes-procedure.txt'), concat(group));
  assert.equal(
    read('whole-chapter-sequence.txt'),
    concat(['public-private-procedure.txt', 'group-attributes-procedure.txt', 'redirect-fqdn-step1.txt']),
  );
});

test('the basic example: sub-mode commands typed at a (config)# prompt still belong to their interface', () => {
  const { device } = analyzeDocument('basic', read('basic-cli-example.txt'));
  assert.deepEqual(
    device.interfaces.map((i) => [i.hwid, i.nameif?.value, i.ipv4?.address.value]),
    [
      ['GigabitEthernet0/1', 'test', '209.165.202.159'],
      ['GigabitEthernet0/2', 'foo', '209.165.201.30'],
    ],
  );
  assert.equal(device.lb?.priority?.value, 9);
  assert.equal(device.lb?.nat?.value.ipv4, '192.168.10.10');
});
