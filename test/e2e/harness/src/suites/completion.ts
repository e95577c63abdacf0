// Completion and hover through the editor's own commands, at positions marked in the fixture's lines: the expected
// items and texts appear, and no item or hover ever shows a cluster key.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { assertNoKey, openMember, positionOf, rangeOf, showRange, type Member } from '../fixture';
import { productReady } from '../product';
import type { SuiteDefinition } from '../tdd';

export interface CompletionCase {
  file: Member;
  /** The cursor, marked with `|`. */
  at: string;
  /** Labels that must be offered. */
  offers: string[];
  /** Labels that must not be offered. */
  never?: string[];
}

export const COMPLETIONS: CompletionCase[] = [
  // The block lacks these commands; those it has already (participate, cluster key …) would only be duplicates.
  {
    file: 'dc-vpn-3.asa',
    at: ' |priorty 5',
    offers: ['priority', 'cluster port', 'redirect-fqdn'],
    never: ['participate', 'cluster key', 'cluster encryption', 'interface lbpublic'],
  },
  // The nameif values of this device: the typo 'Inside' is not one of them.
  { file: 'dc-vpn-3.asa', at: ' interface lbprivate |Inside', offers: ['inside', 'outside'], never: ['Inside'] },
  { file: 'dc-vpn-2.cfg', at: ' cluster port |9024', offers: ['9023'] },
  { file: 'dc-vpn-1.cfg', at: ' priority |9', offers: ['1', '5', '9', '10'], never: ['0', '11'] },
  // Only the marker of the encrypted form: a key value is never offered.
  { file: 'dc-vpn-3.asa', at: ' cluster key |Summer2024!', offers: ['8'] },
  // Where the product offers nothing (the file's end marker), VS Code falls back to the words of the document; the
  // clear-text key of this file must not be one of them.
  { file: 'dc-vpn-3.asa', at: ': e|nd', offers: [] },
];

interface HoverCase {
  file: Member;
  /** The word hovered, marked with `[…]`: the cursor is at its start and the hover's range must be exactly it. */
  at: string;
  shows: string[];
}

const HOVERS: HoverCase[] = [
  { file: 'dc-vpn-1.cfg', at: ' priority [9]', shows: ['priority 9', 'more likely to become director'] },
  {
    file: 'dc-vpn-1.cfg',
    at: ' cluster ip address [209.165.202.140]',
    shows: ['dc-vpn-1', 'dc-vpn-2', 'dc-vpn-3', 'Predicted director'],
  },
  { file: 'dc-vpn-3.asa', at: ' [cluster key] Summer2024!', shows: ['clear text', 'never shown'] },
  { file: 'dc-vpn-3.asa', at: ' cluster key [Summer2024!]', shows: ['clear text', 'never shown'] },
  { file: 'dc-vpn-2.cfg', at: ' [cluster key] 8 Xq9dPlHeS1lA0zmQWbY7ZA==', shows: ['encrypted'] },
  { file: 'dc-vpn-3.asa', at: ' interface lbprivate [Inside]', shows: ['Inside', 'did you mean', 'inside'] },
  // dc-vpn-2 listens on port 9024, the others on 9023: it is split off the group.
  { file: 'dc-vpn-2.cfg', at: '[vpn load-balancing]', shows: ['dc-vpn-2', 'split off the group', 'encrypted'] },
];

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Every text of an item a user can see or insert. */
function itemTexts(item: vscode.CompletionItem): string[] {
  const texts = [labelOf(item), item.detail ?? '', item.filterText ?? ''];
  const doc = item.documentation;
  if (doc) texts.push(typeof doc === 'string' ? doc : doc.value);
  const insert = item.insertText;
  if (insert) texts.push(typeof insert === 'string' ? insert : insert.value);
  return texts;
}

/**
 * The labels the product offers at a marked cursor. VS Code adds its word-based suggestions (kind Text) to the
 * providers' items; they are not the product's and are left out, but they too must never show a key.
 */
export async function completionLabels(c: CompletionCase): Promise<string[]> {
  const document = await openMember(c.file);
  const position = positionOf(document, c.at);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    document.uri,
    position,
  );
  const words = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Text);
  assertNoKey(
    words.map(labelOf),
    `VS Code's word-based suggestions at ${c.file} '${c.at}' (the extension can turn them off for its language with configurationDefaults "[asa]": { "editor.wordBasedSuggestions": "off" })`,
  );
  const ours = list.items.filter((item) => item.kind !== vscode.CompletionItemKind.Text);
  assertNoKey(ours.flatMap(itemTexts), `Completion at ${c.file} '${c.at}'`);
  return ours.map(labelOf);
}

export function assertCompletion(c: CompletionCase, labels: string[]): void {
  const offered = `offered: [${labels.join(', ')}]${labels.length === 0 ? ' (no completion item but word-based ones: does the language server provide completion?)' : ''}`;
  for (const label of c.offers)
    assert.ok(labels.includes(label), `${c.file} '${c.at}': '${label}' is not offered; ${offered}`);
  for (const label of c.never ?? [])
    assert.ok(!labels.includes(label), `${c.file} '${c.at}': '${label}' must not be offered; ${offered}`);
}

function hoverText(hover: vscode.Hover): string {
  return hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

export const completionSuite: SuiteDefinition = ({ suite, test }) => {
  suite('completion', () => {
    for (const c of COMPLETIONS) {
      test(`${c.file} '${c.at}' ${c.offers.length > 0 ? `offers ${c.offers.join(', ')}` : 'offers nothing of its own'}${c.never ? `, never ${c.never.join(', ')}` : ''}, and no suggestion shows a key`, async () => {
        await productReady();
        assertCompletion(c, await completionLabels(c));
      });
    }
  });

  suite('hover', () => {
    for (const h of HOVERS) {
      test(`${h.file} '${h.at}' shows ${h.shows.map((s) => `'${s}'`).join(', ')} and no key`, async () => {
        await productReady();
        const document = await openMember(h.file);
        const range = rangeOf(document, h.at);
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          document.uri,
          range.start,
        );
        const texts = hovers.map(hoverText);
        assertNoKey(texts, `Hover at ${h.file} '${h.at}'`);
        assert.ok(hovers.length > 0, `${h.file} '${h.at}': no hover at all (does the language server provide hover?)`);
        const ours = hovers.find((hover) => h.shows.every((s) => hoverText(hover).includes(s)));
        assert.ok(
          ours,
          `${h.file} '${h.at}': no hover shows all of ${JSON.stringify(h.shows)}; hovers: ${JSON.stringify(texts.map((t) => t.slice(0, 300)))}`,
        );
        assert.ok(ours.range, `${h.file} '${h.at}': the hover has no range`);
        assert.equal(showRange(ours.range), showRange(range), `${h.file} '${h.at}': the hover covers the wrong text`);
      });
    }
  });
};
