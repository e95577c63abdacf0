// The redirect preview command: it opens one webview panel for the active member's group, and follows the active
// member when run again. What the page shows is checked by the Playwright pass, which sees the pixels.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openMember, type Member } from '../fixture';
import { productReady } from '../product';
import type { SuiteDefinition } from '../tdd';
import { waitFor } from '../wait';

export const PREVIEW_COMMAND = 'asaLb.showRedirectPreview';
/** The preview's webview type (client/src/preview/messages.ts); the tab API may prefix it. */
const VIEW_TYPE = 'asaLb.redirectPreview';

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(VIEW_TYPE));
}

function describeTabs(): string {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .map(
      (t) =>
        `${t.label} (${t.input instanceof vscode.TabInputWebview ? `webview ${t.input.viewType}` : (t.input?.constructor.name ?? 'no input')})`,
    )
    .join(', ');
}

async function showPreviewOf(file: Member): Promise<vscode.Tab> {
  await vscode.window.showTextDocument(await openMember(file), { preview: false, viewColumn: vscode.ViewColumn.One });
  await vscode.commands.executeCommand(PREVIEW_COMMAND);
  const title = `Redirect Preview: ${file}`;
  return waitFor(
    `a webview tab titled '${title}'`,
    () => previewTabs().find((t) => t.label === title),
    [vscode.window.tabGroups.onDidChangeTabs, vscode.window.tabGroups.onDidChangeTabGroups],
    describeTabs,
  );
}

export const previewSuite: SuiteDefinition = ({ suite, test }) => {
  suite('redirect preview', () => {
    test(`${PREVIEW_COMMAND} opens one preview for the active member's group and follows the active member`, async () => {
      await productReady();
      try {
        await showPreviewOf('dc-vpn-1.cfg');
        assert.equal(previewTabs().length, 1, `One preview tab expected: ${describeTabs()}`);
        await showPreviewOf('dc-vpn-3.asa');
        assert.equal(previewTabs().length, 1, `Running the command again must reuse the preview: ${describeTabs()}`);
      } finally {
        await vscode.window.tabGroups.close(previewTabs());
      }
    });
  });
};
