// Quick fixes through the editor's API: the action offered for a diagnostic, applied with `workspace.applyEdit`,
// changes the text exactly as intended and the diagnostic disappears.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { rangeOf, showRange, type Member } from '../fixture';
import { codeOf, ownDiagnostics, productReady, withMember } from '../product';
import type { SuiteDefinition } from '../tdd';
import { waitFor } from '../wait';

interface FixCase {
  file: Member;
  code: string;
  /** The diagnostic's range, marked. */
  at: string;
  /** The title of the action to apply. */
  title: string;
  /** The whole change: the document after the fix is the original with `from` (once) replaced by `to`. */
  from: string;
  to: string;
}

const FIXES: FixCase[] = [
  {
    file: 'dc-vpn-3.asa',
    code: 'unknown-lb-command',
    at: ' [priorty 5]',
    title: "Change to 'priority'",
    from: ' priorty 5\n',
    to: ' priority 5\n',
  },
  {
    file: 'dc-vpn-3.asa',
    code: 'lb-interface-undefined',
    at: ' interface lbprivate [Inside]',
    title: "Use interface 'inside'",
    from: ' interface lbprivate Inside\n',
    to: ' interface lbprivate inside\n',
  },
  {
    file: 'dc-vpn-2.cfg',
    code: 'encryption-without-ikev1',
    at: ' [cluster encryption]',
    title: "Insert 'crypto ikev1 enable inside' before the load-balancing block",
    from: '!\nvpn load-balancing\n',
    to: '!\ncrypto ikev1 enable inside\nvpn load-balancing\n',
  },
];

function isAction(item: vscode.CodeAction | vscode.Command): item is vscode.CodeAction {
  return !('command' in item && typeof item.command === 'string');
}

export const quickFixSuite: SuiteDefinition = ({ suite, test }) => {
  suite('quick fixes', () => {
    for (const f of FIXES) {
      test(`${f.file} ${f.code}: '${f.title}' changes exactly '${f.from.trim()}' and the diagnostic goes away`, async () => {
        await productReady();
        await withMember(f.file, async (document, original) => {
          assert.equal(original.split(f.from).length, 2, `'${f.from.trim()}' should occur once in ${f.file}`);
          const range = rangeOf(document, f.at);
          const present = (): vscode.Diagnostic | undefined =>
            ownDiagnostics(f.file).find((d) => codeOf(d) === f.code && d.range.isEqual(range));
          await waitFor(`${f.code} at ${showRange(range)} in ${f.file}`, present, [
            vscode.languages.onDidChangeDiagnostics,
          ]);

          const offered = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
            'vscode.executeCodeActionProvider',
            document.uri,
            range,
            vscode.CodeActionKind.QuickFix.value,
          );
          const actions = offered.filter(isAction);
          const action = actions.find((a) => a.title === f.title);
          assert.ok(
            action,
            `No quick fix titled "${f.title}"; offered: ${JSON.stringify(actions.map((a) => a.title))}`,
          );
          assert.ok(action.edit, `The quick fix "${f.title}" carries no edit`);
          assert.ok(await vscode.workspace.applyEdit(action.edit), `The editor refused the edit of "${f.title}"`);

          assert.equal(
            document.getText(),
            original.replace(f.from, f.to),
            `"${f.title}" did not change the text exactly as intended`,
          );
          await waitFor(
            `${f.code} to disappear from ${f.file} after the fix`,
            () => (ownDiagnostics(f.file).some((d) => codeOf(d) === f.code) ? undefined : true),
            [vscode.languages.onDidChangeDiagnostics],
            () =>
              ownDiagnostics(f.file)
                .map((d) => `${codeOf(d)} ${showRange(d.range)}`)
                .join('; '),
          );
        });
      });
    }
  });
};
