// Random edits of a device configuration for the change-script property: each edit rewrites the text the way an
// engineer would (load balancing set up or changed, interfaces renamed, re-addressed or shut, IKEv1, DNS, pools and
// group-urls added or removed), so that a config and its edited copy form a BASE and a TARGET.
import fc from 'fast-check';
import { analyzeDocument } from '../../../server/src/core/analyze';
import type { DeviceModel } from '../../../server/src/core/model/device';

export type Edit =
  | {
      kind: 'lb';
      pub: number;
      priv: number;
      priority: number | null;
      port: number | null;
      encryption: boolean;
      key: 'clear' | 'encrypted' | 'none';
      redirect: 'enable' | 'disable' | null;
      participate: boolean;
      nat: boolean;
      vipOffset: number;
    }
  | { kind: 'no-lb' }
  | { kind: 'address'; intf: number; host: number }
  | { kind: 'rename'; intf: number; name: string }
  | { kind: 'shutdown'; intf: number; down: boolean }
  | { kind: 'ikev1'; intf: number; on: boolean }
  | { kind: 'dns'; intf: number; on: boolean; server: number }
  | { kind: 'pool'; name: string; third: number; on: boolean }
  | { kind: 'group-url'; which: 'vip' | 'public'; on: boolean };

export const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('lb' as const),
      pub: fc.nat(7),
      priv: fc.nat(7),
      priority: fc.option(fc.integer({ min: 1, max: 10 })),
      port: fc.option(fc.constantFrom(9023, 9024, 4444)),
      encryption: fc.boolean(),
      key: fc.constantFrom('clear' as const, 'encrypted' as const, 'none' as const),
      redirect: fc.constantFrom('enable' as const, 'disable' as const, null),
      participate: fc.boolean(),
      nat: fc.boolean(),
      vipOffset: fc.integer({ min: 1, max: 20 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'no-lb' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('address' as const),
      intf: fc.nat(7),
      host: fc.integer({ min: 2, max: 60 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('rename' as const),
      intf: fc.nat(7),
      name: fc.constantFrom('outside', 'inside', 'public', 'private', 'dmz', 'lan'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('shutdown' as const), intf: fc.nat(7), down: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('ikev1' as const), intf: fc.nat(7), on: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('dns' as const),
      intf: fc.nat(7),
      on: fc.boolean(),
      server: fc.integer({ min: 1, max: 250 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('pool' as const),
      name: fc.constantFrom('POOL-A', 'POOL-B'),
      third: fc.integer({ min: 0, max: 255 }),
      on: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('group-url' as const),
      which: fc.constantFrom('vip' as const, 'public' as const),
      on: fc.boolean(),
    }),
  },
);

function ipv4ToInt(text: string): number {
  return text.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function intToIpv4(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

function deviceOf(text: string): DeviceModel {
  return analyzeDocument('edit.cfg', text).device;
}

/** The indices of the lines of the block opened by line `header` (indented lines after it). */
function blockEnd(lines: string[], header: number): number {
  let i = header + 1;
  while (i < lines.length && (/^\s+\S/.test(lines[i]!) || lines[i] === '')) i++;
  return i;
}

function removeBlock(lines: string[], match: RegExp): void {
  const at = lines.findIndex((l) => match.test(l));
  if (at < 0) return;
  lines.splice(at, blockEnd(lines, at) - at);
}

function removeLines(lines: string[], match: RegExp): void {
  for (let i = lines.length - 1; i >= 0; i--) if (match.test(lines[i]!)) lines.splice(i, 1);
}

/** Inserts global lines before the first load-balancing or tunnel-group line, or at the end (before `: end`). */
function insertGlobal(lines: string[], added: string[]): void {
  let at = lines.findIndex((l) => /^(vpn load-balancing|tunnel-group |: end|Cryptochecksum)/.test(l));
  if (at < 0) at = lines.length && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
  lines.splice(at, 0, ...added);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Applies one edit; an edit that does not fit the device (no such interface) leaves the text as it is. */
export function applyEdit(text: string, edit: Edit): string {
  const device = deviceOf(text);
  const named = device.interfaces.filter((i) => i.nameif && !i.managementOnly);
  const addressed = named.filter((i) => i.ipv4 && i.ipv4.prefix !== null && i.ipv4.prefix <= 29);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const pick = <T>(list: T[], n: number): T | undefined => (list.length > 0 ? list[n % list.length] : undefined);
  switch (edit.kind) {
    case 'lb': {
      const pub = pick(addressed, edit.pub);
      const priv = pick(
        addressed.filter((i) => i !== pub),
        edit.priv,
      );
      if (!pub || !priv) return text;
      const prefix = pub.ipv4!.prefix!;
      const network = ipv4ToInt(pub.ipv4!.address.value) - (ipv4ToInt(pub.ipv4!.address.value) % 2 ** (32 - prefix));
      const size = 2 ** (32 - prefix);
      const used = new Set(device.interfaces.flatMap((i) => (i.ipv4 ? [ipv4ToInt(i.ipv4.address.value)] : [])));
      let vip = network + (edit.vipOffset % (size - 2)) + 1;
      while (used.has(vip)) vip = network + ((vip - network) % (size - 2)) + 1;
      removeBlock(lines, /^vpn load-balancing\s*$/);
      const block = [
        'vpn load-balancing',
        ` interface lbpublic ${pub.nameif!.value}`,
        ` interface lbprivate ${priv.nameif!.value}`,
      ];
      if (edit.nat) block.push(' nat 198.51.100.7');
      if (edit.priority !== null) block.push(` priority ${edit.priority}`);
      block.push(` cluster ip address ${intToIpv4(vip)}`);
      if (edit.port !== null) block.push(` cluster port ${edit.port}`);
      if (edit.redirect) block.push(` redirect-fqdn ${edit.redirect}`);
      const encryption = edit.encryption && edit.key !== 'none';
      if (edit.key === 'clear') block.push(' cluster key s3cr3t-Group-Key');
      if (edit.key === 'encrypted') block.push(' cluster key 8 c2VjcmV0LWtleQ==');
      if (encryption) block.push(' cluster encryption');
      if (edit.participate) block.push(' participate');
      if (encryption && !device.ikev1Enabled.some((e) => e.value === priv.nameif!.value))
        insertGlobal(lines, [`crypto ikev1 enable ${priv.nameif!.value}`]);
      insertGlobal(lines, block);
      // A DNS lookup and a name server, so that redirect-fqdn has what it needs.
      if (edit.redirect === 'enable' && device.dnsDomainLookup.length === 0)
        insertGlobal(lines, [
          `dns domain-lookup ${priv.nameif!.value}`,
          'dns server-group DefaultDNS',
          ' name-server 10.99.0.53',
        ]);
      break;
    }
    case 'no-lb':
      removeBlock(lines, /^vpn load-balancing\s*$/);
      break;
    case 'address': {
      const intf = pick(addressed, edit.intf);
      if (!intf) return text;
      const block = lines.findIndex((l) =>
        new RegExp(`^interface ${escape(intf.hwid)}\\s*$`, 'i').test(l.replace(/\s+(?=\d)/, '')),
      );
      if (block < 0) return text;
      const end = blockEnd(lines, block);
      const prefix = intf.ipv4!.prefix!;
      const base = ipv4ToInt(intf.ipv4!.address.value);
      const network = base - (base % 2 ** (32 - prefix));
      const host = network + (edit.host % (2 ** (32 - prefix) - 2)) + 1;
      for (let i = block + 1; i < end; i++) {
        if (/^\s*ip address \d/.test(lines[i]!)) lines[i] = ` ip address ${intToIpv4(host)} ${intf.ipv4!.mask}`;
      }
      break;
    }
    case 'rename': {
      const intf = pick(named, edit.intf);
      if (!intf || named.some((i) => i.nameif!.value === edit.name)) return text;
      const old = intf.nameif!.value;
      for (let i = 0; i < lines.length; i++) {
        lines[i] = lines[i]!.replace(new RegExp(`^(\\s*nameif) ${escape(old)}\\s*$`), (m, head: string) =>
          isIn(lines, i, intf.hwid) ? `${head} ${edit.name}` : m,
        ).replace(
          new RegExp(`^(\\s*interface lb(?:public|private)|crypto ikev1 enable|dns domain-lookup) ${escape(old)}\\s*$`),
          `$1 ${edit.name}`,
        );
      }
      break;
    }
    case 'shutdown': {
      const intf = pick(named, edit.intf);
      if (!intf) return text;
      const block = lines.findIndex((l) =>
        new RegExp(`^interface ${escape(intf.hwid)}\\s*$`, 'i').test(l.replace(/\s+(?=\d)/, '')),
      );
      if (block < 0) return text;
      const end = blockEnd(lines, block);
      for (let i = end - 1; i > block; i--) if (/^\s*(no )?shutdown\s*$/.test(lines[i]!)) lines.splice(i, 1);
      if (edit.down) lines.splice(block + 1, 0, ' shutdown');
      break;
    }
    case 'ikev1': {
      const intf = pick(named, edit.intf);
      if (!intf) return text;
      const line = `crypto ikev1 enable ${intf.nameif!.value}`;
      removeLines(lines, new RegExp(`^${escape(line)}\\s*$`));
      if (edit.on) insertGlobal(lines, [line]);
      break;
    }
    case 'dns': {
      const intf = pick(named, edit.intf);
      if (!intf) return text;
      removeLines(lines, new RegExp(`^dns domain-lookup ${escape(intf.nameif!.value)}\\s*$`));
      if (edit.on)
        insertGlobal(lines, [
          `dns domain-lookup ${intf.nameif!.value}`,
          'dns server-group DefaultDNS',
          ` name-server 10.98.0.${edit.server}`,
        ]);
      break;
    }
    case 'pool': {
      removeLines(lines, new RegExp(`^ip local pool ${edit.name} `));
      if (edit.on)
        insertGlobal(lines, [
          `ip local pool ${edit.name} 172.31.${edit.third}.1-172.31.${edit.third}.254 mask 255.255.255.0`,
        ]);
      break;
    }
    case 'group-url': {
      const host =
        edit.which === 'vip'
          ? device.lb?.clusterIp?.value.ipv4
          : device.interfaces.find((i) => i.nameif?.value === device.lb?.lbpublic?.value)?.ipv4?.address.value;
      if (!host) return text;
      const url = ` group-url https://${host}/ra enable`;
      removeLines(lines, new RegExp(`^${escape(url)}\\s*$`));
      if (edit.on) {
        const header = lines.findIndex((l) => /^tunnel-group RA webvpn-attributes\s*$/.test(l));
        if (header >= 0) lines.splice(header + 1, 0, url);
        else insertGlobal(lines, ['tunnel-group RA type remote-access', 'tunnel-group RA webvpn-attributes', url]);
      }
      break;
    }
  }
  return lines.join(eol);
}

/** Whether line `i` lies in the block of interface `hwid`. */
function isIn(lines: string[], i: number, hwid: string): boolean {
  for (let j = i - 1; j >= 0; j--) {
    if (/^\S/.test(lines[j]!))
      return new RegExp(`^interface ${escape(hwid)}\\s*$`, 'i').test(lines[j]!.replace(/\s+(?=\d)/, ''));
  }
  return false;
}

export function applyEdits(text: string, edits: Edit[]): string {
  return edits.reduce(applyEdit, text);
}
