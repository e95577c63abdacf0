// Builds a WorkspaceEdit in the form the client accepts: versioned `documentChanges` when it supports them (so a stale
// edit is refused rather than applied to changed text), a plain `changes` map otherwise.
import { TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { ClientSupport } from './capabilities';

export interface DocumentEdits {
  /** The document's URI as the client spells it. */
  uri: string;
  /** The version the edits were computed for; null for a file that is not open. */
  version: number | null;
  edits: TextEdit[];
}

export function workspaceEdit(support: ClientSupport, documents: readonly DocumentEdits[]): WorkspaceEdit {
  const nonEmpty = documents.filter((d) => d.edits.length > 0);
  if (support.documentChanges) {
    return {
      documentChanges: nonEmpty.map((d) => TextDocumentEdit.create({ uri: d.uri, version: d.version }, d.edits)),
    };
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const d of nonEmpty) changes[d.uri] = [...(changes[d.uri] ?? []), ...d.edits];
  return { changes };
}
