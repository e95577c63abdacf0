// Builds the lossless line tree of a document: every line classified, relevant commands parsed, blocks inferred.
// ASA is line-oriented, so the tree is a list of lines plus blocks (a header and the lines that belong to it);
// blocks come from indentation and, where a capture lost its indentation, from the keywords a sub-mode accepts.
import { splitLines } from './lines';
import { parseCommand, type ParseResult } from './parser';

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

export type BlockKind = 'interface' | 'lb' | 'dns-server-group' | 'tunnel-group' | 'context' | 'other';

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
  lines: LineNode[];
  blocks: Block[];
}

// Keywords (first word after `no`) of the commands the grammar knows; other lines are never handed to the parser.
const MODELLED_KEYWORDS = new Set([
  'interface', 'priority', 'nat', 'cluster', 'redirect-fqdn', 'participate', 'nameif', 'security-level', 'ip', 'ipv6',
  'shutdown', 'crypto', 'dns', 'name-server', 'fips', 'mode', 'context', 'hostname', 'tunnel-group', 'group-url',
  'vpn-sessiondb', 'name', 'vpn', 'exit', 'management-only',
]);

// For keywords that start many unmodelled commands (`crypto map`, `ip verify`, `dns-guard` …), the second word
// decides; parsing every `crypto …` line of a large config would cost more than the rest of the analysis.
const MODELLED_SECOND_WORDS: Record<string, Set<string>> = {
  crypto: new Set(['ikev1', 'ikev2', 'ca']),
  ip: new Set(['address', 'local']),
  ipv6: new Set(['address', 'local']),
  dns: new Set(['domain-lookup', 'server-group', 'name-server']),
  vpn: new Set(['load-balancing']),
  mode: new Set(['multiple']),
  fips: new Set(['enable']),
};

function worthParsing(keyword: string, second: string): boolean {
  if (!MODELLED_KEYWORDS.has(keyword)) return false;
  const seconds = MODELLED_SECOND_WORDS[keyword];
  return !seconds || seconds.has(second);
}

// Sub-commands that identify a block even without indentation (captures that lost it, and sloppy transcripts).
// Only words that are not also global commands are listed, so a global command is never pulled into a block.
const UNINDENTED_SUBCOMMANDS: Partial<Record<BlockKind, Set<string>>> = {
  interface: new Set(['nameif', 'security-level', 'ip', 'ipv6', 'shutdown', 'management-only', 'description', 'speed', 'duplex', 'vlan', 'member-interface', 'mac-address', 'channel-group', 'pppoe', 'delay']),
  lb: new Set(['priority', 'nat', 'cluster', 'redirect-fqdn', 'participate', 'interface']),
  'dns-server-group': new Set(['name-server', 'retries', 'poll-timer', 'expire-entry-timer']),
  'tunnel-group': new Set(['group-url', 'group-alias', 'address-pool', 'default-group-policy', 'authentication-server-group']),
};

const EXEC_WORDS = new Set(['show', 'sh', 'write', 'wr', 'copy', 'more', 'ping', 'traceroute', 'do', 'end', 'configure', 'conf', 'clear', 'debug', 'terminal', 'enable', 'disable', 'reload', 'dir', 'packet-tracer', 'capture']);

// An ASA prompt: hostname (optionally with failover or context parts `asa/act/pri`), an optional mode, then # or >.
const PROMPT = /^([A-Za-z0-9][A-Za-z0-9_.\-/]*)(?:\(([a-z0-9-]+)\))?([#>]) ?/;

const MODE_TO_BLOCK: Record<string, BlockKind> = {
  'config-if': 'interface',
  'config-subif': 'interface',
  'config-load-balancing': 'lb',
  'config-dns-server-group': 'dns-server-group',
  'config-tunnel-general': 'tunnel-group',
  'config-tunnel-webvpn': 'tunnel-group',
  'config-tunnel-ipsec': 'tunnel-group',
  'config-ctx': 'context',
};

function detectPrompt(text: string): Prompt | null {
  const m = PROMPT.exec(text);
  if (!m) return null;
  const after = text.charAt(m[0].length);
  // `#`/`>` must end the first word: "access-list#1" or "a>b" are not prompts.
  if (m[0].endsWith(m[3]!) && after !== '' && /\S/.test(after) && !/[a-z]/i.test(after)) return null;
  return { hostname: m[1]!, mode: m[2] ?? null, end: m[0].length };
}

function leadingWhitespace(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

function firstWords(text: string, from: number): [string, string] {
  const words = text.slice(from).trim().split(/\s+/, 3);
  let first = (words[0] ?? '').toLowerCase();
  let second = (words[1] ?? '').toLowerCase();
  if (first === 'no') {
    first = second;
    second = (words[2] ?? '').toLowerCase();
  }
  return [first, second];
}

/** The block a header command opens, or null when the command is not a header. */
function headerKind(parse: ParseResult | null, keyword: string): BlockKind | null {
  const id = parse?.command?.id;
  if (parse?.command?.negated) return null;
  if (id === 'interface') return 'interface';
  if (id === 'vpn-load-balancing') return 'lb';
  if (id === 'dns-server-group') return 'dns-server-group';
  if (id === 'tunnel-group') {
    const kind = parse?.command?.args[1]?.text.toLowerCase() ?? '';
    return kind.endsWith('-attributes') ? 'tunnel-group' : null;
  }
  if (id === 'context') return 'context';
  void keyword;
  return null;
}

/** Whether an unindented line can still belong to a block of `kind`, judged by its keywords. */
function isUnindentedSubcommand(kind: BlockKind, keyword: string, second: string, parse: ParseResult | null): boolean {
  if (!UNINDENTED_SUBCOMMANDS[kind]?.has(keyword)) return false;
  if (kind === 'lb') {
    if (keyword === 'interface') return second === 'lbpublic' || second === 'lbprivate';
    // The global `nat (inside,outside) …` starts with a parenthesis; the sub-mode's `nat` takes an address or name.
    if (keyword === 'nat') return !second.startsWith('(');
    // `cluster group NAME` is the global ASA clustering command.
    if (keyword === 'cluster') return ['ip', 'port', 'encryption', 'key'].includes(second);
  }
  if (kind === 'interface' && keyword === 'ip') return second === 'address';
  if (kind === 'interface' && keyword === 'ipv6') return second !== 'local' && second !== 'route' && second !== 'access-list' && second !== 'icmp';
  void parse;
  return true;
}

export function buildTree(text: string): SyntaxTree {
  const physical = splitLines(text);
  const lines: LineNode[] = new Array(physical.length);
  let transcript = false;

  // First pass: classify each line on its own. Prompts decide whether the file is a transcript.
  for (let i = 0; i < physical.length; i++) {
    const { text: lineText, eol } = physical[i]!;
    const prompt = detectPrompt(lineText);
    if (prompt?.mode?.startsWith('config')) transcript = true;
    const start = prompt ? prompt.end : 0;
    const commandStart = leadingWhitespace(lineText, start);
    const rest = lineText.slice(commandStart);
    let kind: LineKind;
    if (rest.length === 0) kind = prompt ? (prompt.mode ? 'command' : 'exec') : 'blank';
    else if (rest.startsWith('!')) kind = 'comment';
    else if (!prompt && (rest.startsWith(':') || rest.startsWith('Cryptochecksum:'))) kind = 'meta';
    else if (prompt && prompt.mode === null) kind = 'exec';
    else kind = 'command';
    lines[i] = {
      index: i,
      text: lineText,
      eol,
      kind,
      prompt,
      commandStart,
      indent: commandStart - start,
      keyword: '',
      parse: null,
      block: null,
    };
  }

  const blocks: Block[] = [];
  let current: Block | null = null;
  /** The last top-level command that opened no block, in case indented lines follow it. */
  let lastTop: number | null = null;

  for (const line of lines) {
    if (transcript && line.kind === 'command' && !line.prompt) line.kind = 'output';
    if (line.kind !== 'command') {
      // Comments and blank lines neither end nor join a block: the next column-0 command decides. A `!` separator
      // is not enough on its own, since captures put `!` lines inside blocks too.
      continue;
    }
    const [keyword, second] = firstWords(line.text, line.commandStart);
    line.keyword = keyword;
    if (keyword.length === 0) continue;
    if (line.prompt && EXEC_WORDS.has(keyword)) {
      // `show`, `write memory` and friends are accepted in every mode but change no configuration.
      line.kind = 'exec';
      continue;
    }
    if (worthParsing(keyword, second)) line.parse = parseCommand(line.text.slice(line.commandStart), line.commandStart);
    const header = headerKind(line.parse, keyword);

    if (transcript) {
      const mode = line.prompt?.mode ?? 'config';
      const modeBlock = MODE_TO_BLOCK[mode];
      if (line.parse?.command?.id === 'exit') {
        if (current) line.block = current;
        current = null;
        continue;
      }
      if (modeBlock) {
        // The prompt says we are inside a sub-mode; a script may start there without showing the header.
        if (!current || current.kind !== modeBlock) {
          current = { kind: modeBlock, header: null, lines: [] };
          blocks.push(current);
        }
        if (header && modeBlock !== 'lb') {
          // A header typed inside a sub-mode leaves it and opens a new block, as on the device.
          current = { kind: header, header: line.index, lines: [] };
          blocks.push(current);
        } else {
          current.lines.push(line.index);
        }
        line.block = current;
        continue;
      }
      // Global configuration prompt.
      if (header) {
        current = { kind: header, header: line.index, lines: [] };
        blocks.push(current);
        line.block = current;
      } else if (current && isUnindentedSubcommand(current.kind, keyword, second, line.parse)) {
        // Published examples show sub-mode commands at a `(config)#` prompt right after the header.
        current.lines.push(line.index);
        line.block = current;
      } else {
        current = null;
      }
      continue;
    }

    // Configuration text: indentation first, keywords where indentation is missing.
    if (line.indent > 0 && current) {
      current.lines.push(line.index);
      line.block = current;
      continue;
    }
    if (line.indent > 0 && !current) {
      // The first indented line under a command that is not a modelled header opens an 'other' block lazily,
      // so the tens of thousands of single-line commands of a large config allocate no block at all.
      if (lastTop !== null) {
        current = { kind: 'other', header: lastTop, lines: [line.index] };
        blocks.push(current);
        lines[lastTop]!.block = current;
        line.block = current;
      }
      // Otherwise a fragment was cut mid-block: the line stays at top level.
      continue;
    }
    if (line.parse?.command?.id === 'exit' && current) {
      line.block = current;
      current.lines.push(line.index);
      current = null;
      continue;
    }
    if (current && current.kind !== 'other' && !header && isUnindentedSubcommand(current.kind, keyword, second, line.parse)) {
      current.lines.push(line.index);
      line.block = current;
      continue;
    }
    if (header) {
      current = { kind: header, header: line.index, lines: [] };
      blocks.push(current);
      line.block = current;
      lastTop = null;
    } else {
      current = null;
      lastTop = line.index;
    }
  }

  return { kind: transcript ? 'transcript' : 'config', lines, blocks };
}

/** The document text the tree was built from: the tree loses nothing. */
export function treeText(tree: SyntaxTree): string {
  let out = '';
  for (const line of tree.lines) out += line.text + line.eol;
  return out;
}
