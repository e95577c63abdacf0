// `textDocument/diagnostic` and `workspace/diagnostic`, for clients that pull diagnostics rather than receive them.
// Result ids are digests of the diagnostics, so an unchanged document is answered as unchanged without server state.
import { createHash } from 'node:crypto';
import {
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type WorkspaceDiagnosticParams,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { throwIfCancelled } from './guard';
import type { Session } from './session';

function resultId(fingerprint: string): string {
  return createHash('sha1').update(fingerprint).digest('base64url');
}

export async function documentDiagnostics(session: Session, params: DocumentDiagnosticParams): Promise<DocumentDiagnosticReport> {
  await session.settingsReady;
  const key = session.uris.key(params.textDocument.uri);
  const current = session.scheduler.current(key);
  if (!current) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const id = resultId(current.fingerprint);
  if (params.previousResultId === id) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: id };
  return { kind: DocumentDiagnosticReportKind.Full, resultId: id, items: current.diagnostics };
}

/** Every device file of the workspace; waits for indexing so that the answer is complete (cancellable meanwhile). */
export async function workspaceDiagnostics(session: Session, params: WorkspaceDiagnosticParams, token: CancellationToken): Promise<WorkspaceDiagnosticReport> {
  await session.settingsReady;
  await session.indexer.whenIndexed(token);
  const previousIds = params.previousResultIds ?? [];
  const previous = new Map(previousIds.map((p) => [session.uris.key(p.uri), p.value]));
  const items: WorkspaceDocumentDiagnosticReport[] = [];
  // A file the client holds diagnostics for that is no longer a device file (deleted or renamed on disk, or no longer
  // ASA) gets an empty report once: a report that simply leaves it out would keep its problems in the editor. Without
  // a result id the client stops naming it in later pulls.
  for (const { uri } of previousIds) {
    if (!session.workspace.has(session.uris.key(uri))) items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: [] });
  }
  for (const key of session.workspace.uris()) {
    throwIfCancelled(token);
    const current = session.scheduler.current(key);
    if (!current) continue;
    const id = resultId(current.fingerprint);
    const uri = session.uris.toClient(key);
    const version = session.sources.version(key);
    if (previous.get(key) === id) items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, version, resultId: id });
    else items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version, resultId: id, items: current.diagnostics });
  }
  return { items };
}
