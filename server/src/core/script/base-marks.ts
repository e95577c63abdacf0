// A device's configuration carried into a change script's analysis: every value keeps what it is, but its ranges
// are marked as the base file's, so a diagnostic about the merged device lands on a line of the script, or on the
// base file through related information, never on a line number of the wrong document.
import type { DeviceModel, InterfaceModel, LbModel, Located } from '../model/device';
import type { Diagnostic, Range, RelatedLocation } from '../types';

/** The original range in the base file of each marked range (keyed by the marked object itself). */
const origins = new WeakMap<Range, Range>();

/** Whether a range stands for a line of the base file rather than of the script. */
export function isBaseRange(range: Range): boolean {
  return range.start.line < 0;
}

function mark(range: Range): Range {
  const marked = { start: { line: -1, character: 0 }, end: { line: -1, character: 0 } };
  origins.set(marked, range);
  return marked;
}

function markLocated<T>(value: Located<T>): Located<T>;
function markLocated<T>(value: Located<T> | null): Located<T> | null;
function markLocated<T>(value: Located<T> | null): Located<T> | null {
  if (!value) return null;
  return { value: value.value, line: -1, range: mark(value.range), lineRange: mark(value.lineRange) };
}

function markInterface(intf: InterfaceModel): InterfaceModel {
  return {
    ...intf,
    headerLine: -1,
    headerRange: mark(intf.headerRange),
    lastLine: -1,
    nameif: markLocated(intf.nameif),
    ipv4: intf.ipv4
      ? { ...intf.ipv4, address: markLocated(intf.ipv4.address), standby: markLocated(intf.ipv4.standby) }
      : null,
    ipv6: intf.ipv6.map((a) => ({ ...a, address: markLocated(a.address), standby: markLocated(a.standby) })),
  };
}

function markLb(lb: LbModel): LbModel {
  return {
    headerLine: null,
    headerRange: mark(lb.headerRange),
    lines: [],
    lastLine: 0,
    occurrences: [],
    lbpublic: markLocated(lb.lbpublic),
    lbprivate: markLocated(lb.lbprivate),
    priority: markLocated(lb.priority),
    nat: markLocated(lb.nat),
    clusterIp: markLocated(lb.clusterIp),
    port: markLocated(lb.port),
    encryption: markLocated(lb.encryption),
    key: markLocated(lb.key),
    redirectFqdn: markLocated(lb.redirectFqdn),
    participate: markLocated(lb.participate),
  };
}

/** A copy of the base device that a script can be applied to, every range marked as the base file's. */
export function markedCopy(base: DeviceModel): DeviceModel {
  // A name server of a server group is the same object in the group and in the device's list; so are the copies.
  const servers = new Map(base.nameServers.map((n) => [n, markLocated(n)]));
  return {
    ...base,
    interfaces: base.interfaces.map(markInterface),
    ikev1Enabled: base.ikev1Enabled.map((v) => markLocated(v)),
    ikev2Enabled: base.ikev2Enabled.map((v) => markLocated(v)),
    pools: base.pools.map((p) => ({ ...p, line: -1, lineRange: mark(p.lineRange), range: mark(p.range) })),
    dnsDomainLookup: base.dnsDomainLookup.map((v) => markLocated(v)),
    dnsServerGroups: base.dnsServerGroups.map((g) => ({
      ...g,
      headerLine: -1,
      nameServers: g.nameServers.map((v) => servers.get(v) ?? markLocated(v)),
    })),
    nameServers: base.nameServers.map((v) => servers.get(v)!),
    fips: markLocated(base.fips),
    multipleContext: markLocated(base.multipleContext),
    localCa: markLocated(base.localCa),
    groupUrls: base.groupUrls.map((u) => ({
      ...u,
      line: -1,
      range: mark(u.range),
      stateRange: u.stateRange && mark(u.stateRange),
    })),
    tunnelGroupHeaders: base.tunnelGroupHeaders.map((h) => ({ ...h, line: -1 })),
    sessionLimits: { ipsec: markLocated(base.sessionLimits.ipsec), ssl: markLocated(base.sessionLimits.ssl) },
    names: new Map(base.names),
    lb: base.lb ? markLb(base.lb) : null,
  };
}

/**
 * A diagnostic of the merged device as the script's document shows it: related locations in the base file point
 * there; a diagnostic whose own range is the base file's moves to the first line of the script it names, or is
 * dropped when the script has no part in it (the base file's own analysis reports it). Fixes that would edit the
 * base file are dropped: the script's document can only edit itself.
 */
export function placeInScript(diagnostic: Diagnostic, uri: string, baseUri: string): Diagnostic | null {
  const related: RelatedLocation[] = [];
  for (const r of diagnostic.related) {
    if (!isBaseRange(r.range)) related.push(r);
    else {
      const origin = origins.get(r.range);
      if (origin) related.push({ ...r, uri: baseUri, range: origin });
    }
  }
  const fixes = diagnostic.fixes.filter((f) => f.edits.every((e) => !isBaseRange(e.range)));
  if (!isBaseRange(diagnostic.range)) return { ...diagnostic, related, fixes };
  const inScript = diagnostic.related.find((r) => r.uri === uri && !isBaseRange(r.range));
  if (!inScript) return null;
  const origin = origins.get(diagnostic.range);
  const movedRelated = origin
    ? [
        { uri: baseUri, range: origin, message: 'The device configuration has it here.' },
        ...related.filter((r) => r !== inScript),
      ]
    : related.filter((r) => r !== inScript);
  return { ...diagnostic, range: inScript.range, related: movedRelated, fixes: [] };
}
