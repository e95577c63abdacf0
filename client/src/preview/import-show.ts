// Fills the preview's sessions and limits from parsed `show vpn load-balancing` output, matching peers to members
// by public address compared as values (the output and the configs may spell an IPv6 address differently).
// The capture is the starting state: its session counts, and its loads, which the preview reproduces exactly.
import type { PreviewGroup } from '../../../server/src/protocol';
import type { ShowOutput, ShowTypeLoad } from '../../../server/src/core/show/types';
import { parseAddress, sameAddress } from '../../../server/src/core/net/address';
import { loadPercent } from '../../../server/src/core/sim/load';
import { MAX_COUNT, withMember, type LimitSource, type PageState } from './page-state';

export interface ImportReport {
  /** Members filled from the output, with the peer's address. */
  matched: { name: string; publicIp: string }[];
  /** Peer addresses of the output that no member of this group has. */
  unmatched: string[];
  /** Whether the output gave limits (the newer layout does, the older does not). */
  limitsKnown: boolean;
  /**
   * Limits the output does not print (older layout) and the configured one would not give the printed load: set to
   * a limit that does, so each member starts at the load the capture shows (216 sessions at 4 %: 5400).
   */
  derived: { name: string; type: 'ipsec' | 'ssl'; load: number; limit: number }[];
  /** The member the output marks as director, which becomes the current director. */
  director: string | null;
}

export function applyShowOutput(
  state: PageState,
  group: PreviewGroup,
  show: ShowOutput,
): { state: PageState; report: ImportReport } {
  let next = state;
  const report: ImportReport = { matched: [], unmatched: [], limitsKnown: false, derived: [], director: null };
  for (const peer of show.peers) {
    const address = peer.publicIp ? parseAddress(peer.publicIp) : null;
    const member = address
      ? group.members.find((m) => {
          const own = m.publicIp ? parseAddress(m.publicIp) : null;
          return own !== null && sameAddress(own, address);
        })
      : undefined;
    if (!member) {
      report.unmatched.push(peer.publicIp ?? '(no address)');
      continue;
    }
    report.matched.push({ name: member.name, publicIp: peer.publicIp! });
    if (peer.ipsec.limit !== null || peer.ssl.limit !== null) report.limitsKnown = true;
    if (peer.role === 'director') report.director = member.name;
    next = withMember(next, member.name, (edit) => {
      const ipsec = startingCounts(peer.ipsec, edit.ipsec, edit.ipsecLimitSource);
      const ssl = startingCounts(peer.ssl, edit.ssl, edit.sslLimitSource);
      for (const [type, counts, load] of [
        ['ipsec', ipsec, peer.ipsec.load],
        ['ssl', ssl, peer.ssl.load],
      ] as const) {
        if (counts.derived) report.derived.push({ name: member.name, type, load: load!, limit: counts.limit });
      }
      return {
        ...edit,
        ipsec: { active: ipsec.active, limit: ipsec.limit },
        ssl: { active: ssl.active, limit: ssl.limit, inactive: edit.ssl.inactive },
        ipsecLimitSource: ipsec.source,
        sslLimitSource: ssl.source,
        // A peer the output lists is up: it answers the director.
        up: true,
      };
    });
  }
  if (report.director !== null) next = { ...next, director: report.director };
  return { state: next, report };
}

interface StartingCounts {
  active: number;
  limit: number;
  source: LimitSource;
  /** The limit was worked out from the printed load. */
  derived: boolean;
}

/** One session type of a member as the capture shows it: its sessions, and a limit that gives its printed load. */
function startingCounts(
  printed: ShowTypeLoad,
  current: { active: number; limit: number },
  source: LimitSource,
): StartingCounts {
  const active = printed.active ?? current.active;
  if (printed.limit !== null) return { active, limit: printed.limit, source: 'imported', derived: false };
  if (printed.load === null || loadPercent(active, current.limit) === printed.load)
    return { active, limit: current.limit, source, derived: false };
  const limit = limitFor(active, printed.load);
  return limit === null
    ? { active, limit: current.limit, source, derived: false }
    : { active, limit, source: 'imported', derived: true };
}

/**
 * A limit at which `active` sessions make `load` percent as the director rounds it (SPEC §6), or null when none does
 * (a load with no sessions). The device's own limit is one of many that give the same load; the one nearest to
 * 100 × active / load is as good as any for the decisions that follow, which see only loads and session counts.
 */
export function limitFor(active: number, load: number): number | null {
  if (active <= 0 || load < 0) return null;
  // Below 1 %: any limit above 200 × active rounds down to 0 %.
  if (load === 0) return 200 * active + 1 <= MAX_COUNT ? 200 * active + 1 : null;
  const estimate = Math.max(1, Math.round((100 * active) / load));
  for (let delta = 0; delta <= 2; delta++) {
    for (const limit of [estimate - delta, estimate + delta]) {
      if (limit >= 1 && limit <= MAX_COUNT && loadPercent(active, limit) === load) return limit;
    }
  }
  return null;
}
