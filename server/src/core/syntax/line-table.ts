// The lines of a freshly read document as columns: typed arrays of offsets, kinds, columns, keyword numbers and
// places in a list of parses, with no object per line. A file read for analysis only (the command line, the
// language server's index of unopened files) never needs a node for most of its lines, and the node and text slice
// per line were what the garbage collector spent its time on; a tree makes a line's node only when asked for it.
import type { BlockKind } from '../commands/table';
import type { LineKind, Prompt } from './nodes';
import type { ParseResult } from './parser';
import { UNKEPT_WORD, wordNumber, wordOfNumber } from './words';

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

/** Block kinds by code, as the table stores a header's kind (0: the line opens no block). */
const BLOCK_KINDS: readonly (BlockKind | null)[] = [
  null,
  'interface',
  'lb',
  'dns-server-group',
  'tunnel-group',
  'context',
  'other',
];

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
  /** The lines with a parse, and those with a prompt, in order: the passes that need only them skip the rest. */
  readonly parsedRows: number[] = [];
  readonly promptRows: number[] = [];
  /** The keyword and parse as classified, for lines then read as an abbreviation (see blocks.ts). */
  readonly unexpanded = new Map<number, { keyword: string; parse: ParseResult | null }>();
  // Words by number (words.ts), parses by place in `parseList` plus one (0: none), header kinds by code: typed arrays
  // the garbage collector never reads. What few lines have is kept apart.
  private readonly keywordNumbers: Uint16Array;
  private readonly secondNumbers: Uint16Array;
  private readonly parseSlots: Uint32Array;
  private readonly headers: Uint8Array;
  private readonly parseList: ParseResult[] = [];
  private readonly prompts = new Map<number, Prompt>();
  /** Words that have no number (UNKEPT_WORD), by line: 2 × line for the keyword, one more for the second word. */
  private readonly unkeptWords = new Map<number, string>();

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
    this.headers = new Uint8Array(capacity);
    this.keywordNumbers = new Uint16Array(capacity);
    this.secondNumbers = new Uint16Array(capacity);
    this.parseSlots = new Uint32Array(capacity);
  }

  text(i: number): string {
    return this.source.slice(this.starts[i]!, this.ends[i]!);
  }

  /** The line's kind in its tree: in a transcript, a command line without a prompt is what the device printed. */
  kind(i: number, transcript: boolean): number {
    const base = this.baseKinds[i]!;
    return transcript && base === COMMAND && !this.prompts.has(i) ? OUTPUT : base;
  }

  keyword(i: number): string {
    const id = this.keywordNumbers[i]!;
    return id === UNKEPT_WORD ? this.unkeptWords.get(2 * i)! : wordOfNumber(id);
  }

  second(i: number): string {
    const id = this.secondNumbers[i]!;
    return id === UNKEPT_WORD ? this.unkeptWords.get(2 * i + 1)! : wordOfNumber(id);
  }

  parse(i: number): ParseResult | null {
    const slot = this.parseSlots[i]!;
    return slot === 0 ? null : this.parseList[slot - 1]!;
  }

  prompt(i: number): Prompt | null {
    return this.prompts.get(i) ?? null;
  }

  header(i: number): BlockKind | null {
    return BLOCK_KINDS[this.headers[i]!] ?? null;
  }

  /** Sets line `i`'s keyword and second word, by their numbers (wordNumber) and, for a word without one, its text. */
  setWords(i: number, keywordNumber: number, keyword: string, secondNumber: number, second: string): void {
    this.keywordNumbers[i] = keywordNumber;
    this.secondNumbers[i] = secondNumber;
    if (keywordNumber === UNKEPT_WORD) this.unkeptWords.set(2 * i, keyword);
    if (secondNumber === UNKEPT_WORD) this.unkeptWords.set(2 * i + 1, second);
  }

  /** Sets line `i`'s parse; lines are given their first parse in order (`parsedRows` stays sorted). */
  setParse(i: number, parse: ParseResult | null, header: BlockKind | null): void {
    this.headers[i] = BLOCK_KINDS.indexOf(header);
    if (!parse) return;
    if (this.parseSlots[i] === 0) this.parsedRows.push(i);
    this.parseSlots[i] = this.parseList.push(parse);
  }

  /** Reads line `i` as the command it abbreviates (`parsedRows` stays sorted). */
  setExpanded(i: number, keyword: string, parse: ParseResult): void {
    this.unexpanded.set(i, { keyword: this.keyword(i), parse: this.parse(i) });
    this.keywordNumbers[i] = wordNumber(keyword);
    if (this.keywordNumbers[i] === UNKEPT_WORD) this.unkeptWords.set(2 * i, keyword);
    if (this.parseSlots[i] === 0) insertSorted(this.parsedRows, i);
    this.parseSlots[i] = this.parseList.push(parse);
  }

  /** Sets line `i`'s prompt; lines are given their prompt in order. */
  setPrompt(i: number, prompt: Prompt | null): void {
    if (!prompt) return;
    this.prompts.set(i, prompt);
    this.promptRows.push(i);
  }
}

function insertSorted(list: number[], value: number): void {
  let at = list.length;
  while (at > 0 && list[at - 1]! > value) at--;
  list.splice(at, 0, value);
}

/** The number of lines of `text`: each line break (\n, \r\n or \r) ends one, and one more follows the last. */
export function lineCapacity(text: string): number {
  let count = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  for (let at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 1))
    if (text.charCodeAt(at + 1) !== 10) count++;
  return count;
}
