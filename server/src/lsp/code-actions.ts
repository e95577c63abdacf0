// `textDocument/codeAction`: each asa-lb diagnostic's fixes as quick fixes (one action per candidate), and a
// `source.fixAll.asa-lb` action that applies every preferred fix whose edits do not overlap.
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic as LspDiagnostic,
} from 'vscode-languageserver';
import type { Diagnostic } from '../core/types';
import { FIX_ALL_KIND } from './capabilities';
import { DIAGNOSTIC_SOURCE, isDiagnosticData } from './diagnostics';
import { safeFixEdits } from './fix-all';
import type { Session } from './session';
import { workspaceEdit } from './workspace-edit';

export const FIX_ALL_TITLE = 'Fix all safe asa-lb problems in this file';

function sameRange(a: LspDiagnostic['range'], b: Diagnostic['range']): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/**
 * The core diagnostic behind one the client shows: by the index in its data when the document has not changed since,
 * otherwise by code, range and message (the client may ask about a diagnostic published for an older version).
 */
function coreDiagnostic(
  list: readonly Diagnostic[],
  shown: LspDiagnostic,
  version: number | null,
): Diagnostic | undefined {
  if (isDiagnosticData(shown.data) && shown.data.version === version) {
    const byIndex = list[shown.data.index];
    if (byIndex && byIndex.code === shown.code && sameRange(shown.range, byIndex.range)) return byIndex;
  }
  return list.find((d) => d.code === shown.code && d.message === shown.message && sameRange(shown.range, d.range));
}

export function codeActions(session: Session, params: CodeActionParams): CodeAction[] {
  const key = session.uris.key(params.textDocument.uri);
  const result = session.workspace.result(key);
  if (!result) return [];
  const only = params.context?.only;
  const wants = (kind: string): boolean => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const uri = params.textDocument.uri;
  const version = session.sources.version(key);
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const shown of params.context?.diagnostics ?? []) {
      if (shown.source !== DIAGNOSTIC_SOURCE) continue;
      const diagnostic = coreDiagnostic(result.diagnostics, shown, version);
      for (const fix of diagnostic?.fixes ?? []) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [shown],
          isPreferred: fix.preferred === true,
          edit: workspaceEdit(session.support, [{ uri, version, edits: fix.edits }]),
        });
      }
    }
  }
  if (wants(FIX_ALL_KIND)) {
    // Only diagnostics the user sees take part: a code turned off in the settings is not fixed behind their back.
    const overrides = session.settings().overrides;
    const edits = safeFixEdits(result.diagnostics.filter((d) => overrides[d.code] !== 'off'));
    if (edits.length > 0)
      actions.push({
        title: FIX_ALL_TITLE,
        kind: FIX_ALL_KIND,
        edit: workspaceEdit(session.support, [{ uri, version, edits }]),
      });
  }
  return actions;
}
