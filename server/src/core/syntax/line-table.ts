// The lines of a freshly read document as columns: typed arrays of offsets, kinds and columns, and arrays of the
// shared keyword strings and parses, with no object per line. A file read for analysis only (the command line, the
// language server's index of unopened files) never needs a node for most of its lines, and the node and text slice
// per line were what the garbage collector spent its time on; a tree makes a line's node only when asked for it.
import type { BlockKind } from '../commands/table';
import type { LineKind, Prompt } from './nodes';
import type { ParseResult } from './parser';

/** Line kinds by code, as the table stores them. */
export const KINDS: readonly LineKind[] = ['blank', 'comment', 'meta', 'command', 'output', 'exec'];
export const BLANK = 0;
export const COMMENT = 1;
export const META = 2;
export const COMMAND = 3;
export const OUTPUT = 4;
export const EXEC = 5;

/** Line endings by code. */
export const EOLS: readonly string[] = ['', '\n', '\r\n', '\r'];

export class LineTable {
  count = 0;
  /** Where each line's text starts and ends (before its line break) in `source`. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly eols: Uint8Array;
  /** The kind each line has on its own (a transcript reads its lines without a prompt as output). */
  readonly baseKinds: Uint8Array;
  readonly commandStarts: Int32Array;
  readonly indents: Int32Array;
  /** The block each line belongs to, by index in the tree's blocks; -1 at top level. */
  readonly blockIndex: Int32Array;
  readonly keywords: string[];
  readonly seconds: string[];
  readonly parses: (ParseResult | null)[];
  readonly prompts: (Prompt | null)[];
  readonly headers: (BlockKind | null)[];
  /** The keyword and parse as classified, for lines then read as an abbreviation (see blocks.ts). */
  readonly unexpanded = new Map<number, { keyword: string; parse: ParseResult | null }>();

  constructor(
    readonly source: string,
    capacity: number,
  ) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.eols = new Uint8Array(capacity);
    this.baseKinds = new Uint8Array(capacity);
    this.commandStarts = new Int32Array(capacity);
    this.indents = new Int32Array(capacity);
    this.blockIndex = new Int32Array(capacity).fill(-1);
    this.keywords = new Array<string>(capacity).fill('');
    this.seconds = new Array<string>(capacity).fill('');
    this.parses = new Array<ParseResult | null>(capacity).fill(null);
    this.prompts = new Array<Prompt | null>(capacity).fill(null);
    this.headers = new Array<BlockKind | null>(capacity).fill(null);
  }

  text(i: number): string {
    return this.source.slice(this.starts[i]!, this.ends[i]!);
  }

  /** The line's kind in its tree: in a transcript, a command line without a prompt is what the device printed. */
  kind(i: number, transcript: boolean): number {
    const base = this.baseKinds[i]!;
    return transcript && base === COMMAND && this.prompts[i] === null ? OUTPUT : base;
  }
}

/** The number of lines of `text`: each line break (\n, \r\n or \r) ends one, and one more follows the last. */
export function lineCapacity(text: string): number {
  let count = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  for (let at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 1))
    if (text.charCodeAt(at + 1) !== 10) count++;
  return count;
}
