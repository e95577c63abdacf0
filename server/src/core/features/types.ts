// The plain data the editor features return: shaped like the LSP types, defined here so the core stays free of LSP imports.
// The language server converts these one to one; the kind names match LSP's enum member names in lower camel case.
import type { Range, TextEdit } from '../types';

/** What a completion item is; the server maps each to the LSP `CompletionItemKind` of the same name. */
export type CoreCompletionKind = 'keyword' | 'snippet' | 'value' | 'enumMember' | 'reference';

export interface CoreCompletionItem {
  label: string;
  kind: CoreCompletionKind;
  /** One line shown beside the label. */
  detail: string;
  /** Markdown shown when the item is selected. */
  documentation: string;
  /** The text to insert, in the syntax `insertTextFormat` names. Equal to `textEdit.newText` when there is a text edit. */
  insertText: string;
  insertTextFormat: 'plain' | 'snippet';
  /** Replaces the word (or the partly typed command) the cursor is in; it always contains the cursor position. */
  textEdit?: { range: Range; newText: string };
  /** The text the client should filter on: the whole command for items that replace several typed words. */
  filterText?: string;
  /** Edits elsewhere in the document applied with the item (plain text), e.g. a prerequisite line before the block. */
  additionalTextEdits?: TextEdit[];
  /** Sorts the items in the order the core means them (the client sorts by this, not by label). */
  sortText: string;
  /** The item the client should select first. */
  preselect?: boolean;
}

export interface CoreCompletionList {
  /** True when the core filtered by a partly typed word, so the client must ask again when the word changes. */
  isIncomplete: boolean;
  items: CoreCompletionItem[];
}

export interface CoreHover {
  /** Markdown. Never contains a cluster key. */
  contents: string;
  range: Range;
}

/** A code lens without its command: the server attaches `asaLb.showRedirectPreview`. */
export interface CoreCodeLens {
  range: Range;
  title: string;
}

/** Symbol kinds used here; the server maps each to the LSP `SymbolKind` of the same name. */
export type CoreSymbolKind =
  'module' | 'namespace' | 'interface' | 'object' | 'property' | 'constant' | 'field' | 'struct';

export interface CoreDocumentSymbol {
  name: string;
  detail: string;
  kind: CoreSymbolKind;
  /** Everything the symbol covers (a block: its header to its last line). */
  range: Range;
  /** The part to select when the symbol is picked (a name); always inside `range`. */
  selectionRange: Range;
  children: CoreDocumentSymbol[];
}

export interface CoreLocation {
  uri: string;
  range: Range;
}

export interface CoreWorkspaceSymbol {
  name: string;
  kind: CoreSymbolKind;
  location: CoreLocation;
  /** What contains the symbol, e.g. the group of a device. */
  containerName?: string;
}

export interface CoreFoldingRange {
  startLine: number;
  endLine: number;
  kind: 'region' | 'comment';
}

/** Like LSP's `LocationLink`: the whole target (an interface block) and the part to select (the nameif value). */
export interface CoreLocationLink {
  /** The use the request was made on. */
  originSelectionRange: Range;
  targetUri: string;
  targetRange: Range;
  targetSelectionRange: Range;
}

export type CorePrepareRename = { ok: true; range: Range; placeholder: string } | { ok: false; reason: string };

export type CoreRename = { ok: true; uri: string; edits: TextEdit[] } | { ok: false; reason: string };
