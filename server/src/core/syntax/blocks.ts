// Block inference: which lines belong to which block, from indentation, from the prompt's mode in transcripts, and
// from the keywords a sub-mode accepts where a capture lost its indentation. Lines of a load-balancing block that
// abbreviate a command are then read as that command.
import { commandRow, commandsOf, type BlockKind } from '../commands/table';
import { expandKeywords } from './abbreviations';
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

/**
 * The blocks of a tree's lines, setting each line's `block`. `infos` are the lines' records (with the second word
 * and the header kind each line has on its own).
 */
export function inferBlocks(lines: LineNode[], infos: readonly LineRecord[], transcript: boolean): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  /** Opens a block under `line`, its header. */
  const open = (kind: BlockKind, line: LineNode): Block => {
    const block: Block = { kind, header: line.index, lines: [] };
    blocks.push(block);
    line.block = block;
    return block;
  };
  /** The last top-level command that opened no block, in case indented lines follow it. */
  let lastTop: number | null = null;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // Comments, blank lines and exec commands neither end nor join a block: the next column-0 command decides.
    // A `!` separator is not enough on its own, since captures put `!` lines inside blocks too.
    if (line.kind !== 'command' || line.keyword === '') continue;
    const keyword = line.keyword;
    const second = infos[i]!.second;
    const header = infos[i]!.header;

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
          current = open(header, line);
        } else {
          current.lines.push(line.index);
          line.block = current;
        }
        continue;
      }
      // Global configuration prompt.
      if (header) {
        current = open(header, line);
      } else if (current && isUnindentedSubcommand(current.kind, keyword, second)) {
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
    if (current && current.kind !== 'other' && !header && isUnindentedSubcommand(current.kind, keyword, second)) {
      current.lines.push(line.index);
      line.block = current;
      continue;
    }
    if (header) {
      current = open(header, line);
      lastTop = null;
    } else {
      current = null;
      lastTop = line.index;
    }
  }

  for (const block of blocks) if (block.kind === 'lb') for (const i of block.lines) readAbbreviated(lines[i]!);
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
  const expanded = expandKeywords('lb', leadingWords(line.text, line.commandStart));
  if (expanded.length === 0) return;
  const parse = parseCommand(line.text.slice(line.commandStart), line.commandStart, 'lb');
  if (!parse.command) return;
  const record = line as LineRecord;
  record.unexpanded = { keyword: record.keyword, parse: record.parse };
  record.parse = parse;
  record.keyword = expanded[0]!;
}
