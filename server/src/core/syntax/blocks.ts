// Block inference: which lines belong to which block, from indentation, from the prompt's mode in transcripts, and
// from the keywords a sub-mode accepts where a capture lost its indentation. Lines of a load-balancing block that
// abbreviate a command are then read as that command.
import { commandRow, commandsOf, type BlockKind } from '../commands/table';
import { expandKeywords } from './abbreviations';
import { COMMAND, type LineTable } from './line-table';
import type { Block, LineNode, LineRecord } from './nodes';
import { parseCommand, type ParseResult } from './parser';
import { leadingWords } from './words';

// Sub-commands that identify a block even without indentation (captures that lost it, and sloppy transcripts).
// Only words that are not also global commands are listed, so a global command is never pulled into a block.
// They are the first keywords of the table's commands of that sub-mode, and the sub-mode's commands it does not model.
const UNMODELLED_SUBCOMMANDS: Partial<Record<BlockKind, string[]>> = {
  interface: [
    'description',
    'speed',
    'duplex',
    'vlan',
    'member-interface',
    'mac-address',
    'channel-group',
    'pppoe',
    'delay',
  ],
  'dns-server-group': ['retries', 'poll-timer', 'expire-entry-timer'],
  'tunnel-group': ['group-alias', 'address-pool', 'default-group-policy', 'authentication-server-group'],
};
const UNINDENTED_SUBCOMMANDS: Partial<Record<BlockKind, Set<string>>> = {};
for (const kind of ['interface', 'lb', 'dns-server-group', 'tunnel-group'] as const) {
  UNINDENTED_SUBCOMMANDS[kind] = new Set([
    ...commandsOf(kind).map((row) => row.keywords[0]!),
    ...(UNMODELLED_SUBCOMMANDS[kind] ?? []),
  ]);
}

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

/** The block a header command opens (the table's `opens`), or null when the command is not a header. */
export function headerKind(parse: ParseResult | null): BlockKind | null {
  const command = parse?.command;
  if (!command || command.negated) return null;
  const opens = commandRow(command.id).opens ?? null;
  // `tunnel-group NAME type remote-access` is one line; only the attribute forms open a sub-mode.
  if (command.id === 'tunnel-group' && !(command.args[1]?.text.toLowerCase() ?? '').endsWith('-attributes'))
    return null;
  return opens;
}

/** Whether an unindented line can still belong to a block of `kind`, judged by its keywords. */
function isUnindentedSubcommand(kind: BlockKind, keyword: string, second: string): boolean {
  if (!UNINDENTED_SUBCOMMANDS[kind]?.has(keyword)) return false;
  if (kind === 'lb') {
    if (keyword === 'interface') return second === 'lbpublic' || second === 'lbprivate';
    // The global `nat (inside,outside) …` starts with a parenthesis; the sub-mode's `nat` takes an address or name.
    if (keyword === 'nat') return !second.startsWith('(');
    // `cluster group NAME` is the global ASA clustering command.
    if (keyword === 'cluster') return ['ip', 'port', 'encryption', 'key'].includes(second);
  }
  if (kind === 'interface' && keyword === 'ip') return second === 'address';
  if (kind === 'interface' && keyword === 'ipv6')
    return second !== 'local' && second !== 'route' && second !== 'access-list' && second !== 'icmp';
  return true;
}

/** Whether line `i` is `exit`, which leaves the sub-mode it is typed in. */
function isExit(table: LineTable, i: number): boolean {
  return table.parse(i)?.command?.id === 'exit';
}

/**
 * The blocks of a tree's lines, setting each line's block in `table.blockIndex`. Read from the columns (each line's
 * second word and the header kind it has on its own included), so that no line needs a node for it.
 */
export function inferBlocks(table: LineTable, transcript: boolean): Block[] {
  const blocks: Block[] = [];
  const blockIndex = table.blockIndex;
  let current: Block | null = null;
  let currentIndex = -1;
  /** Opens a block under line `header`. */
  const open = (kind: BlockKind, header: number): Block => {
    const block: Block = { kind, header, lines: [] };
    currentIndex = blocks.push(block) - 1;
    blockIndex[header] = currentIndex;
    return block;
  };
  /** Adds line `i` to the current block. */
  const join = (block: Block, i: number): void => {
    block.lines.push(i);
    blockIndex[i] = currentIndex;
  };
  /** The last top-level command that opened no block, in case indented lines follow it. */
  let lastTop: number | null = null;

  for (let i = 0; i < table.count; i++) {
    // Comments, blank lines and exec commands neither end nor join a block: the next column-0 command decides.
    // A `!` separator is not enough on its own, since captures put `!` lines inside blocks too.
    const keyword = table.keyword(i);
    if (table.kind(i, transcript) !== COMMAND || keyword === '') continue;
    const second = table.second(i);
    const header = table.header(i);
    if (transcript) {
      const mode = table.prompt(i)?.mode ?? 'config';
      const modeBlock = MODE_TO_BLOCK[mode];
      if (isExit(table, i)) {
        if (current) blockIndex[i] = currentIndex;
        current = null;
        continue;
      }
      if (modeBlock) {
        // The prompt says we are inside a sub-mode; a script may start there without showing the header.
        if (!current || current.kind !== modeBlock) {
          current = { kind: modeBlock, header: null, lines: [] };
          currentIndex = blocks.push(current) - 1;
        }
        if (header && modeBlock !== 'lb') {
          // A header typed inside a sub-mode leaves it and opens a new block, as on the device.
          current = open(header, i);
        } else {
          join(current, i);
        }
        continue;
      }
      // Global configuration prompt.
      if (header) {
        current = open(header, i);
      } else if (current && isUnindentedSubcommand(current.kind, keyword, second)) {
        // Published examples show sub-mode commands at a `(config)#` prompt right after the header.
        join(current, i);
      } else {
        current = null;
      }
      continue;
    }

    // Configuration text: indentation first, keywords where indentation is missing.
    const indent = table.indents[i]!;
    if (indent > 0 && current) {
      join(current, i);
      continue;
    }
    if (indent > 0 && !current) {
      // The first indented line under a command that is not a modelled header opens an 'other' block lazily,
      // so the tens of thousands of single-line commands of a large config allocate no block at all.
      if (lastTop !== null) {
        current = open('other', lastTop);
        join(current, i);
      }
      // Otherwise a fragment was cut mid-block: the line stays at top level.
      continue;
    }
    if (current && isExit(table, i)) {
      join(current, i);
      current = null;
      continue;
    }
    if (current && current.kind !== 'other' && !header && isUnindentedSubcommand(current.kind, keyword, second)) {
      join(current, i);
      continue;
    }
    if (header) {
      current = open(header, i);
      lastTop = null;
    } else {
      current = null;
      lastTop = i;
    }
  }
  return blocks;
}

/**
 * A line of a load-balancing block that is not a command as written may abbreviate one (`prio 5`): the device
 * accepts any prefix unique in that mode, typed or pasted, so the line is read as the command it stands for. (Lines
 * typed at a prompt were expanded when classified, since their prompt names the mode.) Only the line's own node is
 * changed, and only while its tree is being built.
 */
export function readAbbreviated(line: LineNode): void {
  if (line.block?.kind !== 'lb' || line.kind !== 'command' || line.prompt || line.parse?.command) return;
  const read = abbreviation(line.text, line.commandStart);
  if (!read) return;
  const record = line as LineRecord;
  record.unexpanded = { keyword: record.keyword, parse: record.parse };
  record.parse = read.parse;
  record.keyword = read.keyword;
}

/** The same for row `i` of a table, a line of a load-balancing block, in a transcript or not (`transcript`). */
export function readAbbreviatedRow(table: LineTable, i: number, transcript: boolean): void {
  if (table.kind(i, transcript) !== COMMAND || table.prompt(i) || table.parse(i)?.command) return;
  const read = abbreviation(table.text(i), table.commandStarts[i]!);
  if (read) table.setExpanded(i, read.keyword, read.parse);
}

/** The command a line of a load-balancing block abbreviates, read as that command; null when it abbreviates none. */
function abbreviation(text: string, commandStart: number): { keyword: string; parse: ParseResult } | null {
  const expanded = expandKeywords('lb', leadingWords(text, commandStart));
  if (expanded.length === 0) return null;
  const parse = parseCommand(text.slice(commandStart), commandStart, 'lb');
  return parse.command ? { keyword: expanded[0]!, parse } : null;
}
