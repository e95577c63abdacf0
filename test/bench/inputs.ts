// Deterministic benchmark inputs made from the corpus: configs replicated and renamed to a target size, with
// load-balancing blocks and groups added, so every run measures the same text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Resolved from the working directory (the repository root, as `npm run bench` runs it), so the bundled benchmark finds it too.
const corpusDir = join(process.cwd(), 'test', 'fixtures', 'corpus');
const SOURCES = [
  'oxidized-asa5512-9.12-output.cfg',
  'pyntc-asa9.0-show_running_config-unindented.cfg',
  'netutils-asa9.7-full-masked.cfg',
  'batfish-asa_dns.cfg',
];

/** The lines of the corpus configs used as material, loaded once. */
let loaded: string[][] | null = null;
function material(): string[][] {
  return (loaded ??= SOURCES.map((name) => readFileSync(join(corpusDir, name), 'utf8').split(/\r?\n/)));
}

export interface ConfigOptions {
  /** End with a complete load-balancing member (the default); without it, the config ends after its body. */
  lb?: boolean;
  /** The hostname; by default one derived from the group and index. */
  hostname?: string;
}

/**
 * A config of exactly `lines` lines for device `index` of group `group`: the corpus bodies repeated with renamed
 * interfaces, objects and access lists (as real large configs are mostly ACLs and objects), then a complete
 * load-balancing member.
 */
export function generateConfig(lines: number, index = 1, group = 1, options: ConfigOptions = {}): string {
  const bodies = material();
  const host = options.hostname ?? `bench-g${group}-m${index}`;
  const octet = (index % 200) + 10;
  const head = [
    ': Saved',
    'ASA Version 9.16(4)',
    `hostname ${host}`,
    'interface GigabitEthernet0/0',
    ' nameif outside',
    ' security-level 0',
    ` ip address 198.51.${group % 250}.${octet} 255.255.255.0`,
    'interface GigabitEthernet0/1',
    ' nameif inside',
    ' security-level 100',
    ` ip address 10.${group % 250}.0.${octet} 255.255.255.0`,
    'crypto ikev1 enable inside',
    `ip local pool POOL-${index} 10.${100 + (group % 100)}.${index % 250}.1-10.${100 + (group % 100)}.${index % 250}.254 mask 255.255.255.0`,
  ];
  const block = [
    'vpn load-balancing',
    ` priority ${(index % 10) + 1}`,
    ' cluster key 8 QmVuY2htYXJrS2V5',
    ` cluster ip address 198.51.${group % 250}.250`,
    ' cluster encryption',
    ' interface lbpublic outside',
    ' interface lbprivate inside',
    ' participate',
  ];
  const tail = [...(options.lb === false ? [] : block), 'Cryptochecksum:00000000000000000000000000000000', ': end'];
  const out = [...head];
  let copy = 0;
  while (out.length < lines - tail.length) {
    const body = bodies[copy % bodies.length]!;
    for (const line of body) {
      if (out.length >= lines - tail.length) break;
      // Renaming keeps lines distinct across copies, as in a real config; otherwise every copy would be a cache hit.
      out.push(
        line
          .replace(/\b(nameif|object network|object-group network|access-list|hostname) (\S+)/, `$1 $2-${copy}`)
          .replace(/\b(\d+)\.(\d+)\.(\d+)\.(\d+)\b/, (_m, a, b, c) => `${a}.${b}.${c}.${copy % 250}`),
      );
    }
    for (let k = 0; k < 40 && out.length < lines - tail.length; k++) {
      out.push(
        `access-list ACL-${copy} extended permit tcp object-group CLIENTS-${copy} host 203.0.113.${k % 250} eq ${1000 + k}`,
      );
    }
    copy++;
  }
  out.push(...tail);
  return out.slice(0, lines).join('\n') + '\n';
}
