// `textDocument/definition`: from a use of a nameif (lbpublic, lbprivate, crypto, dns, name-server …) to its
// interface block, as location links where the client supports them.
import type { DefinitionParams, Location, LocationLink } from 'vscode-languageserver';
import { definition } from '../core/features/index';
import type { Session } from './session';

export function definitionOf(session: Session, params: DefinitionParams): LocationLink[] | Location[] {
  const key = session.uris.key(params.textDocument.uri);
  if (!session.validPosition(key, params.position)) return [];
  const links = definition(session.workspace, key, params.position).map((link) => ({
    ...link,
    targetUri: session.uris.toClient(link.targetUri),
  }));
  if (session.support.definitionLinks) return links;
  return links.map((link) => ({ uri: link.targetUri, range: link.targetSelectionRange }));
}
