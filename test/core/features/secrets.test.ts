// A cluster key never leaves the core through an editor feature: every feature, asked at every position of members
// whose keys are clear, encrypted and masked, answers without the key's text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as features from '../../../server/src/core/features/index';
import { Workspace } from '../../../server/src/core/workspace';

const KEYS: Record<string, string> = {
  'clear.cfg': 'Kl3ar-Gr0up-S3cret',
  'encrypted.cfg': '8 RW5jcnlwdGVkLUdyb3VwLUtleQ==',
  'masked.cfg': '*****',
};

function member(host: string, ip: string, key: string): string {
  return [
    `hostname ${host}`,
    'interface GigabitEthernet0/0',
    ' nameif outside',
    ' security-level 0',
    ` ip address ${ip} 255.255.255.0`,
    'interface GigabitEthernet0/1',
    ' nameif inside',
    ' security-level 100',
    ` ip address 10.0.0.${ip.split('.')[3]} 255.255.255.0`,
    'crypto ikev1 enable inside',
    'vpn load-balancing',
    ' interface lbpublic outside',
    ' interface lbprivate inside',
    ' cluster ip address 192.0.2.100',
    ` cluster key ${key}`,
    ' cluster encryption',
    ' cluster ',
    ' participate',
    '',
  ].join('\n');
}

test('no feature output contains a cluster key, whatever its form', () => {
  const ws = new Workspace();
  let n = 10;
  for (const [uri, key] of Object.entries(KEYS)) ws.set(uri, member(uri.replace('.cfg', ''), `192.0.2.${n++}`, key));
  const outputs: unknown[] = [features.workspaceSymbols(ws, '')];
  for (const uri of Object.keys(KEYS)) {
    outputs.push(
      features.groupInfo(ws, uri),
      features.codeLens(ws, uri),
      features.documentSymbols(ws, uri),
      features.foldingRanges(ws, uri),
    );
    const lines = ws.analysis(uri)!.tree.lines;
    for (const line of lines) {
      for (let character = 0; character <= line.text.length; character++) {
        const p = { line: line.index, character };
        outputs.push(
          features.complete(ws, uri, p),
          features.hover(ws, uri, p),
          features.definition(ws, uri, p),
          features.references(ws, uri, p, true),
        );
        outputs.push(features.prepareRename(ws, uri, p), features.rename(ws, uri, p, 'lan'));
      }
    }
  }
  const text = JSON.stringify(outputs);
  assert.ok(!text.includes('Kl3ar-Gr0up-S3cret'), 'the clear key leaked');
  assert.ok(!text.includes('RW5jcnlwdGVkLUdyb3VwLUtleQ=='), 'the encrypted key leaked');
  // Hovers on the masked key talk about it without repeating the mask.
  const maskedHover = features.hover(ws, 'masked.cfg', { line: 14, character: 14 });
  assert.ok(maskedHover && maskedHover.contents.includes('masked'));
  assert.ok(!maskedHover.contents.includes('*****'));
});
