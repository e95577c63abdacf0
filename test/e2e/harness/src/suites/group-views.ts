// The views that summarise a group agree with the Problems panel: dc-vpn-2 listens on port 9024 while the others use
// 9023, so its code lens says it is split off, in the words of its group-setting-mismatch problem. Completion on an
// empty line inside a block offers what the block lacks: no whole-member template, no second block.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openMember } from '../fixture';
import { codeOf, ownDiagnostics, productReady, replaceOnce, withMember } from '../product';
import type { SuiteDefinition } from '../tdd';

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
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
        'vscode.executeCodeLensProvider',
        document.uri,
      );
      const title = lenses.map((l) => l.command?.title ?? '').find((t) => t.startsWith('Group ')) ?? '';
      const words = /uses port 9024, but [^.·]*port 9023/.exec(title)?.[0];
      assert.ok(words, `the lens says why it is split off: '${title}'`);
      assert.match(title, /this device: split off/);
      assert.match(title, /director: dc-vpn-1 \(predicted\)/);
      // The same comparison the problem states ("… uses cluster port 9024, but the predicted director dc-vpn-1 uses port 9023").
      assert.ok(
        problem.message.includes(words.replace('uses port 9024', 'uses cluster port 9024')),
        `'${words}' in '${problem.message}'`,
      );
    });

    test('an empty line inside a block offers what the block lacks, with its indentation: no whole-member template, no second block, nothing twice', async () => {
      await productReady();
      await withMember('dc-vpn-1.cfg', async (document) => {
        // dc-vpn-1's block has every command but nat; an empty line goes in its middle, as a user makes room.
        await replaceOnce(document, ' cluster port 9023\n', ' cluster port 9023\n\n');
        const line = document.getText().split('\n').indexOf('');
        assert.equal(document.lineAt(line - 1).text, ' cluster port 9023');
        const list = await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          document.uri,
          new vscode.Position(line, 0),
        );
        const ours = list.items.filter((item) => item.kind !== vscode.CompletionItemKind.Text);
        const labels = ours.map(labelOf);
        assert.deepEqual(labels, ['nat'], `offered: ${labels.join(', ')}`);
        const insert = ours[0]!.insertText;
        assert.match(
          typeof insert === 'string' ? insert : (insert?.value ?? ''),
          /^ nat /,
          "the command comes with the block's indentation",
        );
      });
    });
  });
};
