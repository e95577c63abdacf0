// Restricted Mode: in a workspace the user has not trusted, the extension (which declares untrusted workspaces
// supported) still checks the group and completes commands, as it only reads configuration text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXPECTED, MEMBERS } from '../group';
import { productReady } from '../product';
import type { SuiteDefinition } from '../tdd';
import { COMPLETIONS, assertCompletion, completionLabels } from './completion';
import { expectedRows, waitForExactly } from './diagnostics';

export const restrictedSuite: SuiteDefinition = ({ suite, test }) => {
  suite('Restricted Mode', () => {
    test('the workspace is not trusted', () => {
      assert.equal(
        vscode.workspace.isTrusted,
        false,
        'This suite must run in an untrusted workspace (start the workbench with workspace trust enabled).',
      );
    });

    for (const file of MEMBERS) {
      test(`${file} shows exactly its expected problems`, async () => {
        await productReady();
        await waitForExactly(file, await expectedRows(file, EXPECTED[file]), 'in Restricted Mode');
      });
    }

    for (const c of COMPLETIONS.slice(0, 2)) {
      test(`completion at ${c.file} '${c.at}' offers ${c.offers.join(', ')}`, async () => {
        await productReady();
        assertCompletion(c, await completionLabels(c));
      });
    }
  });
};
