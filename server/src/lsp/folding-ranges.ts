// `textDocument/foldingRange`: interface blocks, the load-balancing block and other blocks fold.
import type { FoldingRange, FoldingRangeParams } from 'vscode-languageserver';
import { foldingRanges } from '../core/features/index';
import type { Session } from './session';

export function foldingRangesOf(session: Session, params: FoldingRangeParams): FoldingRange[] {
  const key = session.uris.key(params.textDocument.uri);
  if (!session.workspace.has(key)) return [];
  return foldingRanges(session.workspace, key).map((r) => ({
    startLine: r.startLine,
    endLine: r.endLine,
    ...(session.support.foldingKinds ? { kind: r.kind } : {}),
  }));
}
