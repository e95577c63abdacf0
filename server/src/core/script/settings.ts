// The settings a change script covers, as plain comparable values: what `asa-lb script` writes steps for, and what
// the round-trip property compares between a replayed script and its target. Anything else the model holds is
// named as not scripted instead (see `unscriptedDifferences`).
import { DEFAULT_CLUSTER_PORT } from '../commands/lb-commands';
import type { DeviceModel, InterfaceModel } from '../model/device';
import { parseAddress } from '../net/address';

function canonical(text: string | null | undefined): string | null {
  if (!text) return null;
  return parseAddress(text)?.toString() ?? text.toLowerCase();
}

export interface InterfaceSettings {
  nameif: string | null;
  securityLevel: number | null;
  ipv4: string | null;
  ipv6: string[];
  shutdown: boolean;
}

export interface LbSettings {
  lbpublic: string | null;
  lbprivate: string | null;
  nat: string | null;
  priority: number | null;
  clusterIp: string | null;
  port: number;
  redirectFqdn: boolean;
  /** Whether a key is set (never its value). */
  key: boolean;
  encryption: boolean;
  participate: boolean;
}

export interface ScriptedSettings {
  interfaces: Record<string, InterfaceSettings>;
  ikev1: string[];
  dnsDomainLookup: string[];
  nameServers: Record<string, string[]>;
  pools: string[];
  groupUrls: string[];
  lb: LbSettings;
}

/** The interfaces a change script may touch: those a load-balancing interface names, before or after. */
export function loadBalancingInterfaces(base: DeviceModel, target: DeviceModel): Set<string> {
  const names = new Set<string>();
  for (const device of [base, target]) {
    for (const role of [device.lb?.lbpublic, device.lb?.lbprivate]) if (role) names.add(role.value);
  }
  const out = new Set<string>();
  for (const device of [base, target]) {
    for (const intf of device.interfaces) if (intf.nameif && names.has(intf.nameif.value)) out.add(hwKey(intf.hwid));
  }
  return out;
}

export function hwKey(hwid: string): string {
  return hwid.toLowerCase();
}

export function interfaceSettings(intf: InterfaceModel | undefined): InterfaceSettings {
  return {
    nameif: intf?.nameif?.value ?? null,
    securityLevel: intf?.securityLevel ?? null,
    ipv4: intf?.ipv4
      ? `${canonical(intf.ipv4.address.value)} ${intf.ipv4.mask}${intf.ipv4.standby ? ` standby ${canonical(intf.ipv4.standby.value)}` : ''}`
      : intf?.ipv4Dhcp
        ? 'dhcp'
        : null,
    ipv6: (intf?.ipv6 ?? [])
      .map(
        (a) => `${canonical(a.address.value)}/${a.prefix}${a.standby ? ` standby ${canonical(a.standby.value)}` : ''}`,
      )
      .sort(),
    shutdown: intf?.shutdown ?? false,
  };
}

/** Name servers per `dns server-group`, and the legacy `dns name-server` ones under ''. */
export function nameServersOf(device: DeviceModel): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const inGroups = new Set(device.dnsServerGroups.flatMap((g) => g.nameServers));
  // A group written twice (two `dns server-group` blocks of one name) is one group on the device.
  for (const group of device.dnsServerGroups) {
    if (group.nameServers.length > 0)
      out[group.name] = [
        ...new Set([...(out[group.name] ?? []), ...group.nameServers.map((n) => canonical(n.value)!)]),
      ].sort();
  }
  const legacy = device.nameServers.filter((n) => !inGroups.has(n));
  if (legacy.length > 0) out[''] = [...new Set(legacy.map((n) => canonical(n.value)!))].sort();
  return out;
}

export function poolKey(pool: DeviceModel['pools'][number]): string {
  return `${pool.name} ${pool.family} ${canonical(pool.first)} ${canonical(pool.last)} ${pool.count ?? ''}`;
}

export function groupUrlKey(url: DeviceModel['groupUrls'][number]): string {
  return `${url.tunnelGroup ?? ''} ${url.url}`;
}

export function lbSettings(device: DeviceModel): LbSettings {
  const lb = device.lb;
  const nat = lb?.nat?.value;
  const vip = lb?.clusterIp?.value;
  return {
    lbpublic: lb?.lbpublic?.value ?? null,
    lbprivate: lb?.lbprivate?.value ?? null,
    nat: nat ? [canonical(nat.ipv4), canonical(nat.ipv6), nat.hostname?.toLowerCase() ?? null].join(' ') : null,
    priority: lb?.priority?.value ?? null,
    clusterIp: vip ? `${canonical(vip.ipv4)} ${canonical(vip.ipv6) ?? ''}` : null,
    port: lb?.port?.value ?? DEFAULT_CLUSTER_PORT,
    redirectFqdn: lb?.redirectFqdn?.value ?? false,
    key: lb?.key !== null && lb?.key !== undefined,
    encryption: lb?.encryption !== null && lb?.encryption !== undefined,
    participate: lb?.participate !== null && lb?.participate !== undefined,
  };
}

/** Every setting a change script covers, for the interfaces `hwids` (see loadBalancingInterfaces). */
export function scriptedSettings(device: DeviceModel, hwids: Set<string>): ScriptedSettings {
  const interfaces: Record<string, InterfaceSettings> = {};
  for (const hwid of [...hwids].sort())
    interfaces[hwid] = interfaceSettings(device.interfaces.find((i) => hwKey(i.hwid) === hwid));
  return {
    interfaces,
    ikev1: [...new Set(device.ikev1Enabled.map((e) => e.value))].sort(),
    dnsDomainLookup: [...new Set(device.dnsDomainLookup.map((e) => e.value))].sort(),
    nameServers: nameServersOf(device),
    pools: device.pools.map(poolKey).sort(),
    groupUrls: device.groupUrls.map(groupUrlKey).sort(),
    lb: lbSettings(device),
  };
}

/** What differs between the two devices that a change script does not write, in words for the script's header. */
export function unscriptedDifferences(base: DeviceModel, target: DeviceModel, hwids: Set<string>): string[] {
  const out: string[] = [];
  const differ = (a: unknown, b: unknown): boolean => JSON.stringify(a) !== JSON.stringify(b);
  if (differ(base.hostname?.value ?? null, target.hostname?.value ?? null))
    out.push(`hostname (${base.hostname?.value ?? 'none'} → ${target.hostname?.value ?? 'none'})`);
  const all = new Set([...base.interfaces, ...target.interfaces].map((i) => hwKey(i.hwid)));
  for (const hwid of [...all].sort()) {
    const b = base.interfaces.find((i) => hwKey(i.hwid) === hwid);
    const t = target.interfaces.find((i) => hwKey(i.hwid) === hwid);
    const name = (t ?? b)!.hwid;
    if (!t) {
      out.push(`interface ${name} (only in BASE)`);
      continue;
    }
    if (!hwids.has(hwid) && differ(interfaceSettings(b), interfaceSettings(t)))
      out.push(`interface ${name} (not a load-balancing interface)`);
    if ((b?.managementOnly ?? false) !== t.managementOnly) out.push(`interface ${name}: management-only`);
  }
  const set = (list: { value: string }[]): string[] => [...new Set(list.map((e) => e.value))].sort();
  if (differ(set(base.ikev2Enabled), set(target.ikev2Enabled))) out.push('crypto ikev2 enable');
  if ((base.fips !== null) !== (target.fips !== null)) out.push('fips enable');
  if ((base.multipleContext !== null) !== (target.multipleContext !== null)) out.push('multiple context mode');
  if ((base.localCa !== null) !== (target.localCa !== null)) out.push('crypto ca server (Local CA)');
  if (differ(base.sessionLimits.ipsec?.value ?? null, target.sessionLimits.ipsec?.value ?? null))
    out.push('vpn-sessiondb max-other-vpn-limit');
  if (differ(base.sessionLimits.ssl?.value ?? null, target.sessionLimits.ssl?.value ?? null))
    out.push('vpn-sessiondb max-anyconnect-premium-or-essentials-limit');
  if (differ([...base.names].sort(), [...target.names].sort())) out.push('name aliases');
  const bk = base.lb?.key?.value;
  const tk = target.lb?.key?.value;
  if (bk && tk && (bk.form === 'masked' || tk.form === 'masked'))
    out.push('cluster key (shown masked as ***** in a file, so it cannot be compared)');
  return out;
}
