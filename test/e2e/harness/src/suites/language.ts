// The language of the members in the editor: every device configuration, whatever its file extension, is in the
// `asa` language, so it gets the ASA highlighting and the settings the extension gives that language.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { memberUri, openMember } from '../fixture';
import { MEMBERS } from '../group';
import { productReady } from '../product';
import type { SuiteDefinition } from '../tdd';
import { waitFor } from '../wait';

export const languageSuite: SuiteDefinition = ({ suite, test }) => {
  suite('language', () => {
    for (const file of MEMBERS) {
      test(`${file} opens in the asa language`, async () => {
        await productReady();
        await openMember(file);
        const uri = memberUri(file).toString();
        const languageOf = (): string | undefined =>
          vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri)?.languageId;
        // An extension may change the language of a document after it opens (which closes and reopens it).
        const language = await waitFor(
          `${file} to be in the asa language`,
          () => (languageOf() === 'asa' ? 'asa' : undefined),
          [vscode.workspace.onDidOpenTextDocument, vscode.workspace.onDidCloseTextDocument],
          () => `language '${languageOf()}'`,
        ).catch((error: unknown) => {
          assert.fail(
            `${file} opens in the '${languageOf()}' language, not 'asa': it gets no ASA highlighting and none of the extension's [asa] settings. ${error instanceof Error ? error.message : ''}`,
          );
        });
        assert.equal(language, 'asa');
      });
    }
  });
};
