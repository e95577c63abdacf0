// `textDocument/diagnostic` and `workspace/diagnostic`, for clients that pull diagnostics rather than receive them.
// Result ids are digests of the diagnostics, so an unchanged document is answered as unchanged without server state.
import {
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type WorkspaceDiagnosticParams,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { throwIfCancelled } from './guard';
import type { Session } from './session';

/**
 * A 64-bit digest of the fingerprint (two 32-bit multiplicative hashes with different seeds) and its length: plain
 * arithmetic, so the same code runs in Node and in a web worker, which has no synchronous digest.
 */
export function resultId(fingerprint: string): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < fingerprint.length; i++) {
    const c = fingerprint.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}.${fingerprint.length.toString(36)}`;
}

export async function documentDiagnostics(
  session: Session,
  params: DocumentDiagnosticParams,
): Promise<DocumentDiagnosticReport> {
  await session.settingsReady;
  const key = session.uris.key(params.textDocument.uri);
  const current = session.scheduler.current(key);
  if (!current) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const id = resultId(current.fingerprint);
  if (params.previousResultId === id) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: id };
  return { kind: DocumentDiagnosticReportKind.Full, resultId: id, items: current.diagnostics };
}

/** Every device file of the workspace; waits for indexing so that the answer is complete (cancellable meanwhile). */
export async function workspaceDiagnostics(
  session: Session,
  params: WorkspaceDiagnosticParams,
  token: CancellationToken,
): Promise<WorkspaceDiagnosticReport> {
  await session.settingsReady;
  await session.indexer.whenIndexed(token);
  const previousIds = params.previousResultIds ?? [];
  const previous = new Map(previousIds.map((p) => [session.uris.key(p.uri), p.value]));
  const items: WorkspaceDocumentDiagnosticReport[] = [];
  // A file the client holds diagnostics for that is no longer a device file (deleted or renamed on disk, or no longer
  // ASA) gets an empty report once: a report that simply leaves it out would keep its problems in the editor. Without
  // a result id the client stops naming it in later pulls.
  for (const { uri } of previousIds) {
    if (!session.workspace.has(session.uris.key(uri)))
      items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: [] });
  }
  for (const key of session.workspace.uris()) {
    throwIfCancelled(token);
    const current = session.scheduler.current(key);
    if (!current) continue;
    const id = resultId(current.fingerprint);
    const uri = session.uris.toClient(key);
    const version = session.sources.version(key);
    if (previous.get(key) === id)
      items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, version, resultId: id });
    else
      items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version, resultId: id, items: current.diagnostics });
  }
  return { items };
}
