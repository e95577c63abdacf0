// The one table of every command the product models, global and sub-mode alike: where it is typed, its keywords, its
// arguments, whether the device model reads it and the block it opens. The lexer's keywords, the parser's rules, the
// command ids, the keywords the tree infers blocks from and the abbreviations are all derived from it
// (`test/core/command-table.test.ts` checks the derivations); the load-balancing rows carry their documentation,
// default and snippet in `lb-commands.ts`, which completion and hover read.
import { LB_COMMANDS, type ArgKind, type ArgSpec, type LbCommandId } from './lb-commands';

/** A block of configuration lines under a header (`other`: an indented block under a command the product does not model). */
export type BlockKind = 'interface' | 'lb' | 'dns-server-group' | 'tunnel-group' | 'context' | 'other';

/** Where a command is typed: the global configuration mode, a sub-mode (named by the block it belongs to), or any. */
export type CommandMode = 'global' | Exclude<BlockKind, 'other' | 'context'> | 'any';

/** What an argument of a global command is; only the load-balancing arguments are validated (`ArgKind`). */
export type CommandArgKind = ArgKind | { kind: 'word' } | { kind: 'keyword'; word: string };

export interface CommandArg {
  name: string;
  optional?: boolean;
  type: CommandArgKind;
}

export interface CommandRow<Id extends string = string> {
  id: Id;
  mode: CommandMode;
  /** The keyword path that selects the command (after an optional `no`). */
  keywords: readonly string[];
  args: readonly (CommandArg | ArgSpec)[];
  /** Whether the device model reads the command (`model/device.ts` has a case for it). */
  model: boolean;
  /** The block the command opens, when it is a header. */
  opens?: BlockKind;
  /**
   * Global commands only: the shortest prefix of each keyword that a line at a `(config)#` prompt may abbreviate it
   * to, where no other global command of the device starts with that prefix. Commands without it are never expanded
   * there (sub-mode commands are expanded from any unique prefix).
   */
  abbreviate?: number;
  /** Another spelling of that command (an older release's keywords): lines parse as that command's id. */
  spellingOf?: string;
}

const word = (name: string, optional = false): CommandArg => ({
  name,
  type: { kind: 'word' },
  ...(optional ? { optional } : {}),
});
const ipv4 = (name: string, optional = false): CommandArg => ({
  name,
  type: { kind: 'ipv4' },
  ...(optional ? { optional } : {}),
});
const ipv6 = (name: string, optional = false): CommandArg => ({
  name,
  type: { kind: 'ipv6' },
  ...(optional ? { optional } : {}),
});
const nameif = (name = 'IFNAME'): CommandArg => ({ name, type: { kind: 'nameif' } });

/** The global commands and the other sub-modes' commands the checks need. */
const OTHER_COMMANDS = [
  {
    id: 'interface',
    mode: 'global',
    keywords: ['interface'],
    args: [word('HW-ID')],
    model: true,
    opens: 'interface',
    abbreviate: 3,
  },
  { id: 'nameif', mode: 'interface', keywords: ['nameif'], args: [word('IFNAME')], model: true },
  {
    id: 'security-level',
    mode: 'interface',
    keywords: ['security-level'],
    args: [{ name: 'LEVEL', type: { kind: 'integer', min: 0, max: 100 } }],
    model: true,
  },
  {
    id: 'ip-address',
    mode: 'interface',
    keywords: ['ip', 'address'],
    args: [
      ipv4('IPV4|dhcp'),
      ipv4('MASK', true),
      { name: 'standby', optional: true, type: { kind: 'keyword', word: 'standby' } },
      ipv4('STANDBY-IPV4', true),
    ],
    model: true,
  },
  {
    id: 'ipv6-address',
    mode: 'interface',
    keywords: ['ipv6', 'address'],
    args: [ipv6('IPV6/PREFIX'), word('standby|link-local|eui-64', true), ipv6('STANDBY-IPV6', true)],
    model: true,
  },
  { id: 'shutdown', mode: 'interface', keywords: ['shutdown'], args: [], model: true },
  { id: 'management-only', mode: 'interface', keywords: ['management-only'], args: [], model: true },
  { id: 'crypto-ikev1-enable', mode: 'global', keywords: ['crypto', 'ikev1', 'enable'], args: [nameif()], model: true },
  // `crypto isakmp enable IF` is how ASA releases before 8.4 spell `crypto ikev1 enable IF`: the same command.
  {
    id: 'crypto-isakmp-enable',
    mode: 'global',
    keywords: ['crypto', 'isakmp', 'enable'],
    args: [nameif()],
    model: true,
    spellingOf: 'crypto-ikev1-enable',
  },
  { id: 'crypto-ikev2-enable', mode: 'global', keywords: ['crypto', 'ikev2', 'enable'], args: [nameif()], model: true },
  { id: 'crypto-ca-server', mode: 'global', keywords: ['crypto', 'ca', 'server'], args: [], model: true },
  {
    id: 'ip-local-pool',
    mode: 'global',
    keywords: ['ip', 'local', 'pool'],
    args: [word('NAME'), word('FIRST-LAST'), word('mask MASK', true)],
    model: true,
  },
  {
    id: 'ipv6-local-pool',
    mode: 'global',
    keywords: ['ipv6', 'local', 'pool'],
    args: [word('NAME'), ipv6('IPV6/PREFIX'), word('COUNT')],
    model: true,
  },
  { id: 'dns-domain-lookup', mode: 'global', keywords: ['dns', 'domain-lookup'], args: [nameif()], model: true },
  {
    id: 'dns-server-group',
    mode: 'global',
    keywords: ['dns', 'server-group'],
    args: [word('NAME')],
    model: true,
    opens: 'dns-server-group',
  },
  { id: 'dns-name-server', mode: 'global', keywords: ['dns', 'name-server'], args: [word('ADDRESS…')], model: true },
  { id: 'name-server', mode: 'dns-server-group', keywords: ['name-server'], args: [word('ADDRESS…')], model: true },
  { id: 'fips-enable', mode: 'global', keywords: ['fips', 'enable'], args: [], model: true },
  { id: 'mode-multiple', mode: 'global', keywords: ['mode', 'multiple'], args: [], model: true },
  { id: 'context', mode: 'global', keywords: ['context'], args: [word('NAME')], model: true, opens: 'context' },
  { id: 'hostname', mode: 'global', keywords: ['hostname'], args: [word('NAME')], model: true },
  {
    id: 'tunnel-group',
    mode: 'global',
    keywords: ['tunnel-group'],
    // Only the attribute forms open a block; `tunnel-group NAME type …` is a single line (see the tree's headerKind).
    args: [
      word('NAME'),
      {
        name: 'general-attributes|webvpn-attributes|type',
        type: { kind: 'choice', values: ['general-attributes', 'webvpn-attributes'] },
      },
    ],
    model: true,
    opens: 'tunnel-group',
  },
  {
    id: 'group-url',
    mode: 'tunnel-group',
    keywords: ['group-url'],
    args: [word('URL'), word('enable', true)],
    model: true,
  },
  {
    id: 'vpn-sessiondb-other',
    mode: 'global',
    keywords: ['vpn-sessiondb', 'max-other-vpn-limit'],
    args: [word('COUNT')],
    model: true,
  },
  {
    id: 'vpn-sessiondb-anyconnect',
    mode: 'global',
    keywords: ['vpn-sessiondb', 'max-anyconnect-premium-or-essentials-limit'],
    args: [word('COUNT')],
    model: true,
  },
  { id: 'name', mode: 'global', keywords: ['name'], args: [ipv4('ADDRESS'), word('NAME')], model: true },
  {
    id: 'vpn-load-balancing',
    mode: 'global',
    keywords: ['vpn', 'load-balancing'],
    args: [],
    model: true,
    opens: 'lb',
    abbreviate: 4,
  },
  { id: 'exit', mode: 'any', keywords: ['exit'], args: [], model: false },
] as const satisfies readonly CommandRow[];

/** Identifiers of every command the product understands, load-balancing and global. */
export type CommandId = LbCommandId | (typeof OTHER_COMMANDS)[number]['id'];

/** Every command, the load-balancing sub-mode's first (in the order of their documentation), then the others. */
export const COMMANDS: readonly CommandRow<CommandId>[] = [
  ...LB_COMMANDS.map((spec): CommandRow<CommandId> => ({
    id: spec.id,
    mode: 'lb',
    keywords: spec.keywords,
    args: spec.args,
    model: true,
  })),
  ...OTHER_COMMANDS,
];

const byId = new Map<string, CommandRow<CommandId>>(COMMANDS.map((row) => [row.id, row]));

/** The row of a command. */
export function commandRow(id: CommandId): CommandRow<CommandId> {
  return byId.get(id)!;
}

/** Whether a command belongs to the load-balancing sub-mode. */
export function isLbCommand(id: CommandId): boolean {
  return byId.get(id)?.mode === 'lb';
}

/**
 * Every word the lexer knows as a keyword: the words of the keyword paths, `no`, and the fixed words arguments take
 * (`standby`, `enable|disable`, `general-attributes` …), so that those are typed as keywords wherever they stand.
 */
export function lexerKeywords(): string[] {
  const words = new Set<string>(['no']);
  for (const row of COMMANDS) {
    for (const keyword of row.keywords) words.add(keyword);
    for (const arg of row.args) {
      if (arg.type.kind === 'keyword') words.add(arg.type.word);
      if (arg.type.kind === 'choice') for (const value of arg.type.values) words.add(value);
    }
  }
  return [...words];
}

/** The commands of one mode. */
export function commandsOf(mode: CommandMode): CommandRow<CommandId>[] {
  return COMMANDS.filter((row) => row.mode === mode);
}
