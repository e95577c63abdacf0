// `textDocument/completion`: the core's context-aware items as LSP completion items. Snippets become plain text for
// clients without snippet support, and documentation is markdown only where the client renders it.
import {
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
} from 'vscode-languageserver';
import { complete, snippetToPlainText, type CoreCompletionItem } from '../core/features/index';
import { LSP_COMPLETION_KIND } from './kinds';
import type { Session } from './session';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

function toItem(item: CoreCompletionItem, snippets: boolean, markdown: boolean): CompletionItem {
  const asSnippet = item.insertTextFormat === 'snippet' && snippets;
  const text = (t: string): string => (item.insertTextFormat === 'snippet' && !snippets ? snippetToPlainText(t) : t);
  const out: CompletionItem = {
    label: item.label,
    kind: LSP_COMPLETION_KIND[item.kind],
    detail: item.detail,
    documentation: markdown ? { kind: MarkupKind.Markdown, value: item.documentation } : item.documentation,
    insertTextFormat: asSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    sortText: item.sortText,
  };
  if (item.textEdit) out.textEdit = { range: item.textEdit.range, newText: text(item.textEdit.newText) };
  else out.insertText = text(item.insertText);
  if (item.filterText !== undefined) out.filterText = item.filterText;
  if (item.additionalTextEdits?.length) out.additionalTextEdits = item.additionalTextEdits;
  if (item.preselect) out.preselect = true;
  return out;
}

export function completion(session: Session, params: CompletionParams): CompletionList {
  const key = session.uris.key(params.textDocument.uri);
  if (!session.validPosition(key, params.position)) return EMPTY;
  const list = complete(session.workspace, key, params.position);
  const { snippets, completionMarkdown } = session.support;
  return {
    isIncomplete: list.isIncomplete,
    items: list.items.map((item) => toItem(item, snippets, completionMarkdown)),
  };
}
