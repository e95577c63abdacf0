// The LSP kinds of the core's completion items and symbols: the core names its kinds in words, the adapter maps them.
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';
import type { CoreCompletionKind, CoreSymbolKind } from '../core/features/index';

export const LSP_COMPLETION_KIND: Readonly<Record<CoreCompletionKind, CompletionItemKind>> = {
  keyword: CompletionItemKind.Keyword,
  snippet: CompletionItemKind.Snippet,
  value: CompletionItemKind.Value,
  enumMember: CompletionItemKind.EnumMember,
  reference: CompletionItemKind.Reference,
};

export const LSP_SYMBOL_KIND: Readonly<Record<CoreSymbolKind, SymbolKind>> = {
  module: SymbolKind.Module,
  namespace: SymbolKind.Namespace,
  property: SymbolKind.Property,
  field: SymbolKind.Field,
  interface: SymbolKind.Interface,
  constant: SymbolKind.Constant,
  object: SymbolKind.Object,
  struct: SymbolKind.Struct,
};
