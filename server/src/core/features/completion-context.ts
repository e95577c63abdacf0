// Works out where a completion request stands: which mode the line is in (global, load-balancing, interface),
// which words of the command are already typed, and which word is being typed. Only the cursor's line and the few
// lines above it are read, so a request costs the same on a ten-line file and on a hundred-thousand-line one.
import type { DeviceAnalysis } from '../analyze';
import { documentEol } from '../fixes/edits';
import type { LineNode } from '../syntax/tree';
import type { Range } from '../types';
import type { Workspace } from '../workspace';
import { lineSpan, wordsOf, type Word } from './cursor';

/**
 * `top`: global configuration. `lb`: inside `vpn load-balancing`. `interface`: inside an interface block.
 * `lb-or-top`: a column-0 line right under an unindented load-balancing block, where either can follow.
 * `none`: a comment, an exec prompt or another sub-mode, where nothing is offered.
 */
export type CompletionMode = 'top' | 'lb' | 'interface' | 'lb-or-top' | 'none';

export interface CompletionContext {
  ws: Workspace;
  uri: string;
  analysis: DeviceAnalysis;
  line: LineNode;
  character: number;
  mode: CompletionMode;
  /** The block the cursor is in (for `interface`: its header line), when known. */
  blockHeader: number | null;
  /** The line starts with `no`. */
  negated: boolean;
  /** Words of the command typed before the cursor and already complete (`no` excluded). */
  words: string[];
  /** The word being typed: its text before the cursor, and its columns (the end includes any rest of the word after the cursor). */
  partial: Word;
  /** Column where the command's keywords start: items that complete a whole command replace from here. */
  pathStart: number;
  eol: string;
  /**
   * Put before a whole command the item inserts: the block's indentation on an empty unindented line between the
   * lines of an indented block, where a command typed at column 0 would end the block. Otherwise ''.
   */
  linePrefix: string;
  /** Text that starts a new line of each kind, for multi-line snippets: indentation in a config, a prompt in a transcript. */
  prefixes: { global: string; lb: string; interface: string; dnsServerGroup: string; tunnelWebvpn: string };
}

// How far up to look for the command a line follows. Captures put long runs of `!` lines between commands,
// but never thousands; the bound keeps a request on a pathological file cheap.
const LOOKBACK = 2000;

const PROMPT_MODES: Record<string, CompletionMode> = {
  config: 'top',
  'config-load-balancing': 'lb',
  'config-if': 'interface',
  'config-subif': 'interface',
};

/** The nearest line above `index` that holds a command, or null. */
export function previousCommand(analysis: DeviceAnalysis, index: number): LineNode | null {
  const lines = analysis.tree.lines;
  for (let i = index - 1; i >= 0 && i >= index - LOOKBACK; i--) {
    const line = lines[i]!;
    if (line.kind === 'command' && line.keyword !== '') return line;
  }
  return null;
}

/** The nearest line below `index` that holds a command, or null. */
function nextCommand(analysis: DeviceAnalysis, index: number): LineNode | null {
  const lines = analysis.tree.lines;
  for (let i = index + 1; i < lines.length && i <= index + LOOKBACK; i++) {
    const line = lines[i]!;
    if (line.kind === 'command' && line.keyword !== '') return line;
  }
  return null;
}

/** The indentation new sub-mode lines get in a config: the one the file already uses, else one space. */
function indentUnit(analysis: DeviceAnalysis): string {
  const { tree, device } = analysis;
  const candidates = [
    ...(device.lb?.lines.slice(0, 1) ?? []),
    ...device.interfaces.slice(0, 4).map((i) => i.headerLine + 1),
  ];
  for (const index of candidates) {
    const line = tree.lines[index];
    if (line && line.kind === 'command' && line.indent > 0 && !line.prompt)
      return line.text.slice(0, line.commandStart);
  }
  return ' ';
}

function prefixesOf(analysis: DeviceAnalysis): CompletionContext['prefixes'] {
  if (analysis.tree.kind === 'transcript') {
    const host = analysis.device.promptHostname ?? analysis.device.hostname?.value ?? 'asa';
    return {
      global: `${host}(config)# `,
      lb: `${host}(config-load-balancing)# `,
      interface: `${host}(config-if)# `,
      dnsServerGroup: `${host}(config-dns-server-group)# `,
      tunnelWebvpn: `${host}(config-tunnel-webvpn)# `,
    };
  }
  const unit = indentUnit(analysis);
  return { global: '', lb: unit, interface: unit, dnsServerGroup: unit, tunnelWebvpn: unit };
}

function modeOf(
  analysis: DeviceAnalysis,
  line: LineNode,
  start: number,
): { mode: CompletionMode; blockHeader: number | null } {
  const rest = line.text.slice(start).trimStart();
  if (rest.startsWith('!') || (!line.prompt && rest.startsWith(':'))) return { mode: 'none', blockHeader: null };
  const anchor = previousCommand(analysis, line.index);
  const anchorBlock = anchor?.block ?? null;
  if (line.prompt) {
    if (line.prompt.mode === null) return { mode: 'none', blockHeader: null };
    const mode = PROMPT_MODES[line.prompt.mode] ?? 'none';
    // Published examples type sub-mode commands at a `(config)#` prompt right after the header; the tree accepts
    // that, so completion offers the block's commands there too.
    if (mode === 'top' && anchorBlock?.kind === 'lb' && anchor?.prompt?.mode === 'config')
      return { mode: 'lb-or-top', blockHeader: anchorBlock.header };
    return { mode, blockHeader: mode === 'interface' ? (anchorBlock?.header ?? null) : null };
  }
  const indented = /^[ \t]/.test(line.text);
  if (indented) {
    if (!anchor || !anchorBlock) return { mode: 'top', blockHeader: null };
    if (anchorBlock.kind === 'lb') return { mode: 'lb', blockHeader: anchorBlock.header };
    if (anchorBlock.kind === 'interface') return { mode: 'interface', blockHeader: anchorBlock.header };
    return { mode: 'none', blockHeader: anchorBlock.header };
  }
  // An empty line between two lines of an indented load-balancing block is inside it: what is typed there belongs
  // to the block (and gets its indentation).
  if (
    line.text === '' &&
    anchorBlock?.kind === 'lb' &&
    anchor &&
    anchor.indent > 0 &&
    nextCommand(analysis, line.index)?.block === anchorBlock
  ) {
    return { mode: 'lb', blockHeader: anchorBlock.header };
  }
  // Column 0 is global configuration, except right under an unindented load-balancing block (or its bare header),
  // where the next line may continue the block.
  if (anchorBlock?.kind === 'lb' && anchor && (anchor.index === anchorBlock.header || anchor.indent === 0)) {
    return { mode: 'lb-or-top', blockHeader: anchorBlock.header };
  }
  return { mode: 'top', blockHeader: null };
}

/** The completion context at a cursor, or null when the cursor stands inside a prompt. */
export function completionContext(
  ws: Workspace,
  uri: string,
  analysis: DeviceAnalysis,
  line: LineNode,
  character: number,
): CompletionContext | null {
  const start = line.prompt ? line.prompt.end : 0;
  if (character < start) return null;
  const { mode, blockHeader } = modeOf(analysis, line, start);
  const before = wordsOf(line.text.slice(0, character), start);
  let partial: Word = { text: '', start: character, end: character };
  if (character > start && /\S/.test(line.text[character - 1]!)) {
    const last = before.pop()!;
    let end = character;
    while (end < line.text.length && /\S/.test(line.text[end]!)) end++;
    partial = { text: last.text, start: last.start, end };
  }
  let words = before;
  let negated = false;
  if (words[0]?.text.toLowerCase() === 'no') {
    negated = true;
    words = words.slice(1);
  }
  const prefixes = prefixesOf(analysis);
  return {
    ws,
    uri,
    analysis,
    line,
    character,
    mode,
    blockHeader,
    negated,
    words: words.map((w) => w.text),
    partial,
    pathStart: words[0]?.start ?? partial.start,
    eol: documentEol(analysis.tree),
    linePrefix: mode === 'lb' && !line.prompt && line.text === '' ? prefixes.lb : '',
    prefixes,
  };
}

/** The range a whole-command item replaces: from the first keyword to the end of the word being typed. */
export function commandRange(ctx: CompletionContext): Range {
  return lineSpan(ctx.line.index, ctx.pathStart, ctx.partial.end);
}

/** The range a value item replaces: the word being typed. */
export function wordRange(ctx: CompletionContext): Range {
  return lineSpan(ctx.line.index, ctx.partial.start, ctx.partial.end);
}

/** Where typed words stand against a command's keyword path. */
export type PathMatch = { at: 'keyword' } | { at: 'argument'; index: number; previous: string[] } | null;

/**
 * `keyword`: the typed words are a prefix of the path and the word being typed starts the next keyword.
 * `argument`: the whole path is typed; `index` is the position of the argument being typed.
 */
export function matchPath(ctx: CompletionContext, path: readonly string[]): PathMatch {
  const words = ctx.words.map((w) => w.toLowerCase());
  const typed = ctx.partial.text.toLowerCase();
  if (words.length < path.length) {
    for (let i = 0; i < words.length; i++) if (words[i] !== path[i]) return null;
    return path[words.length]!.startsWith(typed) ? { at: 'keyword' } : null;
  }
  for (let i = 0; i < path.length; i++) if (words[i] !== path[i]) return null;
  return { at: 'argument', index: words.length - path.length, previous: ctx.words.slice(path.length) };
}

/** True when a value fits the word being typed (case-insensitive prefix). */
export function fitsPartial(ctx: CompletionContext, value: string): boolean {
  return value.toLowerCase().startsWith(ctx.partial.text.toLowerCase());
}
