// The per-device summary that cross-device checks read: group settings, addresses, pools and priority.
// It is the only input of group analysis, so an edit that leaves a device's summary unchanged re-checks no group.
import { DEFAULT_CLUSTER_PORT, DEFAULT_PRIORITY } from '../commands/lb-commands';
import type { DeviceModel, KeyForm, Located, PoolModel } from '../model/device';
import { parseAddress } from '../net/address';
import type { Range } from '../types';

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
  port: number;
  portRange: Range | null;
  encryption: boolean;
  encryptionRange: Range | null;
  key: { form: KeyForm; /** Opaque: compared for equality, never shown. */ secret: string; range: Range } | null;
  redirectFqdn: boolean;
  redirectFqdnRange: Range | null;
  priority: number;
  priorityConfigured: boolean;
  priorityRange: Range | null;
  participates: boolean;
  lbpublic: InterfaceSummary | null;
  lbprivate: InterfaceSummary | null;
  nat: Located<{ ipv4: string | null; ipv6: string | null; hostname: string | null }> | null;
  pools: PoolModel[];
  /** Every IPv4 subnet of the device's interfaces, for probable-vip-typo. */
  headerRange: Range;
  lastLbLine: number;
  lbPrefix: string;
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
export function summarize(uri: string, device: DeviceModel, lbPrefix: string): DeviceSummary | null {
  const lb = device.lb;
  if (!lb) return null;
  return {
    uri,
    kind: device.kind,
    hostname: device.hostname ?? (device.promptHostname ? { value: device.promptHostname, line: 0, range: lb.headerRange, lineRange: lb.headerRange } : null),
    clusterIp: canonical(lb.clusterIp?.value.ipv4),
    clusterIpRange: lb.clusterIp?.range ?? null,
    clusterIpv6: canonical(lb.clusterIp?.value.ipv6),
    port: lb.port?.value ?? DEFAULT_CLUSTER_PORT,
    portRange: lb.port?.lineRange ?? null,
    encryption: lb.encryption !== null,
    encryptionRange: lb.encryption?.lineRange ?? null,
    key: lb.key ? { form: lb.key.value.form, secret: lb.key.value.secret, range: lb.key.lineRange } : null,
    redirectFqdn: lb.redirectFqdn?.value ?? false,
    redirectFqdnRange: lb.redirectFqdn?.lineRange ?? null,
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
    lbPrefix,
  };
}
