// The editor features of the core, for the language server: plain data in (a Workspace, a uri, a 0-based position),
// plain data out, shaped like LSP but free of LSP imports. No function here throws on an unknown uri or a position
// outside the document: it answers null, [] or an empty list.
export * from './types';
export {
  groupInfo,
  codeLens,
  previewGroup,
  memberNames,
  electionReason,
  noGroupReason,
  groupLensTitle,
} from './group-info';
export { complete } from './completion';
export { hover } from './hover';
export { documentSymbols, workspaceSymbols, foldingRanges } from './symbols';
export { definition, references, prepareRename, rename } from './navigation';
export { snippetToPlainText } from './snippet-text';
