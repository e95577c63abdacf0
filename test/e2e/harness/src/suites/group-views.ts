// The views that summarise a group agree with the Problems panel: dc-vpn-2 listens on port 9024 while the others use
// 9023, so its code lens says it is split off, in the words of its group-setting-mismatch problem. Completion on an
// empty line inside a finished block offers nothing of the product's: no whole-member template, no second block.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openMember } from '../fixture';
import { codeOf, ownDiagnostics, productReady } from '../product';
import type { SuiteDefinition } from '../tdd';

/** A member whose block has every command, with an empty line in its middle (line 11). */
const COMPLETE_BLOCK = [
  'hostname asa9',
  'interface GigabitEthernet0/0',
  ' nameif outside',
  ' security-level 0',
  ' ip address 192.0.2.10 255.255.255.0',
  'interface GigabitEthernet0/1',
  ' nameif inside',
  ' security-level 100',
  ' ip address 10.0.0.10 255.255.255.0',
  'crypto ikev1 enable inside',
  'vpn load-balancing',
  '',
  ' interface lbpublic outside',
  ' interface lbprivate inside',
  ' nat 203.0.113.10',
  ' priority 7',
  ' cluster ip address 192.0.2.100',
  ' cluster port 9023',
  ' cluster key 8 c2VjcmV0LWtleQ==',
  ' cluster encryption',
  ' redirect-fqdn disable',
  ' participate',
  '',
].join('\n');

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

export const groupViewsSuite: SuiteDefinition = ({ suite, test }) => {
  suite('group views', () => {
    test("dc-vpn-2's code lens says it is split off, in the words of its group-setting-mismatch problem, and names the director the others elect", async () => {
      await productReady();
      const document = await openMember('dc-vpn-2.cfg');
      const problem = ownDiagnostics('dc-vpn-2.cfg').find((d) => codeOf(d) === 'group-setting-mismatch');
      assert.ok(problem, 'the Problems panel has the port mismatch');
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      const title = lenses.map((l) => l.command?.title ?? '').find((t) => t.startsWith('Group ')) ?? '';
      const words = /uses port 9024, but [^.·]*port 9023/.exec(title)?.[0];
      assert.ok(words, `the lens says why it is split off: '${title}'`);
      assert.match(title, /this device: split off/);
      assert.match(title, /director: dc-vpn-1 \(predicted\)/);
      // The same comparison the problem states ("… uses cluster port 9024, but the predicted director dc-vpn-1 uses port 9023").
      assert.ok(problem.message.includes(words.replace('uses port 9024', 'uses cluster port 9024')), `'${words}' in '${problem.message}'`);
    });

    test('an empty line inside a finished block offers no whole-member template, no second block, and nothing twice', async () => {
      await productReady();
      const document = await vscode.workspace.openTextDocument({ language: 'asa', content: COMPLETE_BLOCK });
      await vscode.window.showTextDocument(document);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(11, 0));
      const ours = list.items.filter((item) => item.kind !== vscode.CompletionItemKind.Text).map(labelOf);
      assert.deepEqual(ours, [], `offered: ${ours.join(', ')}`);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
  });
};
