// The nodes of a syntax tree: lines, prompts, blocks and the tree itself, shared by the modules that build it.
import type { BlockKind } from '../commands/table';
import type { ParseResult } from './parser';

export type LineKind =
  /** Empty or only whitespace. */
  | 'blank'
  /** Starts with `!`: a separator or comment. */
  | 'comment'
  /** Starts with `:` (`: Saved`, `: end`), or a `Cryptochecksum:` footer. */
  | 'meta'
  /** A configuration command. */
  | 'command'
  /** In a transcript, text the device printed (no prompt). */
  | 'output'
  /** A command typed at an exec prompt (`asa1# show run`): not configuration. */
  | 'exec';

export type { BlockKind };

export interface Block {
  kind: BlockKind;
  /** The header line, or null for a transcript that starts inside a sub-mode (its prompt says which). */
  header: number | null;
  /** Lines that belong to the block, header excluded, in order. */
  lines: number[];
}

export interface Prompt {
  hostname: string;
  /** The configuration mode in parentheses (`config`, `config-if`, …), or null at an exec prompt. */
  mode: string | null;
  /** Column just past the prompt and the single space after it. */
  end: number;
}

export interface LineNode {
  index: number;
  /** The line's text without its end-of-line. Concatenating `text + eol` over all lines gives the document back. */
  text: string;
  eol: string;
  kind: LineKind;
  prompt: Prompt | null;
  /** Column where the command text starts (after prompt and indentation). */
  commandStart: number;
  /** Columns of indentation before the command (after any prompt). */
  indent: number;
  /** The first word after an optional `no`, lower case; '' for non-commands. */
  keyword: string;
  /** The parse of the command, for lines whose keyword the product models; null otherwise. */
  parse: ParseResult | null;
  /** The block this line belongs to, or null at top level. A header line points at its own block. */
  block: Block | null;
}

export type DocumentKind = 'config' | 'transcript';

export interface SyntaxTree {
  kind: DocumentKind;
  /** The text the tree was built from (joined from the lines on first use when the tree came from an edit). */
  readonly text: string;
  /** Indices of the lines the device model reads (recognised commands, and every command of a load-balancing block). */
  modelLines: number[];
  /** The hostname of the first configuration prompt of a transcript. */
  promptHostname: string | null;
  /**
   * Every line's node. A document read afresh keeps its lines in columns and makes all their nodes on first use of
   * this, so a pass that needs a few lines (the analysis, the command line) takes them with `line` instead.
   */
  readonly lines: LineNode[];
  /** The number of lines. */
  readonly lineCount: number;
  /** Line `i`'s node (made on first use); `i` must be a line of the tree. */
  line(i: number): LineNode;
  /** What `line(i)` would say of the line's kind, indentation and keyword, without making its node. */
  kindOf(i: number): LineKind;
  indentOf(i: number): number;
  keywordOf(i: number): string;
  blocks: Block[];
  /** Identifies the tree, for `edited`. */
  readonly id: number;
  /**
   * When this tree came from edits that all kept the block structure: the tree they started from (by id), and each
   * edit's replaced lines with the nodes they had before it. Every other line is the very same node.
   */
  readonly edited?: EditLog;
}

export interface EditLog {
  baseId: number;
  changes: readonly { from: number; replaced: readonly LineNode[] }[];
}

/**
 * A line node with what the line says on its own, independent of the lines around it (`baseKind`, `second`,
 * `header`). The same object serves as a tree's node. A later tree that keeps the block structure shares the
 * unchanged nodes as they are (their index, kind and block are the same); any other later tree copies them. Nodes
 * are never changed once their tree is built, so sharing is safe.
 */
export interface LineRecord extends LineNode {
  baseKind: LineKind;
  second: string;
  header: BlockKind | null;
  /** The keyword and parse as classified, when the line was then read as an abbreviation (see readAbbreviated). */
  // Absent on every other line: on Node 20, making 100,000 objects of 14 fields measured several times as long as
  // making as many of 13 (a slower allocation path), and a node is made for every line the model reads.
  unexpanded?: { keyword: string; parse: ParseResult | null };
}
