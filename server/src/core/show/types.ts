// The parsed `show vpn load-balancing` output: the `asa-lb show` document, plus what the parser noticed on the way.

/** Master/Director and Backup/Member/Slave, normalised. */
export type ShowRole = 'director' | 'member';

/** One session type on one peer. Null means the output does not say (the older layout has no limits). */
export interface ShowTypeLoad {
  limit: number | null;
  active: number | null;
  /** Percent, as the device printed it. */
  load: number | null;
}

export interface ShowPeer {
  publicIp: string | null;
  /** True for the unit the command ran on (`*` in the output); null when the output does not tell. */
  self: boolean | null;
  role: ShowRole | null;
  priority: number | null;
  model: string | null;
  /** "Other VPN" in the newer layout. */
  ipsec: ShowTypeLoad;
  /** "AnyConnect Premium/Essentials" in the newer layout. */
  ssl: ShowTypeLoad;
  /** Optional (an extension of the contract): the Load-Balancing Version column of the newer layout. */
  lbVersion?: number;
}

/**
 * Exactly the `asa-lb show` document, extended only by optional fields. Status, failover and encryption are kept as
 * printed ("Enabled", "n/a").
 */
export interface ShowOutput {
  status: string | null;
  role: ShowRole | null;
  failover: string | null;
  encryption: string | null;
  /** An address, or a name: the newer layout may print a name here. */
  clusterIp: string | null;
  peers: ShowPeer[];
  /** Optional (an extension of the contract): the `Peers` count as printed, the other units the local one sees. */
  peerCount?: number;
}

export type ShowLayout = 'older' | 'newer';

/** A line the parser recognised as part of a table but could not read fully; `line` is 0-based. */
export interface ShowWarning {
  line: number;
  message: string;
}

export type ShowParseResult =
  { ok: true; value: ShowOutput; layout: ShowLayout; warnings: ShowWarning[] } | { ok: false; error: string };
