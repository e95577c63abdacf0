// `textDocument/documentSymbol`: the device, its interfaces and the load-balancing block as a tree, or flattened to
// symbol information for clients that cannot show a hierarchy.
import type { DocumentSymbol, DocumentSymbolParams, SymbolInformation } from 'vscode-languageserver';
import { documentSymbols, type CoreDocumentSymbol } from '../core/features/index';
import { LSP_SYMBOL_KIND } from './kinds';
import type { Session } from './session';

function toSymbol(symbol: CoreDocumentSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: LSP_SYMBOL_KIND[symbol.kind],
    range: symbol.range,
    selectionRange: symbol.selectionRange,
    children: symbol.children.map(toSymbol),
  };
}

function flatten(
  symbols: readonly CoreDocumentSymbol[],
  uri: string,
  container: string | undefined,
  out: SymbolInformation[],
): SymbolInformation[] {
  for (const symbol of symbols) {
    out.push({
      name: symbol.name,
      kind: LSP_SYMBOL_KIND[symbol.kind],
      location: { uri, range: symbol.range },
      ...(container ? { containerName: container } : {}),
    });
    flatten(symbol.children, uri, symbol.name, out);
  }
  return out;
}

export function documentSymbolsOf(
  session: Session,
  params: DocumentSymbolParams,
): DocumentSymbol[] | SymbolInformation[] {
  const key = session.uris.key(params.textDocument.uri);
  if (!session.workspace.has(key)) return [];
  const symbols = documentSymbols(session.workspace, key);
  return session.support.hierarchicalSymbols
    ? symbols.map(toSymbol)
    : flatten(symbols, params.textDocument.uri, undefined, []);
}
