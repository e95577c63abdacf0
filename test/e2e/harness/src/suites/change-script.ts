// ASA VPN LB: Copy Change Script in the real editor: from the saved version of a member to its edited text, a new
// untitled `asa` document with the device's prompts, which the server judges as a change script on that version.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { FIXTURE_KEYS, memberUri } from '../fixture';
import { codeOf, productReady, replaceOnce, SOURCE, withMember } from '../product';
import type { SuiteDefinition } from '../tdd';
import { waitFor } from '../wait';

function scriptDiagnostics(document: vscode.TextDocument): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === SOURCE);
}

export const changeScriptSuite: SuiteDefinition = ({ suite, test }) => {
  suite('change script', () => {
    test('Copy Change Script opens the script from the saved dc-vpn-1.cfg to its edited text, judged on the saved version', async () => {
      await productReady();
      await withMember('dc-vpn-1.cfg', async (document) => {
        await vscode.window.showTextDocument(document);
        await replaceOnce(document, ' priority 9\n', ' priority 6\n');
        const before = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
        await vscode.commands.executeCommand('asaLb.copyChangeScript');
        const script = await waitFor(
          'a new untitled asa document with the change script',
          () =>
            vscode.workspace.textDocuments.find(
              (d) => !before.has(d.uri.toString()) && d.uri.scheme === 'untitled' && d.languageId === 'asa',
            ),
          [vscode.workspace.onDidOpenTextDocument],
        );
        try {
          const commands = script
            .getText()
            .split('\n')
            .filter((l) => l !== '' && !l.startsWith('!'));
          assert.deepEqual(commands, [
            'dc-vpn-1# configure terminal',
            'dc-vpn-1(config)# vpn load-balancing',
            'dc-vpn-1(config-load-balancing)# priority 6',
            'dc-vpn-1(config-load-balancing)# exit',
            'dc-vpn-1(config)# write memory',
          ]);
          for (const key of FIXTURE_KEYS) assert.ok(!script.getText().includes(key), 'no key in the script');
          assert.equal(
            vscode.window.activeTextEditor?.document.uri.toString(),
            script.uri.toString(),
            'the script is shown',
          );
          // Judged on the saved version: a virtual address equal to the member's public address is a conflict there.
          const exit = script
            .getText()
            .split('\n')
            .findIndex((l) => l.endsWith('# exit'));
          const edit = new vscode.WorkspaceEdit();
          edit.insert(
            script.uri,
            new vscode.Position(exit, 0),
            'dc-vpn-1(config-load-balancing)# cluster ip address 209.165.202.130\n',
          );
          assert.ok(await vscode.workspace.applyEdit(edit));
          await waitFor(
            'cluster-ip-conflict on the line the test added to the script',
            () =>
              scriptDiagnostics(script).find((d) => codeOf(d) === 'cluster-ip-conflict' && d.range.start.line === exit),
            [vscode.languages.onDidChangeDiagnostics],
            () =>
              scriptDiagnostics(script)
                .map((d) => `${codeOf(d)} ${d.range.start.line}`)
                .join(', '),
          );
        } finally {
          await vscode.window.showTextDocument(script);
          await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        }
      });
    });

    test('in a git repository, Copy Change Script starts from the last commit, not from the saved file', async () => {
      await productReady();
      const folder = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
      const git = (...args: string[]): void => {
        execFileSync(
          'git',
          ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.com', '-c', 'init.defaultBranch=main', ...args],
          { cwd: folder, stdio: 'ignore' },
        );
      };
      git('init', '-q');
      try {
        git('add', 'dc-vpn-2.cfg');
        git('commit', '-q', '-m', 'the device as it runs');
        const extension = vscode.extensions.getExtension<{
          enabled: boolean;
          onDidChangeEnablement: vscode.Event<boolean>;
          getAPI(v: 1): { getRepository(uri: vscode.Uri): unknown; onDidOpenRepository: vscode.Event<unknown> };
        }>('vscode.git');
        assert.ok(extension, "VS Code's git extension is not in this workbench");
        const gitExtension = await extension.activate();
        // The workbench starts with git off (quiet settings); this test turns it on for itself.
        await vscode.workspace.getConfiguration('git').update('enabled', true, vscode.ConfigurationTarget.Global);
        await waitFor('the git extension to be enabled', () => (gitExtension.enabled ? true : undefined), [
          gitExtension.onDidChangeEnablement,
        ]);
        const api = gitExtension.getAPI(1);
        await vscode.commands.executeCommand('git.openRepository', folder);
        await waitFor(
          'the git extension to open the repository',
          () => (api.getRepository(memberUri('dc-vpn-2.cfg')) ? true : undefined),
          [api.onDidOpenRepository],
        );
        await withMember('dc-vpn-2.cfg', async (document) => {
          await vscode.window.showTextDocument(document);
          // Saved but not committed: the priority. Only in the editor: the port.
          await replaceOnce(document, ' priority 7\n', ' priority 4\n');
          await document.save();
          await replaceOnce(document, ' cluster port 9024\n', ' cluster port 9023\n');
          const before = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
          await vscode.commands.executeCommand('asaLb.copyChangeScript');
          const script = await waitFor(
            'a new untitled asa document with the change script',
            () =>
              vscode.workspace.textDocuments.find(
                (d) => !before.has(d.uri.toString()) && d.uri.scheme === 'untitled' && d.languageId === 'asa',
              ),
            [vscode.workspace.onDidOpenTextDocument],
          );
          try {
            assert.match(script.getText(), /\(last commit\)/, 'the header names the last commit as the base');
            assert.match(
              script.getText(),
              /^dc-vpn-2\(config-load-balancing\)# priority 4$/m,
              'the saved change is in the script too',
            );
            assert.match(script.getText(), /^dc-vpn-2\(config-load-balancing\)# cluster port 9023$/m);
          } finally {
            await vscode.window.showTextDocument(script);
            await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
          }
        });
      } finally {
        await vscode.workspace.getConfiguration('git').update('enabled', false, vscode.ConfigurationTarget.Global);
        rmSync(join(folder, '.git'), { recursive: true, force: true });
      }
    });
  });
};
