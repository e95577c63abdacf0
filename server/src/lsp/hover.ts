// `textDocument/hover`: the core's hover text (never a cluster key) as markdown, or as plain text for clients that
// render only that.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { hover } from '../core/features/index';
import type { Session } from './session';

export function hoverAt(session: Session, params: HoverParams): Hover | null {
  const key = session.uris.key(params.textDocument.uri);
  if (!session.validPosition(key, params.position)) return null;
  const found = hover(session.workspace, key, params.position);
  if (!found) return null;
  return {
    contents: { kind: session.support.markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: found.contents },
    range: found.range,
  };
}
