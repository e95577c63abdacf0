// `textDocument/prepareRename` and `textDocument/rename`: renaming a nameif updates its declaration and every use.
// When the core refuses (not a name, a name taken, an invalid name), its reason goes back as an error the editor shows.
import {
  LSPErrorCodes,
  ResponseError,
  type PrepareRenameParams,
  type Range,
  type RenameParams,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { prepareRename, rename } from '../core/features/index';
import type { Session } from './session';
import { workspaceEdit } from './workspace-edit';

export function prepareRenameAt(
  session: Session,
  params: PrepareRenameParams,
): { range: Range; placeholder: string } | null {
  const key = session.uris.key(params.textDocument.uri);
  if (!session.validPosition(key, params.position)) return null;
  const prepared = prepareRename(session.workspace, key, params.position);
  if (!prepared) return null;
  if (!prepared.ok) throw new ResponseError(LSPErrorCodes.RequestFailed, prepared.reason);
  return { range: prepared.range, placeholder: prepared.placeholder };
}

export function renameAt(session: Session, params: RenameParams): WorkspaceEdit | null {
  const key = session.uris.key(params.textDocument.uri);
  if (!session.validPosition(key, params.position)) return null;
  const result = rename(session.workspace, key, params.position, params.newName);
  if (!result) return null;
  if (!result.ok) throw new ResponseError(LSPErrorCodes.RequestFailed, result.reason);
  return workspaceEdit(session.support, [
    { uri: session.uris.toClient(result.uri), version: session.sources.version(result.uri), edits: result.edits },
  ]);
}
