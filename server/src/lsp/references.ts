// `textDocument/references`: every use of the nameif under the cursor (and its declaration when asked).
import type { Location, ReferenceParams } from 'vscode-languageserver';
import { references } from '../core/features/index';
import type { Session } from './session';

export function referencesOf(session: Session, params: ReferenceParams): Location[] {
  const key = session.uris.key(params.textDocument.uri);
  if (!session.validPosition(key, params.position)) return [];
  const includeDeclaration = params.context?.includeDeclaration === true;
  return references(session.workspace, key, params.position, includeDeclaration).map((l) => ({
    uri: session.uris.toClient(l.uri),
    range: l.range,
  }));
}
