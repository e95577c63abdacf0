// Builds member configurations in test code, for scenarios too large or too repetitive to keep as files
// (groups of 10 and 11 members). The layout is the one of the fixture files.

export interface MemberOptions {
  /** Host part of the public (192.0.2.x) and private (10.0.0.x) addresses; also names the pool. */
  host: number;
  hostname?: string;
  vip?: string;
  priority?: number | null;
  /** Extra lines of the load-balancing block (expectation lines included), before `participate`. */
  lb?: string[];
  /** Lines under `cluster ip address` (expectation lines). */
  underVip?: string[];
  participate?: boolean;
}

export function memberConfig(o: MemberOptions): string {
  const lines = [
    ': Saved',
    'ASA Version 9.12(4)67',
    '!',
    `hostname ${o.hostname ?? `asa${o.host}`}`,
    '!',
    'interface GigabitEthernet0/0',
    ' nameif outside',
    ' security-level 0',
    ` ip address 192.0.2.${o.host} 255.255.255.0`,
    '!',
    'interface GigabitEthernet0/1',
    ' nameif inside',
    ' security-level 100',
    ` ip address 10.0.0.${o.host} 255.255.255.0`,
    '!',
    'crypto ikev1 enable inside',
    `ip local pool VPN-POOL 172.16.${o.host}.1-172.16.${o.host}.254 mask 255.255.255.0`,
    '!',
    'vpn load-balancing',
    ...(o.priority === null ? [] : [` priority ${o.priority ?? 5}`]),
    ` cluster ip address ${o.vip ?? '192.0.2.100'}`,
    ...(o.underVip ?? []),
    ' interface lbpublic outside',
    ' interface lbprivate inside',
    ...(o.lb ?? []),
    ...(o.participate === false ? [] : [' participate']),
    '!',
    ': end',
  ];
  return lines.join('\n') + '\n';
}

/** An expectation line with carets under `token` of `line` (which must not start at column 0). */
export function caretsUnder(line: string, token: string, severity: string, code: string, fragment?: string): string {
  const column = line.indexOf(token);
  if (column < 1) throw new Error(`'${token}' is not in '${line}' past column 0`);
  return `!${' '.repeat(column - 1)}${'^'.repeat(token.length)} ${severity} ${code}${fragment ? ` "${fragment}"` : ''}`;
}
