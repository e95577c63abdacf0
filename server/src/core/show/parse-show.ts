// Reads `show vpn load-balancing` output in either layout (the older one without session limits, the newer one with them), by whitespace tokens rather than columns.
import { parseAddress } from '../net/address';
import { meaningfulLines, type ShowLine } from './lines';
import { normaliseRole } from './roles';
import { whatItLooksLike } from './identify';
import type { ShowLayout, ShowOutput, ShowParseResult, ShowPeer, ShowTypeLoad, ShowWarning } from './types';

/** Which table the lines being read belong to. */
type Section = 'none' | 'status' | 'peers' | 'license' | 'older-peers';

/** The header's key/value lines (older layout) and the status table's columns (newer layout) share these names. */
const STATUS_KEYS: Readonly<Record<string, keyof Omit<ShowOutput, 'peers'> | 'peerCount'>> = {
  status: 'status',
  role: 'role',
  failover: 'failover',
  encryption: 'encryption',
  'cluster ip': 'clusterIp',
  peers: 'peerCount',
};

// The value is trimmed by the caller; `\s*(.*)` here would let both loops compete for the same spaces.
const KEY_VALUE = /^(status|role|failover|encryption|cluster ip|peers)[ \t]*:(.*)$/i;

interface ParseState {
  section: Section;
  layout: ShowLayout | null;
  output: ShowOutput;
  /** Column names of the status table, from its header line. */
  statusColumns: string[];
  /** True when the Peers table has a Load-Balancing Version column between Model and Public IP. */
  peersHaveVersion: boolean;
  /** True when the license table lists AnyConnect (SSL) before Other VPN (IPsec), as ASAv 9.x does. */
  licenseSslFirst: boolean;
  /** Peers by canonical address, so that the Peers and license tables merge into one entry per unit. */
  peersByIp: Map<string, ShowPeer>;
  /** How many status values were read; one stray `Status:` line is not enough to call the text this output. */
  statusValues: number;
  /** Status keys seen (`status`, `role`, `cluster ip` …): `Failover :` alone is also a line of `show version`. */
  statusKeys: Set<string>;
  /** A heading only this output has (a status or peer table header, `Peers:`, `Total License Load:`). */
  headerSeen: boolean;
  /** The `Peers` count as printed: how many other units the local one sees. */
  peerCount: number | null;
  peerCountLine: number;
  warnings: ShowWarning[];
}

/**
 * Parses the output; never throws. Text that holds neither a status section nor a peer table is refused with
 * a reason, so the CLI and the import command can say why. Lines that belong to a table but cannot be read
 * become warnings and the rest of the output is still used.
 */
export function parseShowVpnLoadBalancing(text: string): ShowParseResult {
  const lines = meaningfulLines(text);
  if (lines.length === 0) return { ok: false, error: 'the text is empty' };
  const state: ParseState = {
    section: 'none',
    layout: null,
    output: { status: null, role: null, failover: null, encryption: null, clusterIp: null, peers: [] },
    statusColumns: [],
    peersHaveVersion: false,
    licenseSslFirst: true,
    peersByIp: new Map(),
    statusValues: 0,
    statusKeys: new Set(),
    headerSeen: false,
    peerCount: null,
    peerCountLine: -1,
    warnings: [],
  };
  for (const line of lines) readLine(state, line);

  const { output } = state;
  // Other outputs share some words (`show version` lists "Failover :" and "AnyConnect … Peers" licences), so the
  // text must show a heading of this output, or the older header's Status with Role or Cluster IP.
  const olderHeader =
    state.statusKeys.has('status') && (state.statusKeys.has('role') || state.statusKeys.has('cluster ip'));
  if (!state.headerSeen && !olderHeader) {
    const looks = whatItLooksLike(text);
    return {
      ok: false,
      error: `this is not \`show vpn load-balancing\` output: ${looks ? `it looks like ${looks}` : 'it has no status section and no peer table'}`,
    };
  }
  if (state.peerCount !== null) {
    output.peerCount = state.peerCount;
    // `Peers` counts the units other than the local one (the chapter's example: Peers 1, two rows).
    if (output.peers.length > 0 && output.peers.length !== state.peerCount + 1) {
      state.warnings.push({
        line: state.peerCountLine,
        message: `Peers says ${state.peerCount} other unit${state.peerCount === 1 ? '' : 's'}, but the table lists ${output.peers.length} units`,
      });
    }
  }
  inferSelf(output);
  return { ok: true, value: output, layout: state.layout ?? 'older', warnings: state.warnings };
}

function readLine(state: ParseState, line: ShowLine): void {
  const { text, tokens } = line;
  const keyValue = KEY_VALUE.exec(text);
  if (keyValue) {
    const key = keyValue[1]!.toLowerCase().replace(/\s+/g, ' ');
    const value = keyValue[2]!.trim();
    if (key === 'peers' && value === '') {
      // `Peers:` alone opens the newer layout's peer table.
      state.section = 'peers';
      state.layout = 'newer';
      state.headerSeen = true;
    } else {
      state.layout ??= 'older';
      setStatus(state, key, value, line.line);
    }
    return;
  }
  if (/^total license load\s*:?$/i.test(text)) {
    state.section = 'license';
    state.layout = 'newer';
    state.headerSeen = true;
    return;
  }
  if (isHeader(tokens, 'Status', 'Role')) {
    state.section = 'status';
    state.layout = 'newer';
    state.statusColumns = statusColumns(tokens);
    state.headerSeen = true;
    return;
  }
  if (isHeader(tokens, 'Role', 'Pri')) {
    state.section = 'peers';
    state.peersHaveVersion = /version/i.test(text);
    state.headerSeen = true;
    return;
  }
  if (isHeader(tokens, 'Public', 'IP')) {
    state.section = 'older-peers';
    state.headerSeen = true;
    return;
  }
  if (/anyconnect|other vpn/i.test(text)) {
    state.section = 'license';
    const ssl = text.search(/anyconnect/i);
    const ipsec = text.search(/other vpn/i);
    state.licenseSslFirst = ssl < 0 || ipsec < 0 || ssl < ipsec;
    return;
  }
  // Column captions that carry no data: `Limit Used Load …`, and the older layout's `Load %` / `Sessions` lines.
  if (/^(limit|load\s*%|sessions)\b/i.test(text)) return;

  switch (state.section) {
    case 'status':
      readStatusRow(state, line);
      return;
    case 'peers':
      readPeerRow(state, line);
      return;
    case 'license':
      readLicenseRow(state, line);
      return;
    case 'older-peers':
      readOlderPeerRow(state, line);
      return;
    case 'none':
      return;
  }
}

function setStatus(state: ParseState, key: string, value: string, line: number): void {
  const field = STATUS_KEYS[key];
  if (field === undefined) return;
  state.statusValues++;
  state.statusKeys.add(key);
  const known = value === '' ? null : value;
  switch (field) {
    case 'role':
      state.output.role = known === null ? null : normaliseRole(known);
      return;
    case 'peerCount':
      state.peerCount = known !== null ? toCount(known) : null;
      state.peerCountLine = line;
      return;
    default:
      state.output[field] = known;
  }
}

function isHeader(tokens: readonly string[], first: string, second: string): boolean {
  return (
    tokens.length >= 2 &&
    tokens[0]!.toLowerCase() === first.toLowerCase() &&
    tokens[1]!.toLowerCase() === second.toLowerCase()
  );
}

/** The status table's column names; `Cluster IP` is two tokens but one column. */
function statusColumns(tokens: readonly string[]): string[] {
  const columns: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.toLowerCase() === 'cluster' && tokens[i + 1]?.toLowerCase() === 'ip') {
      columns.push('cluster ip');
      i++;
    } else {
      columns.push(tokens[i]!.toLowerCase());
    }
  }
  return columns;
}

function readStatusRow(state: ParseState, line: ShowLine): void {
  const columns = state.statusColumns;
  const { tokens } = line;
  if (tokens.length !== columns.length) {
    state.warnings.push({
      line: line.line,
      message: `status row has ${tokens.length} values for ${columns.length} columns; read what lines up`,
    });
  }
  // The last column (Cluster IP) is read from the end, so one missing value in the middle does not shift it.
  const last = columns.length - 1;
  for (let i = 0; i < last && i < tokens.length - 1; i++) setStatus(state, columns[i]!, tokens[i]!, line.line);
  if (last >= 0 && tokens.length > 0) setStatus(state, columns[last]!, tokens[tokens.length - 1]!, line.line);
  state.section = 'none';
}

function readPeerRow(state: ParseState, line: ShowLine): void {
  const { tokens, self } = withoutSelfMarker(line.tokens);
  if (tokens.length < 3 || toCount(tokens[1]!) === null) {
    state.warnings.push({
      line: line.line,
      message: 'peer row not understood (expected role, priority, model and public IP)',
    });
    return;
  }
  const role = normaliseRole(tokens[0]!);
  if (role === null) state.warnings.push({ line: line.line, message: `unknown role "${tokens[0]}"` });
  const middle = tokens.slice(2, -1);
  const version = state.peersHaveVersion && middle.length >= 2 ? toCount(middle.pop()!) : null;
  const peer = peerFor(state, tokens[tokens.length - 1]!);
  peer.role = role;
  peer.priority = toCount(tokens[1]!);
  peer.model = middle.length > 0 ? middle.join(' ') : null;
  if (version !== null) peer.lbVersion = version;
  if (self) peer.self = true;
}

function readLicenseRow(state: ParseState, line: ShowLine): void {
  const { tokens, self } = withoutSelfMarker(line.tokens);
  const ipAt = tokens.findIndex((t) => parseAddress(t) !== null);
  const numbers = tokens.filter((_, i) => i !== ipAt && tokens[i] !== '%').map(toPercentOrCount);
  if (ipAt < 0 || numbers.length !== 6 || numbers.some((n) => n === null)) {
    state.warnings.push({
      line: line.line,
      message: 'license row not understood (expected limit, used and load for two session types, and a public IP)',
    });
    return;
  }
  const [first, second] = [numbers.slice(0, 3), numbers.slice(3, 6)];
  const peer = peerFor(state, tokens[ipAt]!);
  peer.ssl = typeLoad(state.licenseSslFirst ? first : second);
  peer.ipsec = typeLoad(state.licenseSslFirst ? second : first);
  if (self) peer.self = true;
}

/** Older layout: Public IP, Role, Pri, Model, then load % IPsec/SSL and sessions IPsec/SSL. */
function readOlderPeerRow(state: ParseState, line: ShowLine): void {
  const { tokens, self } = withoutSelfMarker(line.tokens);
  const numbers = tokens.slice(-4).map(toPercentOrCount);
  if (tokens.length < 7 || parseAddress(tokens[0]!) === null || numbers.some((n) => n === null)) {
    state.warnings.push({
      line: line.line,
      message: 'peer row not understood (expected public IP, role, priority, model, two loads and two session counts)',
    });
    return;
  }
  const role = normaliseRole(tokens[1]!);
  if (role === null) state.warnings.push({ line: line.line, message: `unknown role "${tokens[1]}"` });
  const model = tokens.slice(3, -4);
  const peer = peerFor(state, tokens[0]!);
  peer.role = role;
  peer.priority = toCount(tokens[2]!);
  peer.model = model.length > 0 ? model.join(' ') : null;
  peer.ipsec = { limit: null, active: numbers[2]!, load: numbers[0]! };
  peer.ssl = { limit: null, active: numbers[3]!, load: numbers[1]! };
  if (self) peer.self = true;
}

/** The entry for this address, created on first sight so that both newer-layout tables fill one peer. */
function peerFor(state: ParseState, ipText: string): ShowPeer {
  const address = parseAddress(ipText);
  const key = address ? address.toString() : ipText;
  let peer = state.peersByIp.get(key);
  if (!peer) {
    peer = {
      publicIp: ipText,
      self: null,
      role: null,
      priority: null,
      model: null,
      ipsec: { limit: null, active: null, load: null },
      ssl: { limit: null, active: null, load: null },
    };
    state.peersByIp.set(key, peer);
    state.output.peers.push(peer);
  }
  return peer;
}

/** `*` marks the local unit, glued to the address (`10.246.0.1*`) or standing alone. */
function withoutSelfMarker(tokens: readonly string[]): { tokens: string[]; self: boolean } {
  let self = false;
  const cleaned: string[] = [];
  for (const token of tokens) {
    if (token === '*') {
      self = true;
      continue;
    }
    if (token.length > 1 && (token.endsWith('*') || token.startsWith('*'))) {
      self = true;
      cleaned.push(token.replace(/^\*|\*$/g, ''));
      continue;
    }
    cleaned.push(token);
  }
  return { tokens: cleaned, self };
}

/**
 * Who `self` is. When any row carries `*`, the others are not the local unit. The older layout has no marker,
 * but its header says the local unit's role: a local director is the one director row. Otherwise it stays unknown.
 */
function inferSelf(output: ShowOutput): void {
  if (output.peers.some((p) => p.self === true)) {
    for (const peer of output.peers) peer.self ??= false;
    return;
  }
  const directors = output.peers.filter((p) => p.role === 'director');
  if (output.role === 'director' && directors.length === 1) {
    for (const peer of output.peers) peer.self = peer === directors[0];
  }
}

function typeLoad(values: readonly (number | null)[]): ShowTypeLoad {
  return { limit: values[0] ?? null, active: values[1] ?? null, load: values[2] ?? null };
}

function toCount(token: string): number | null {
  return /^\d+$/.test(token) ? Number(token) : null;
}

function toPercentOrCount(token: string): number | null {
  return toCount(token.endsWith('%') ? token.slice(0, -1) : token);
}
