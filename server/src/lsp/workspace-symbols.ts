// `workspace/symbol`: devices and groups across the workspace. Waits for background indexing so that the answer is
// complete, and honours cancellation while it waits.
import type { CancellationToken, WorkspaceSymbol, WorkspaceSymbolParams } from 'vscode-languageserver';
import { workspaceSymbols } from '../core/features/index';
import { LSP_SYMBOL_KIND } from './kinds';
import { throwIfCancelled } from './guard';
import type { Session } from './session';

export async function workspaceSymbolsFor(
  session: Session,
  params: WorkspaceSymbolParams,
  token: CancellationToken,
): Promise<WorkspaceSymbol[]> {
  await session.indexer.whenIndexed(token);
  throwIfCancelled(token);
  const query = typeof params?.query === 'string' ? params.query : '';
  return workspaceSymbols(session.workspace, query).map((symbol) => ({
    name: symbol.name,
    kind: LSP_SYMBOL_KIND[symbol.kind],
    location: { uri: session.uris.toClient(symbol.location.uri), range: symbol.location.range },
    ...(symbol.containerName ? { containerName: symbol.containerName } : {}),
  }));
}
