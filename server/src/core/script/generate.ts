// Writes the change script that turns the device whose running-config is BASE into TARGET, in the order the device
// accepts: load-balancing lines that depend on what goes away are removed first (`participate`, then encryption,
// then the key), then interfaces, IKEv1, DNS, pools and group-urls are added, then the load-balancing block is set
// (interfaces, addresses, key before encryption, `participate` last), and prerequisites go last.
import type { ClusterKey, DeviceModel, InterfaceModel } from '../model/device';
import type { SyntaxTree } from '../syntax/tree';
import {
  groupUrlKey,
  hwKey,
  interfaceSettings,
  lbSettings,
  loadBalancingInterfaces,
  nameServersOf,
  poolKey,
  unscriptedDifferences,
} from './settings';

export type Mode =
  | 'exec'
  | 'config'
  | 'config-if'
  | 'config-load-balancing'
  | 'config-dns-server-group'
  | 'config-tunnel-general'
  | 'config-tunnel-webvpn';

export interface Step {
  /** The mode the command is typed in (its prompt). */
  mode: Mode;
  command: string;
  reason: string;
  /** A step the engineer must do by hand (the cluster key, which is never printed): `command` is a comment. */
  manual?: boolean;
}

export interface ChangeScript {
  hostname: string;
  steps: Step[];
  /** Differences the script does not make, in words. */
  unscripted: string[];
}

export interface ScriptInput {
  tree: SyntaxTree;
  device: DeviceModel;
}

/** The command text of a line, without prompt or indentation, spaces collapsed. */
function commandText(tree: SyntaxTree, line: number): string {
  const node = tree.line(line);
  return node.text.slice(node.commandStart).trim().replace(/\s+/g, ' ');
}

/** A sub-mode: its header command, mode, and the steps inside it. Flushed with `exit` by `enter`. */
class Writer {
  readonly steps: Step[] = [];
  private open: string | null = null;

  global(command: string, reason: string): void {
    this.close();
    this.steps.push({ mode: 'config', command, reason });
  }

  inside(header: string, mode: Mode, command: string, reason: string, manual = false): void {
    if (this.open !== header) {
      this.close();
      this.steps.push({ mode: 'config', command: header, reason: `enters ${mode} for the lines below` });
      this.open = header;
    }
    this.steps.push(manual ? { mode, command, reason, manual } : { mode, command, reason });
  }

  close(): void {
    if (this.open === null) return;
    const mode = this.steps[this.steps.length - 1]!.mode;
    this.steps.push({ mode, command: 'exit', reason: 'back to global configuration' });
    this.open = null;
  }
}

const LB = 'vpn load-balancing';

function keyEqual(a: ClusterKey | undefined, b: ClusterKey | undefined): boolean {
  if (!a || !b) return a === b;
  // A masked key cannot be compared; the header says so, and the key is left as the device has it.
  if (a.form === 'masked' || b.form === 'masked') return true;
  return a.form === b.form && a.secret === b.secret;
}

/** The change script from BASE to TARGET; both must be configurations of the same device (the caller checks). */
export function changeScript(base: ScriptInput, target: ScriptInput): ChangeScript {
  const b = base.device;
  const t = target.device;
  const hwids = loadBalancingInterfaces(b, t);
  const out = new Writer();
  out.steps.push({ mode: 'exec', command: 'configure terminal', reason: 'enters global configuration' });

  const bl = lbSettings(b);
  const tl = lbSettings(t);

  // A. Load-balancing settings that go away, dependents first.
  const lbRemove = (command: string, reason: string): void => out.inside(LB, 'config-load-balancing', command, reason);
  if (bl.participate && !tl.participate)
    lbRemove('no participate', 'TARGET does not participate; leaving the group comes before removing what it needs');
  if (bl.encryption && !tl.encryption)
    lbRemove('no cluster encryption', 'TARGET has no cluster encryption; removed before the key and IKEv1 it needs');
  // A TARGET with encryption but no key line leaves the key to be typed (a generated member does): the device's key
  // is not removed, since encryption goes on needing one; the step below says where to type the group's.
  if (bl.key && !tl.key && !tl.encryption)
    lbRemove('no cluster key', 'TARGET has no cluster key; removed after encryption');
  // A reference to an interface that loses its name (renamed, or its name moves to another interface) goes first.
  const cleared = new Set<'lbpublic' | 'lbprivate'>();
  for (const role of ['lbpublic', 'lbprivate'] as const) {
    const was = b.lb?.[role];
    if (!was) continue;
    const holder = b.interfaces.find((i) => i.nameif?.value === was.value);
    const keepsName =
      !holder || t.interfaces.find((i) => hwKey(i.hwid) === hwKey(holder.hwid))?.nameif?.value === was.value;
    if (tl[role] !== null && keepsName) continue;
    cleared.add(role);
    lbRemove(
      `no interface ${role} ${was.value}`,
      tl[role] === null
        ? `TARGET has no 'interface ${role}'`
        : `'${was.value}' is renamed below; the reference goes before the name does`,
    );
  }
  const removable = [
    ['nat', b.lb?.nat, 'TARGET has no nat address'],
    ['priority', b.lb?.priority, 'TARGET has no priority line (the default applies)'],
    ['clusterIp', b.lb?.clusterIp, 'TARGET has no virtual address'],
    ['port', b.lb?.port, 'TARGET uses the default port'],
    ['redirectFqdn', b.lb?.redirectFqdn, 'TARGET does not set redirect-fqdn'],
  ] as const;
  for (const [name, located, reason] of removable) {
    const gone =
      name === 'port'
        ? t.lb?.port === null || t.lb?.port === undefined
        : name === 'redirectFqdn'
          ? !t.lb?.redirectFqdn
          : tl[name] === null;
    if (
      located &&
      gone &&
      (name !== 'port' || bl.port !== tl.port) &&
      (name !== 'redirectFqdn' || bl.redirectFqdn !== tl.redirectFqdn)
    )
      lbRemove(`no ${commandText(base.tree, located.line)}`, reason);
  }

  // B. What the load-balancing lines below need: interfaces, IKEv1, DNS, pools, group-urls.
  const removals: (() => void)[] = [];
  // A name that moves to another interface is taken off its old one first, so no two interfaces share it.
  for (const hwid of [...hwids].sort()) {
    const bi = b.interfaces.find((i) => hwKey(i.hwid) === hwid);
    const ti = t.interfaces.find((i) => hwKey(i.hwid) === hwid);
    const old = bi?.nameif?.value;
    if (!ti || !old || ti.nameif?.value === old) continue;
    if (t.interfaces.some((i) => i !== ti && i.nameif?.value === old))
      out.inside(`interface ${ti.hwid}`, 'config-if', 'no nameif', `'${old}' moves to another interface`);
  }
  for (const hwid of [...hwids].sort()) {
    const bi = b.interfaces.find((i) => hwKey(i.hwid) === hwid);
    const ti = t.interfaces.find((i) => hwKey(i.hwid) === hwid);
    if (!ti) continue;
    scriptInterface(out, removals, target.tree, bi, ti);
  }
  // Each name once, however many lines enable it.
  const added = (from: { value: string }[], already: { value: string }[]): { value: string; line: number }[] => {
    const seen = new Set(already.map((e) => e.value));
    return (from as { value: string; line: number }[]).filter((e) => !seen.has(e.value) && (seen.add(e.value), true));
  };
  for (const e of added(t.ikev1Enabled, b.ikev1Enabled))
    out.global(
      commandText(target.tree, e.line),
      `IKEv1 on '${e.value}', before the load-balancing lines (cluster encryption runs over it)`,
    );
  for (const e of added(b.ikev1Enabled, t.ikev1Enabled))
    removals.push(() =>
      out.global(
        `no ${commandText(base.tree, e.line)}`,
        `TARGET does not enable IKEv1 on '${e.value}'; removed after the load-balancing lines that use it`,
      ),
    );
  for (const e of added(t.dnsDomainLookup, b.dnsDomainLookup))
    out.global(`dns domain-lookup ${e.value}`, 'DNS lookups for redirect-fqdn (reverse DNS of members)');
  for (const e of added(b.dnsDomainLookup, t.dnsDomainLookup))
    removals.push(() => out.global(`no dns domain-lookup ${e.value}`, 'TARGET does not look up DNS on this interface'));
  scriptNameServers(out, removals, b, t);
  scriptPools(out, removals, base, target);
  scriptGroupUrls(out, removals, base, target);

  // C. The load-balancing block: interfaces and addresses, then the key before encryption, `participate` last.
  const lbSet = (command: string, reason: string, manual = false): void =>
    out.inside(LB, 'config-load-balancing', command, reason, manual);
  const tlb = t.lb;
  if (tlb) {
    const set = (located: { line: number } | null, changed: boolean, reason: string): void => {
      if (located && changed) lbSet(commandText(target.tree, located.line), reason);
    };
    set(tlb.lbpublic, bl.lbpublic !== tl.lbpublic || cleared.has('lbpublic'), 'the public interface, once it exists');
    set(
      tlb.lbprivate,
      bl.lbprivate !== tl.lbprivate || cleared.has('lbprivate'),
      'the private interface, once it exists',
    );
    set(tlb.nat, bl.nat !== tl.nat, "this member's NAT address");
    set(tlb.priority, bl.priority !== tl.priority, 'the priority in the director election');
    set(tlb.clusterIp, bl.clusterIp !== tl.clusterIp, 'the virtual address, once its interface has its address');
    set(tlb.port, bl.port !== tl.port, 'the group port');
    set(tlb.redirectFqdn, bl.redirectFqdn !== tl.redirectFqdn, 'redirect by FQDN');
    const typeKey =
      "! Type here: cluster key <the group's shared secret>  (the encrypted form another member shows works too; asa-lb never prints a key)";
    if (tlb.key && !keyEqual(b.lb?.key?.value, tlb.key.value)) {
      lbSet(typeKey, 'the shared secret, before cluster encryption: type it by hand', true);
    } else if (!tlb.key && tl.encryption) {
      // TARGET leaves the key out (a generated member does), yet the device refuses encryption without one.
      lbSet(typeKey, 'the shared secret TARGET leaves out, which cluster encryption needs: type it by hand', true);
    }
    if (tl.encryption && !bl.encryption)
      lbSet('cluster encryption', 'after the key and IKEv1 on the private interface');
    if (tl.participate && !bl.participate) lbSet('participate', 'last, once everything it needs is set');
  }

  // D. Prerequisites that go away, after what depended on them.
  for (const removal of removals) removal();
  out.close();
  out.steps.push({ mode: 'config', command: 'write memory', reason: 'saves the running configuration' });
  const unscripted = unscriptedDifferences(b, t, hwids);
  return { hostname: t.hostname?.value ?? b.hostname?.value ?? 'asa', steps: out.steps, unscripted };
}

function scriptInterface(
  out: Writer,
  removals: (() => void)[],
  tree: SyntaxTree,
  bi: InterfaceModel | undefined,
  ti: InterfaceModel,
): void {
  const header = `interface ${ti.hwid}`;
  const before = interfaceSettings(bi);
  const after = interfaceSettings(ti);
  const set = (command: string, reason: string): void => out.inside(header, 'config-if', command, reason);
  if (!after.shutdown && before.shutdown) set('no shutdown', 'TARGET has the interface up');
  if (after.nameif !== before.nameif && after.nameif)
    set(`nameif ${after.nameif}`, 'the name the load-balancing lines use');
  if (after.securityLevel !== before.securityLevel && after.securityLevel !== null)
    set(`security-level ${after.securityLevel}`, 'as in TARGET');
  if (after.ipv4 !== before.ipv4 && ti.ipv4)
    set(commandText(tree, ti.ipv4.address.line), 'the address the virtual address and the group rely on');
  if (after.ipv4 !== before.ipv4 && !ti.ipv4 && ti.ipv4Dhcp) set('ip address dhcp', 'as in TARGET');
  const gone = before.ipv6.filter((a) => !after.ipv6.includes(a));
  if (gone.length > 0) {
    for (const address of gone)
      set(`no ipv6 address ${address.replace(/ standby .*/, '')}`, 'TARGET does not have this IPv6 address');
    for (const a of ti.ipv6) set(commandText(tree, a.address.line), 'IPv6 address of TARGET');
  } else {
    for (const a of ti.ipv6) {
      const key = interfaceSettings({ ...ti, ipv6: [a] }).ipv6[0]!;
      if (!before.ipv6.includes(key)) set(commandText(tree, a.address.line), 'IPv6 address of TARGET');
    }
  }
  if (after.nameif === null && before.nameif !== null)
    removals.push(() =>
      out.inside(
        header,
        'config-if',
        'no nameif',
        'TARGET removes the name; after the load-balancing lines stop using it',
      ),
    );
  if (after.ipv4 === null && before.ipv4 !== null)
    removals.push(() =>
      out.inside(header, 'config-if', 'no ip address', 'TARGET removes the address; after the lines that rely on it'),
    );
  if (after.shutdown && !before.shutdown)
    removals.push(() => out.inside(header, 'config-if', 'shutdown', 'TARGET shuts the interface down; last'));
}

function scriptNameServers(out: Writer, removals: (() => void)[], b: DeviceModel, t: DeviceModel): void {
  const before = nameServersOf(b);
  const after = nameServersOf(t);
  for (const group of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = new Set(before[group] ?? []);
    const now = new Set(after[group] ?? []);
    for (const server of now) {
      if (was.has(server)) continue;
      if (group === '') out.global(`dns name-server ${server}`, 'a name server for redirect-fqdn');
      else
        out.inside(
          `dns server-group ${group}`,
          'config-dns-server-group',
          `name-server ${server}`,
          'a name server for redirect-fqdn',
        );
    }
    for (const server of was) {
      if (now.has(server)) continue;
      if (group === '')
        removals.push(() => out.global(`no dns name-server ${server}`, 'TARGET does not use this name server'));
      else
        removals.push(() =>
          out.inside(
            `dns server-group ${group}`,
            'config-dns-server-group',
            `no name-server ${server}`,
            'TARGET does not use this name server',
          ),
        );
    }
  }
}

function scriptPools(out: Writer, removals: (() => void)[], base: ScriptInput, target: ScriptInput): void {
  const before = new Map(base.device.pools.map((p) => [p.name, p]));
  const after = new Map(target.device.pools.map((p) => [p.name, p]));
  for (const [name, pool] of after) {
    const was = before.get(name);
    if (
      was &&
      poolKey(was) === poolKey(pool) &&
      commandText(base.tree, was.line) === commandText(target.tree, pool.line)
    )
      continue;
    if (was)
      out.global(
        `no ${commandText(base.tree, was.line).replace(/^((?:ipv6 |ip )local pool \S+)(?:\s.*)?$/i, '$1')}`,
        `pool '${name}' changes; the old range goes first`,
      );
    out.global(commandText(target.tree, pool.line), `pool '${name}' as in TARGET`);
  }
  for (const [name, pool] of before) {
    if (!after.has(name))
      removals.push(() =>
        out.global(
          `no ${commandText(base.tree, pool.line).replace(/^((?:ipv6 |ip )local pool \S+)(?:\s.*)?$/i, '$1')}`,
          `TARGET has no pool '${name}'`,
        ),
      );
  }
}

function tunnelHeader(tree: SyntaxTree, line: number): { header: string; mode: Mode } | null {
  const header = tree.line(line).block?.header;
  if (header === null || header === undefined) return null;
  const text = commandText(tree, header);
  return { header: text, mode: /webvpn-attributes$/i.test(text) ? 'config-tunnel-webvpn' : 'config-tunnel-general' };
}

function scriptGroupUrls(out: Writer, removals: (() => void)[], base: ScriptInput, target: ScriptInput): void {
  const was = new Map(base.device.groupUrls.map((u) => [groupUrlKey(u), u]));
  const now = new Map(target.device.groupUrls.map((u) => [groupUrlKey(u), u]));
  for (const [key, url] of now) {
    const old = was.get(key);
    if (old && commandText(base.tree, old.line) === commandText(target.tree, url.line)) continue;
    const at = tunnelHeader(target.tree, url.line);
    if (at)
      out.inside(at.header, at.mode, commandText(target.tree, url.line), 'a group-url for a load-balancing address');
  }
  for (const [key, url] of was) {
    if (now.has(key)) continue;
    const at = tunnelHeader(base.tree, url.line);
    if (at)
      removals.push(() => out.inside(at.header, at.mode, `no group-url ${url.url}`, 'TARGET has no such group-url'));
  }
}
