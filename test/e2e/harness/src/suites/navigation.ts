// Interface names as symbols: renaming a nameif updates every use in the device, and go-to-definition from a use
// lands on the interface that declares it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openMember, positionOf, rangeOf, showRange, type Member } from '../fixture';
import { productReady, withMember } from '../product';
import type { SuiteDefinition } from '../tdd';

const RENAMES: { file: Member; at: string; newName: string; uses: string[] }[] = [
  {
    file: 'dc-vpn-1.cfg',
    at: ' nameif |inside',
    newName: 'corp',
    // Every place the device names the interface: its declaration and the three commands that use it.
    uses: [
      ' nameif [inside]',
      'dns domain-lookup [inside]',
      'crypto ikev1 enable [inside]',
      ' interface lbprivate [inside]',
    ],
  },
];

const DEFINITIONS: { file: Member; at: string; lands: { block: string; name: string } | null }[] = [
  {
    file: 'dc-vpn-1.cfg',
    at: ' interface lbpublic [outside]',
    lands: { block: '[interface GigabitEthernet0/0]', name: ' nameif [outside]' },
  },
  {
    file: 'dc-vpn-1.cfg',
    at: 'crypto ikev1 enable [inside]',
    lands: { block: '[interface GigabitEthernet0/1]', name: ' nameif [inside]' },
  },
  {
    file: 'dc-vpn-2.cfg',
    at: ' interface lbprivate [inside]',
    lands: { block: '[interface GigabitEthernet0/1]', name: ' nameif [inside]' },
  },
  // No interface is named 'Inside' (names are case-sensitive): there is nowhere to go.
  { file: 'dc-vpn-3.asa', at: ' interface lbprivate [Inside]', lands: null },
];

interface Target {
  uri: vscode.Uri;
  range: vscode.Range;
  selection: vscode.Range;
}

function targetOf(item: vscode.Location | vscode.LocationLink): Target {
  if ('targetUri' in item)
    return { uri: item.targetUri, range: item.targetRange, selection: item.targetSelectionRange ?? item.targetRange };
  return { uri: item.uri, range: item.range, selection: item.range };
}

export const navigationSuite: SuiteDefinition = ({ suite, test }) => {
  suite('navigation', () => {
    for (const r of RENAMES) {
      test(`renaming '${r.at}' to '${r.newName}' in ${r.file} updates its ${r.uses.length} uses and nothing else`, async () => {
        await productReady();
        await withMember(r.file, async (document, original) => {
          const expected = r.uses.map((u) => showRange(rangeOf(document, u))).sort();
          const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>(
            'vscode.executeDocumentRenameProvider',
            document.uri,
            positionOf(document, r.at),
            r.newName,
          );
          assert.ok(edit, 'The rename provider returned no edit');
          const entries = edit.entries();
          assert.ok(entries.length > 0, 'The rename produced no edit (does the language server provide rename?)');
          assert.deepEqual(
            entries.map(([uri]) => uri.toString()),
            [document.uri.toString()],
            'A nameif belongs to one device: the rename must edit that file only',
          );
          const edits = entries[0]![1];
          assert.deepEqual(
            edits.map((e) => showRange(e.range)).sort(),
            expected,
            'The rename must edit exactly the uses of the name',
          );
          for (const e of edits) assert.equal(e.newText, r.newName);

          assert.ok(await vscode.workspace.applyEdit(edit), 'The editor refused the rename');
          const renamed = r.uses.map((u) => u.replace(/\[[^\]]*\]/, `[${r.newName}]`));
          for (const use of renamed) rangeOf(document, use);
          const oldName = /\|(\S+)/.exec(r.at)![1]!;
          assert.equal(
            document.getText().split(oldName).length - 1,
            original.split(oldName).length - 1 - r.uses.length,
            `'${oldName}' is still used after the rename`,
          );

          // The server sees the renamed text: definition from a renamed use lands on the renamed declaration.
          const use = renamed[renamed.length - 1]!;
          const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
            'vscode.executeDefinitionProvider',
            document.uri,
            rangeOf(document, use).start,
          );
          assert.deepEqual(
            found.map((f) => showRange(targetOf(f).selection)),
            [showRange(rangeOf(document, renamed[0]!))],
            'Definition after the rename',
          );
        });
      });
    }

    for (const d of DEFINITIONS) {
      test(`go to definition from ${d.file} '${d.at}' ${d.lands ? `lands on '${d.lands.name.trim()}' in '${d.lands.block}'` : 'finds nothing'}`, async () => {
        await productReady();
        const document = await openMember(d.file);
        const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
          'vscode.executeDefinitionProvider',
          document.uri,
          rangeOf(document, d.at).start,
        );
        if (!d.lands) {
          assert.deepEqual(found, [], 'There should be no definition');
          return;
        }
        assert.equal(
          found.length,
          1,
          `One definition expected; got ${found.length}${found.length === 0 ? ' (does the language server provide go-to-definition?)' : ''}`,
        );
        const target = targetOf(found[0]!);
        assert.equal(target.uri.toString(), document.uri.toString(), 'The definition is in another file');
        assert.equal(
          showRange(target.selection),
          showRange(rangeOf(document, d.lands.name)),
          'The definition selects the wrong text',
        );
        assert.equal(
          target.range.start.line,
          rangeOf(document, d.lands.block).start.line,
          'The definition does not start at the interface',
        );
        assert.ok(target.range.contains(target.selection), 'The selected name lies outside the interface block');
      });
    }
  });
};
