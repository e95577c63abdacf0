// Fills the preview's sessions and limits from parsed `show vpn load-balancing` output, matching peers to members
// by public address compared as values (the output and the configs may spell an IPv6 address differently).
import type { PreviewGroup } from '../../../server/src/protocol';
import type { ShowOutput } from '../../../server/src/core/show/types';
import { parseAddress, sameAddress } from '../../../server/src/core/net/address';
import { withMember, type PageState } from './page-state';

export interface ImportReport {
  /** Members filled from the output, with the peer's address. */
  matched: { name: string; publicIp: string }[];
  /** Peer addresses of the output that no member of this group has. */
  unmatched: string[];
  /** Whether the output gave limits (the newer layout does, the older does not). */
  limitsKnown: boolean;
  /** The member the output marks as director, which becomes the current director. */
  director: string | null;
}

export function applyShowOutput(state: PageState, group: PreviewGroup, show: ShowOutput): { state: PageState; report: ImportReport } {
  let next = state;
  const report: ImportReport = { matched: [], unmatched: [], limitsKnown: false, director: null };
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
    next = withMember(next, member.name, (edit) => ({
      ...edit,
      ipsec: { active: peer.ipsec.active ?? edit.ipsec.active, limit: peer.ipsec.limit ?? edit.ipsec.limit },
      ssl: { active: peer.ssl.active ?? edit.ssl.active, limit: peer.ssl.limit ?? edit.ssl.limit, inactive: edit.ssl.inactive },
      ipsecLimitSource: peer.ipsec.limit !== null ? 'imported' : edit.ipsecLimitSource,
      sslLimitSource: peer.ssl.limit !== null ? 'imported' : edit.sslLimitSource,
      // A peer the output lists is up: it answers the director.
      up: true,
    }));
  }
  if (report.director !== null) next = { ...next, director: report.director };
  return { state: next, report };
}
