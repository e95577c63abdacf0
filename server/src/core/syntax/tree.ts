// Builds the lossless line tree of a document and applies edits to it: every line classified and the relevant commands
// parsed, then blocks inferred (`blocks.ts`). ASA is line-oriented, so the tree is a list of lines plus blocks (a header
// and the lines that belong to it). An edit re-reads only the lines it touches and, when it keeps the block structure,
// writes them into the previous tree in place.
import { abbreviationMode, expandKeywords } from './abbreviations';
import { headerKind, inferBlocks, readAbbreviated, readAbbreviatedRow } from './blocks';
import { BLANK, COMMAND, COMMENT, EOLS, EXEC, KINDS, LineTable, lineCapacity, META } from './line-table';
import type { Block, DocumentKind, EditLog, LineKind, LineNode, LineRecord, Prompt, SyntaxTree } from './nodes';
import { parseCommand } from './parser';
import {
  keywordAt,
  lastKeywordNumber,
  lastSecondNumber,
  lastSecondWord,
  leadingWords,
  SECOND_WORD_MATTERS,
  wordNumber,
  worthParsing,
} from './words';

export type { Block, BlockKind, DocumentKind, EditLog, LineKind, LineNode, Prompt, SyntaxTree } from './nodes';

let nextTreeId = 1;
const MAX_LOGGED_EDITS = 64;

/** Trees whose lines an in-place edit took over: their lines no longer match them, so nothing may use them. */
const consumed = new WeakSet<SyntaxTree>();

const EXEC_WORDS = new Set([
  'show',
  'sh',
  'write',
  'wr',
  'copy',
  'more',
  'ping',
  'traceroute',
  'do',
  'end',
  'configure',
  'conf',
  'clear',
  'debug',
  'terminal',
  'enable',
  'disable',
  'reload',
  'dir',
  'packet-tracer',
  'capture',
]);

// An ASA prompt: hostname (optionally with failover or context parts `asa/act/pri`), an optional mode, then # or >.
const PROMPT = /^([A-Za-z0-9][A-Za-z0-9_.\-/]*)(?:\(([a-z0-9-]+)\))?([#>]) ?/;

function detectPrompt(text: string): Prompt | null {
  // Nearly every line of a config has neither '#' nor '>', and a native search rules them out at once.
  if (text.indexOf('#') < 0 && text.indexOf('>') < 0) return null;
  const m = PROMPT.exec(text);
  if (!m) return null;
  const after = text.charAt(m[0].length);
  // `#`/`>` must end the first word: "access-list#1" or "a>b" are not prompts.
  if (m[0].endsWith(m[3]!) && after !== '' && /\S/.test(after) && !/[a-z]/i.test(after)) return null;
  return { hostname: m[1]!, mode: m[2] ?? null, end: m[0].length };
}

function leadingWhitespace(text: string, from: number, to: number): number {
  let i = from;
  for (let code = text.charCodeAt(i); i < to && (code === 32 || code === 9); code = text.charCodeAt(++i));
  return i;
}

/**
 * Classifies line `i`, the text between `from` and `to`, into its row of `table`. The line is read in place, by
 * character code: a line cut from its document is a slice, and every character read from a slice costs more than
 * one read from the document. A line that may hold a prompt (it has `#` or `>`) is cut, as prompts are rare.
 */
function classifyInto(
  table: LineTable,
  i: number,
  source: string,
  from: number,
  to: number,
  mayHavePrompt: boolean,
): void {
  let text = source;
  let prompt: Prompt | null = null;
  if (mayHavePrompt) {
    text = source.slice(from, to);
    from = 0;
    to = text.length;
    prompt = detectPrompt(text);
  }
  const start = from + (prompt ? prompt.end : 0);
  const commandAt = leadingWhitespace(text, start, to);
  const commandStart = commandAt - from;
  const restLength = to - commandAt;
  const first = text.charCodeAt(commandAt);
  let kind: number;
  if (restLength === 0) kind = prompt ? (prompt.mode ? COMMAND : EXEC) : BLANK;
  else if (first === 33 /* ! */) kind = COMMENT;
  else if (!prompt && (first === 58 /* : */ || (first === 67 /* C */ && text.startsWith('Cryptochecksum:', commandAt))))
    kind = META;
  else if (prompt && prompt.mode === null) kind = EXEC;
  else kind = COMMAND;
  table.baseKinds[i] = kind;
  table.commandStarts[i] = commandStart;
  table.indents[i] = commandAt - start;
  table.setPrompt(i, prompt);
  if (kind !== COMMAND || restLength === 0) return;
  let keyword = keywordAt(text, commandAt, to);
  let second = lastSecondWord();
  let keywordNumber = lastKeywordNumber();
  let secondNumber = lastSecondNumber();
  // At a prompt, keywords may be abbreviated (`prio 5`); the line is then read as the command it stands for.
  const abbreviations = prompt ? abbreviationMode(prompt.mode) : null;
  if (abbreviations && !(prompt && EXEC_WORDS.has(keyword))) {
    // A line with a prompt was cut above: `text` is the line.
    const words = leadingWords(text, commandStart);
    const expanded = expandKeywords(abbreviations, words);
    if (expanded[0] !== undefined) {
      const first = words[0]!.toLowerCase() === 'no' ? 1 : 0;
      keyword = expanded[0];
      second = expanded[1] ?? (SECOND_WORD_MATTERS.has(keyword) ? (words[first + 1] ?? '').toLowerCase() : '');
      keywordNumber = wordNumber(keyword);
      secondNumber = wordNumber(second);
    }
  }
  table.setWords(i, keywordNumber, keyword, secondNumber, second);
  if (prompt && EXEC_WORDS.has(keyword)) {
    // `show`, `write memory` and friends are accepted in every mode but change no configuration.
    table.baseKinds[i] = EXEC;
  } else if (worthParsing(keyword, second)) {
    const parse = parseCommand(text.slice(commandAt, to), commandStart, abbreviations);
    table.setParse(i, parse, headerKind(parse));
  }
}

/** Where `character` next occurs in `text` from `from`; Infinity when it does not. */
function nextOf(text: string, character: string, from: number): number {
  const at = text.indexOf(character, from);
  return at < 0 ? Infinity : at;
}

/** Splits and classifies in one pass, into columns: no object is made per line. */
function classifyText(text: string): LineTable {
  const table = new LineTable(text, lineCapacity(text));
  let start = 0;
  let i = 0;
  const hasCr = text.includes('\r');
  // The next `#` and `>` of the text, looked for again only once passed: a line may hold a prompt only with one.
  let hash = -1;
  let angle = -1;
  for (;;) {
    let lf = text.indexOf('\n', start);
    let cr = hasCr ? text.indexOf('\r', start) : -1;
    if (lf < 0) lf = text.length;
    if (cr < 0) cr = text.length;
    const end = lf < cr ? lf : cr;
    if (hash < start) hash = nextOf(text, '#', start);
    if (angle < start) angle = nextOf(text, '>', start);
    const mayHavePrompt = hash < end || angle < end;
    if (end >= text.length) {
      table.starts[i] = start;
      table.ends[i] = text.length;
      classifyInto(table, i, text, start, text.length, mayHavePrompt);
      break;
    }
    const crlf = end === cr && text.charCodeAt(end + 1) === 10;
    table.starts[i] = start;
    table.ends[i] = end;
    table.eols[i] = crlf ? 2 : end === cr ? 3 : 1;
    classifyInto(table, i, text, start, end, mayHavePrompt);
    start = end + (crlf ? 2 : 1);
    i++;
  }
  table.count = i + 1;
  return table;
}

/** Row `i` of `table` as a line node of its own (not yet placed in a tree: no index, kind as classified, no block). */
function recordOf(table: LineTable, i: number): LineRecord {
  const kind = KINDS[table.baseKinds[i]!]!;
  return {
    index: -1,
    text: table.text(i),
    eol: EOLS[table.eols[i]!]!,
    kind,
    prompt: table.prompt(i),
    commandStart: table.commandStarts[i]!,
    indent: table.indents[i]!,
    keyword: table.keyword(i),
    parse: table.parse(i),
    block: null,
    baseKind: kind,
    second: table.second(i),
    header: table.header(i),
  };
}

/** The lines of `text` as nodes of their own (edits splice these into the previous tree's nodes). */
function classifyRecords(text: string): LineRecord[] {
  const table = classifyText(text);
  const out: LineRecord[] = new Array(table.count);
  for (let i = 0; i < table.count; i++) out[i] = recordOf(table, i);
  return out;
}

/** The classified lines of `text`, reusing those of `previous` outside the region an edit changed. */
interface Classified {
  /** Every line of the new text; built only when needed (an edit that keeps the line count does without). */
  infos: () => LineRecord[];
  /** Lines [changedFrom, changedTo) of the new text were classified afresh; the others are the previous tree's. */
  changedFrom: number;
  changedTo: number;
  /** The new lines, as records, where they replace lines one for one (same count), else null. */
  replaced: LineRecord[] | null;
  lineCount: number;
}

function classifyAll(text: string, previous: SyntaxTree): Classified {
  const old = recordsOf(previous);
  const before = previous.text;
  // The unchanged prefix and suffix are found by comparing large slices, which the engine does natively.
  const prefix = commonPrefix(before, text);
  const suffix = commonSuffix(before, text, Math.min(before.length, text.length) - prefix);
  // Lines are reused whole: from the start of the line holding the first change …
  let firstLine = 0;
  let offset = 0;
  // A line ending in a lone \r is reused only when the character after it is unchanged too (it might become \r\n).
  while (
    firstLine < old.length - 1 &&
    offset + old[firstLine]!.text.length + old[firstLine]!.eol.length + (old[firstLine]!.eol === '\r' ? 1 : 0) <= prefix
  ) {
    offset += old[firstLine]!.text.length + old[firstLine]!.eol.length;
    firstLine++;
  }
  // … to the end of the line holding the last change. A change touching a line break re-splits both lines.
  let lastLine = old.length - 1;
  let tail = 0;
  while (
    lastLine > firstLine &&
    tail +
      old[lastLine]!.text.length +
      old[lastLine]!.eol.length +
      (lastLine > 0 ? old[lastLine - 1]!.eol.length : 0) <=
      suffix
  ) {
    tail += old[lastLine]!.text.length + old[lastLine]!.eol.length;
    lastLine--;
  }
  return splice(old, firstLine, lastLine, text.slice(offset, text.length - tail));
}

/** Replaces lines [firstLine, lastLine] of `old` by the lines of `middle`, which ends with lastLine's line break. */
function splice(old: LineRecord[], firstLine: number, lastLine: number, middle: string): Classified {
  const fresh = classifyRecords(middle);
  // classifyRecords always yields a final line; when the middle ends with a line break, that empty line is really the
  // first reused line of the tail.
  if (lastLine < old.length - 1 && fresh[fresh.length - 1]!.text === '' && fresh[fresh.length - 1]!.eol === '')
    fresh.pop();
  let out: LineRecord[] | null = null;
  return {
    infos: () => (out ??= old.slice(0, firstLine).concat(fresh, old.slice(lastLine + 1))),
    changedFrom: firstLine,
    changedTo: firstLine + fresh.length,
    replaced: fresh.length === lastLine - firstLine + 1 ? fresh : null,
    lineCount: old.length - (lastLine - firstLine + 1) + fresh.length,
  };
}

/** A position in a document: zero-based line, and column in UTF-16 code units. */
export interface TextPosition {
  line: number;
  character: number;
}

/** One change of a document as editors report it: the text between `start` and `end` replaced by `text`. */
export interface TextChange {
  start: TextPosition;
  end: TextPosition;
  text: string;
}

/** The classified lines after `change`, splitting and classifying only the lines the change touches. */
function classifyChange(previous: SyntaxTree, change: TextChange): Classified {
  const old = recordsOf(previous);
  const last = old.length - 1;
  // Positions past the end of a line or of the document mean its end, as in the language server protocol.
  const clamp = (p: TextPosition): TextPosition => {
    if (p.line < 0) return { line: 0, character: 0 };
    if (p.line > last) return { line: last, character: old[last]!.text.length };
    return { line: p.line, character: Math.max(0, Math.min(p.character, old[p.line]!.text.length)) };
  };
  let start = clamp(change.start);
  let end = clamp(change.end);
  if (end.line < start.line || (end.line === start.line && end.character < start.character))
    [start, end] = [end, start];
  // A line ending in a lone \r joins the edited text when the edit starts with \n there (it becomes \r\n), so the
  // line before the edit is split again too.
  const firstLine = start.line > 0 && old[start.line - 1]!.eol === '\r' ? start.line - 1 : start.line;
  let middle = '';
  for (let i = firstLine; i < start.line; i++) middle += old[i]!.text + old[i]!.eol;
  middle +=
    old[start.line]!.text.slice(0, start.character) +
    change.text +
    old[end.line]!.text.slice(end.character) +
    old[end.line]!.eol;
  return splice(old, firstLine, end.line, middle);
}

/**
 * Whether a changed line keeps the block structure of the file as it was: same kind, indentation, prompt and
 * header, and — where keywords decide membership (column 0, transcripts) — the same first two words.
 * Typing inside an argument or anywhere on an indented line keeps the structure.
 */
function sameStructure(before: LineRecord, after: LineRecord, transcript: boolean): boolean {
  if (before.baseKind !== after.baseKind || before.indent !== after.indent || before.header !== after.header)
    return false;
  if (before.prompt?.mode !== after.prompt?.mode || before.prompt?.hostname !== after.prompt?.hostname) return false;
  if ((before.keyword === '') !== (after.keyword === '')) return false;
  if (!transcript && after.indent > 0) return true;
  return (
    before.keyword === after.keyword &&
    before.second === after.second &&
    before.parse?.command?.id === after.parse?.command?.id
  );
}

/** Makes `record` line `index` of a new tree: adopted as it is when fresh, copied when a previous tree owns it. */
function adopt(
  record: LineRecord,
  index: number,
  transcript: boolean,
  block: Block | null,
  fresh: boolean,
): LineRecord {
  const node: LineRecord = fresh
    ? record
    : {
        index,
        text: record.text,
        eol: record.eol,
        kind: record.baseKind,
        prompt: record.prompt,
        commandStart: record.commandStart,
        indent: record.indent,
        // A copy starts from the line as classified; whether it abbreviates a command depends on its new block.
        keyword: record.unexpanded?.keyword ?? record.keyword,
        parse: record.unexpanded ? record.unexpanded.parse : record.parse,
        block,
        baseKind: record.baseKind,
        second: record.second,
        header: record.header,
      };
  node.index = index;
  node.kind = transcript && record.baseKind === 'command' && !record.prompt ? 'output' : record.baseKind;
  node.block = block;
  return node;
}

const CHUNK = 4096;

function commonPrefix(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= limit && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  while (
    n + CHUNK <= limit &&
    a.slice(a.length - n - CHUNK, a.length - n) === b.slice(b.length - n - CHUNK, b.length - n)
  )
    n += CHUNK;
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** The records behind a tree's nodes (the nodes themselves, seen with their internal fields). */
function recordsOf(tree: SyntaxTree): LineRecord[] {
  return tree.lines as LineRecord[];
}

/**
 * Builds the tree of `text`. With `previous` (the tree of the same document before an edit), lines outside the
 * edited region are not split, classified or parsed again; only the cheap block pass runs over the whole file.
 */
export function buildTree(text: string, previous?: SyntaxTree): SyntaxTree {
  const usable = previous && !consumed.has(previous) ? previous : undefined;
  return usable ? assemble(classifyAll(text, usable), usable, text, false) : freshTree(text);
}

/** The tree of a document read afresh: its lines stay in columns, and a line's node is made when asked for. */
function freshTree(text: string): SyntaxTree {
  const table = classifyText(text);
  let transcript = false;
  for (const i of table.promptRows) {
    if (table.prompt(i)!.mode?.startsWith('config')) {
      transcript = true;
      break;
    }
  }
  const blocks = inferBlocks(table, transcript);
  for (const block of blocks)
    if (block.kind === 'lb') for (const i of block.lines) readAbbreviatedRow(table, i, transcript);
  return new Tree(
    transcript ? 'transcript' : 'config',
    table,
    transcript,
    blocks,
    text,
    tableModelIndex(table, blocks, transcript),
  );
}

/**
 * The tree after applying `changes` in order to the document of `previous`, as an editor sends them (each change's
 * positions refer to the document after the changes before it). Only the lines a change touches are split,
 * classified and parsed again, and the whole text is never rebuilt: the tree's `text` is joined on first use.
 */
export function editTree(
  previous: SyntaxTree,
  changes: readonly TextChange[],
  options: { inPlace?: boolean } = {},
): SyntaxTree {
  if (consumed.has(previous)) throw new Error('this tree was consumed by an in-place edit');
  let tree = previous;
  for (const change of changes) tree = assemble(classifyChange(tree, change), tree, null, options.inPlace ?? false);
  return tree;
}

/**
 * With `inPlace`, an edit that keeps the block structure writes its lines into the previous tree's array instead of
 * copying it (a copy of a large file's lines costs more than the rest of a keystroke), and the previous tree is
 * consumed: it must not be used again.
 */
function assemble(
  classified: Classified,
  previous: SyntaxTree | undefined,
  text: string | null,
  inPlace: boolean,
): SyntaxTree {
  const { changedFrom, changedTo, replaced } = classified;
  const oldInfos = previous ? recordsOf(previous) : undefined;
  // In place, the previous tree may give its lines to this one, so it is retired whichever way the tree is built.
  if (inPlace && previous) consumed.add(previous);

  // The keystroke path: the edit stayed within lines and kept the block structure, so the previous tree's line
  // nodes and blocks are reused and only the edited lines get new nodes. No pass over the whole file runs.
  if (previous && oldInfos && oldInfos.length === classified.lineCount) {
    const transcript = previous.kind === 'transcript';
    const fresh = (i: number): LineRecord => (replaced ? replaced[i - changedFrom]! : classified.infos()[i]!);
    let same = true;
    for (let i = changedFrom; i < changedTo && same; i++) same = sameStructure(oldInfos[i]!, fresh(i), transcript);
    if (same) {
      const before = oldInfos.slice(changedFrom, changedTo);
      const lines = inPlace ? oldInfos : oldInfos.slice();
      for (let i = changedFrom; i < changedTo; i++)
        lines[i] = adopt(fresh(i), i, transcript, before[i - changedFrom]!.block, true);
      // The log is kept short: past its limit, the next analysis simply rebuilds the whole device.
      const log = previous.edited;
      const edited: EditLog | undefined =
        (log?.changes.length ?? 0) >= MAX_LOGGED_EDITS
          ? undefined
          : {
              baseId: log?.baseId ?? previous.id,
              changes: [...(log?.changes ?? []), { from: changedFrom, replaced: before }],
            };
      for (let i = changedFrom; i < changedTo; i++) readAbbreviated(lines[i]!);
      return new Tree(
        previous.kind,
        lines,
        transcript,
        previous.blocks,
        text,
        updatedModelIndex(previous, before, lines, changedFrom),
        edited,
      );
    }
  }

  const infos = classified.infos();
  let transcript = false;
  for (const info of infos) {
    if (info.prompt?.mode?.startsWith('config')) {
      transcript = true;
      break;
    }
  }
  const lines: LineRecord[] = new Array(infos.length);
  for (let i = 0; i < infos.length; i++)
    lines[i] = adopt(infos[i]!, i, transcript, null, i >= changedFrom && i < changedTo);

  const table = tableOfRecords(lines);
  const blocks = inferBlocks(table, transcript);
  for (let i = 0; i < lines.length; i++) {
    const block = table.blockIndex[i]!;
    if (block >= 0) lines[i]!.block = blocks[block]!;
  }
  for (const block of blocks) if (block.kind === 'lb') for (const i of block.lines) readAbbreviated(lines[i]!);
  return new Tree(transcript ? 'transcript' : 'config', lines, transcript, blocks, text, modelIndex(lines));
}

/** The columns block inference reads, from line nodes (a tree rebuilt after an edit has nodes, not columns). */
function tableOfRecords(lines: readonly LineRecord[]): LineTable {
  const table = new LineTable('', lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    table.baseKinds[i] = KINDS.indexOf(line.baseKind);
    table.indents[i] = line.indent;
    table.commandStarts[i] = line.commandStart;
    table.setWords(i, wordNumber(line.keyword), line.keyword, wordNumber(line.second), line.second);
    table.setParse(i, line.parse, line.header);
    table.setPrompt(i, line.prompt);
  }
  table.count = lines.length;
  return table;
}

/**
 * A syntax tree. Its lines are either nodes (a tree made by an edit, which reuses the previous tree's nodes) or the
 * columns of a document read afresh, whose nodes are made one by one as they are asked for, and all at once when
 * something asks for `lines`. A node, once made, is the line's node for good: features may compare nodes.
 */
class Tree implements SyntaxTree {
  readonly id = nextTreeId++;
  readonly modelLines: number[];
  readonly promptHostname: string | null;
  readonly edited?: EditLog;
  private records: LineRecord[] | null;
  private table: LineTable | null;
  private nodes: (LineRecord | undefined)[] | null = null;
  private joined: string | null;

  constructor(
    readonly kind: DocumentKind,
    lines: LineRecord[] | LineTable,
    private readonly transcript: boolean,
    readonly blocks: Block[],
    text: string | null,
    index: ModelIndex,
    edited?: EditLog,
  ) {
    this.records = lines instanceof LineTable ? null : lines;
    this.table = lines instanceof LineTable ? lines : null;
    this.joined = text;
    this.modelLines = index.modelLines;
    this.promptHostname = index.promptHostname;
    if (edited) this.edited = edited;
  }

  get lineCount(): number {
    return this.records ? this.records.length : this.table!.count;
  }

  line(i: number): LineNode {
    if (this.records) {
      const line = this.records[i];
      if (!line) throw new RangeError(`line ${i} is not in this tree of ${this.records.length} lines`);
      return line;
    }
    const table = this.table!;
    if (!(i >= 0 && i < table.count)) throw new RangeError(`line ${i} is not in this tree of ${table.count} lines`);
    const nodes = (this.nodes ??= new Array<LineRecord | undefined>(table.count));
    return (nodes[i] ??= this.node(table, i));
  }

  get lines(): LineNode[] {
    if (this.records) return this.records;
    const table = this.table!;
    const nodes = this.nodes ?? new Array<LineRecord | undefined>(table.count);
    for (let i = 0; i < table.count; i++) nodes[i] ??= this.node(table, i);
    this.records = nodes as LineRecord[];
    this.nodes = null;
    this.table = null;
    return this.records;
  }

  kindOf(i: number): LineKind {
    return this.records ? this.line(i).kind : KINDS[this.table!.kind(i, this.transcript)]!;
  }

  indentOf(i: number): number {
    return this.records ? this.line(i).indent : this.table!.indents[i]!;
  }

  keywordOf(i: number): string {
    return this.records ? this.line(i).keyword : this.table!.keyword(i);
  }

  get text(): string {
    if (this.joined === null && consumed.has(this)) throw new Error('this tree was consumed by an in-place edit');
    return (this.joined ??= joinLines(this.lines));
  }

  /** Row `i` as the node a tree of nodes would hold for it. */
  private node(table: LineTable, i: number): LineRecord {
    const record = recordOf(table, i);
    record.index = i;
    record.kind = KINDS[table.kind(i, this.transcript)]!;
    const block = table.blockIndex[i]!;
    record.block = block >= 0 ? this.blocks[block]! : null;
    const unexpanded = table.unexpanded.get(i);
    if (unexpanded) record.unexpanded = unexpanded;
    return record;
  }
}

function joinLines(lines: readonly LineNode[]): string {
  const parts: string[] = new Array(lines.length * 2);
  for (let i = 0; i < lines.length; i++) {
    parts[2 * i] = lines[i]!.text;
    parts[2 * i + 1] = lines[i]!.eol;
  }
  return parts.join('');
}

interface ModelIndex {
  modelLines: number[];
  promptHostname: string | null;
}

/** Whether the device model reads the line: a recognised command, or any command of a load-balancing block. */
export function isModelLine(line: LineNode): boolean {
  return line.kind === 'command' && (line.parse?.command != null || line.block?.kind === 'lb');
}

// One cheap pass that spares the model builder (run after every keystroke) from visiting the tens of thousands of
// lines it never reads.
function modelIndex(lines: LineNode[]): ModelIndex {
  const modelLines: number[] = [];
  let promptHostname: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind !== 'command') continue;
    if (promptHostname === null && line.prompt?.mode) promptHostname = line.prompt.hostname;
    if (isModelLine(line)) modelLines.push(i);
  }
  return { modelLines, promptHostname };
}

/**
 * The same index from the columns of a document read afresh, from the only lines that can be in it: those with a
 * parse, those of load-balancing blocks, and those with a prompt.
 */
function tableModelIndex(table: LineTable, blocks: readonly Block[], transcript: boolean): ModelIndex {
  const modelLines: number[] = [];
  for (const i of table.parsedRows) {
    if (table.kind(i, transcript) === COMMAND && table.parse(i)?.command) modelLines.push(i);
  }
  let added = false;
  for (const block of blocks) {
    if (block.kind !== 'lb') continue;
    for (const i of block.header === null ? block.lines : [block.header, ...block.lines]) {
      if (table.kind(i, transcript) !== COMMAND || table.parse(i)?.command) continue;
      modelLines.push(i);
      added = true;
    }
  }
  if (added) modelLines.sort((a, b) => a - b);
  let promptHostname: string | null = null;
  for (const i of table.promptRows) {
    const prompt = table.prompt(i)!;
    if (table.kind(i, transcript) === COMMAND && prompt.mode) {
      promptHostname = prompt.hostname;
      break;
    }
  }
  return { modelLines, promptHostname };
}

/**
 * The index after lines [from, to) were replaced one for one: the previous one, when no replaced line entered or
 * left it and none has a prompt (which could name the hostname); otherwise a fresh pass.
 */
function updatedModelIndex(
  previous: SyntaxTree,
  replaced: readonly LineNode[],
  lines: LineNode[],
  from: number,
): ModelIndex {
  for (let i = from; i < from + replaced.length; i++) {
    const before = replaced[i - from]!;
    const after = lines[i]!;
    if (before.prompt || after.prompt || isModelLine(before) !== isModelLine(after)) return modelIndex(lines);
  }
  return { modelLines: previous.modelLines, promptHostname: previous.promptHostname };
}

/** The document text the tree was built from: the tree loses nothing. */
export function treeText(tree: SyntaxTree): string {
  return joinLines(tree.lines);
}
