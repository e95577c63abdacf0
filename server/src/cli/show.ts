// `asa-lb show`: parses a capture of `show vpn load-balancing` and prints it as JSON (`core/show/types.ts`, `ShowOutput`) or as a readable table.
import { parseShowVpnLoadBalancing, type ShowOutput, type ShowTypeLoad, type ShowWarning } from '../core/show/index';
import { badInput, readInput, type CommandResult } from './command-result';

/** Parses the capture in the file at `path` (`-` reads standard input). */
export async function runShow(path: string, options: { format: 'json' | 'text' }): Promise<CommandResult> {
  const input = await readInput(path);
  if (!input.ok) return badInput(input.error);
  return showText(input.text, options, path);
}

/** The same as `runShow` on text already in hand; `source` names it in messages. */
export function showText(text: string, options: { format: 'json' | 'text' }, source = 'input'): CommandResult {
  if (options.format !== 'text' && options.format !== 'json')
    return badInput(`unknown format "${String(options.format)}" (use json or text)`);
  const parsed = parseShowVpnLoadBalancing(text);
  if (!parsed.ok) return badInput(`${source}: ${parsed.error}`);
  // Warnings go to stderr so that stdout stays pure JSON; they do not fail the command, since the rest was read.
  const stderr = parsed.warnings.map((w: ShowWarning) => `${source}:${w.line + 1}: warning: ${w.message}\n`).join('');
  const stdout = options.format === 'json' ? `${JSON.stringify(parsed.value, null, 2)}\n` : renderText(parsed.value);
  return { stdout, stderr, exitCode: 0 };
}

function renderText(show: ShowOutput): string {
  const out: string[] = [];
  const field = (name: string, value: string | null): string => `${name}: ${value ?? 'unknown'}`;
  const peerCount = show.peerCount === undefined ? null : String(show.peerCount);
  out.push(
    [
      field('Status', show.status),
      field('Role', show.role),
      field('Failover', show.failover),
      field('Encryption', show.encryption),
      field('Cluster IP', show.clusterIp),
      field('Peers', peerCount),
    ].join('   '),
  );
  out.push('');
  const header = ['Public IP', 'Role', 'Pri', 'Model', 'IPsec', 'SSL'];
  const rows = show.peers.map((p) => [
    `${p.publicIp ?? '?'}${p.self ? ' *' : ''}`,
    p.role ?? '?',
    p.priority === null ? '?' : String(p.priority),
    `${p.model ?? '?'}${p.lbVersion !== undefined ? ` (LB version ${p.lbVersion})` : ''}`,
    typeCell(p.ipsec),
    typeCell(p.ssl),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => `  ${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd();
  out.push(`Peers (${show.peers.length}; * is the unit the command ran on; sessions shown as active/limit and load):`);
  out.push(line(header));
  for (const row of rows) out.push(line(row));
  return `${out.join('\n')}\n`;
}

function typeCell(load: ShowTypeLoad): string {
  const active = load.active === null ? '?' : String(load.active);
  const limit = load.limit === null ? '?' : String(load.limit);
  const percent = load.load === null ? '? %' : `${load.load} %`;
  return `${active}/${limit} ${percent}`;
}
