// The per-device summary that cross-device checks read: group settings, addresses, pools and priority.
// It is the only input of group analysis, so an edit that leaves a device's summary unchanged re-checks no group.
import { DEFAULT_CLUSTER_PORT, DEFAULT_PRIORITY } from '../commands/lb-commands';
import type { DeviceModel, KeyForm, Located, PoolModel } from '../model/device';
import { documentEol } from '../fixes/edits';
import { parseAddress } from '../net/address';
import type { SyntaxTree } from '../syntax/tree';
import type { Position, Range } from '../types';

export interface InterfaceSummary {
  nameif: string;
  address: string | null;
  prefix: number | null;
  /** Where the address is written (the `ip address` line), or the nameif line. */
  range: Range;
}

export interface DeviceSummary {
  uri: string;
  kind: 'config' | 'transcript';
  hostname: Located<string> | null;
  /** The canonical virtual IPv4 address: the group key. Null when the device is in no group. */
  clusterIp: string | null;
  clusterIpRange: Range | null;
  clusterIpv6: string | null;
  /** The whole `cluster ip address` line, for fixes that rewrite it. */
  clusterIpLineRange: Range | null;
  port: number;
  portRange: Range | null;
  /** The port number token of `cluster port N`. */
  portValueRange: Range | null;
  encryption: boolean;
  encryptionRange: Range | null;
  key: { form: KeyForm; /** Opaque: compared for equality, never shown. */ secret: string; range: Range } | null;
  redirectFqdn: boolean;
  redirectFqdnRange: Range | null;
  /** The `enable`/`disable` token of `redirect-fqdn`. */
  redirectFqdnValueRange: Range | null;
  priority: number;
  priorityConfigured: boolean;
  priorityRange: Range | null;
  participates: boolean;
  lbpublic: InterfaceSummary | null;
  lbprivate: InterfaceSummary | null;
  nat: Located<{ ipv4: string | null; ipv6: string | null; hostname: string | null }> | null;
  pools: PoolModel[];
  /** The `vpn load-balancing` header: where a setting that has no line of its own is reported. */
  headerRange: Range;
  lastLbLine: number;
  /** The end of the block's last line (trailing spaces included): new block lines are inserted here, after an `eol`. */
  lbEnd: Position;
  lbPrefix: string;
  /** The document's end-of-line, so that group fixes (built without the tree) keep the file's line endings. */
  eol: string;
  /** How many lines the document has; its last line is the only one without an end-of-line. */
  lineCount: number;
}

function canonical(text: string | null | undefined): string | null {
  if (!text) return null;
  return parseAddress(text)?.toString() ?? null;
}

function interfaceSummary(device: DeviceModel, nameif: Located<string> | null): InterfaceSummary | null {
  if (!nameif) return null;
  const intf = device.interfaces.find((i) => i.nameif?.value === nameif.value);
  return {
    nameif: nameif.value,
    address: intf?.ipv4?.address.value ?? null,
    prefix: intf?.ipv4?.prefix ?? null,
    range: intf?.ipv4?.address.lineRange ?? intf?.nameif?.lineRange ?? nameif.lineRange,
  };
}

/** Summarises a device that has a load-balancing block; null for devices without one. */
export function summarize(uri: string, device: DeviceModel, lbPrefix: string, tree: SyntaxTree): DeviceSummary | null {
  const lb = device.lb;
  if (!lb) return null;
  // A change script judged on its device's configuration may end its block on a line of that configuration.
  const lastLine = lb.lastLine < tree.lineCount ? tree.line(lb.lastLine) : undefined;
  return {
    uri,
    kind: device.kind,
    hostname:
      device.hostname ??
      (device.promptHostname
        ? { value: device.promptHostname, line: 0, range: lb.headerRange, lineRange: lb.headerRange }
        : null),
    clusterIp: canonical(lb.clusterIp?.value.ipv4),
    clusterIpRange: lb.clusterIp?.range ?? null,
    clusterIpv6: canonical(lb.clusterIp?.value.ipv6),
    clusterIpLineRange: lb.clusterIp?.lineRange ?? null,
    port: lb.port?.value ?? DEFAULT_CLUSTER_PORT,
    portRange: lb.port?.lineRange ?? null,
    portValueRange: lb.port?.range ?? null,
    encryption: lb.encryption !== null,
    encryptionRange: lb.encryption?.lineRange ?? null,
    key: lb.key ? { form: lb.key.value.form, secret: lb.key.value.secret, range: lb.key.lineRange } : null,
    redirectFqdn: lb.redirectFqdn?.value ?? false,
    redirectFqdnRange: lb.redirectFqdn?.lineRange ?? null,
    redirectFqdnValueRange: lb.redirectFqdn?.range ?? null,
    priority: lb.priority?.value ?? DEFAULT_PRIORITY,
    priorityConfigured: lb.priority !== null,
    priorityRange: lb.priority?.lineRange ?? null,
    participates: lb.participate !== null,
    lbpublic: interfaceSummary(device, lb.lbpublic),
    lbprivate: interfaceSummary(device, lb.lbprivate),
    nat: lb.nat,
    pools: device.pools,
    headerRange: lb.headerRange,
    lastLbLine: lb.lastLine,
    lbEnd: { line: lb.lastLine, character: lastLine?.text.length ?? 0 },
    lbPrefix,
    eol: documentEol(tree),
    lineCount: tree.lineCount,
  };
}
