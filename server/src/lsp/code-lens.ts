// `textDocument/codeLens`: the group summary on the `vpn load-balancing` line; clicking it opens the redirect preview.
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { codeLens } from '../core/features/index';
import { SHOW_REDIRECT_PREVIEW_COMMAND } from '../protocol';
import type { Session } from './session';

export function codeLenses(session: Session, params: CodeLensParams): CodeLens[] {
  const key = session.uris.key(params.textDocument.uri);
  if (!session.workspace.has(key)) return [];
  return codeLens(session.workspace, key).map((lens) => ({
    range: lens.range,
    command: { title: lens.title, command: SHOW_REDIRECT_PREVIEW_COMMAND, arguments: [params.textDocument.uri] },
  }));
}
