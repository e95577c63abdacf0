// A repository an attacker could write, generated into a temporary folder: every trap that once made the CLI or the
// server take super-linear time, unbounded memory, read outside the repository or print a secret, all at once.
// The hostile-repository test and the benchmark both use it; the secrets it plants must never appear in any output.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface HostileOptions {
  /** Members of the one large group (group-too-large, group-setting-mismatch, priority ties, key comparisons). */
  members?: number;
  /** Single-member groups whose virtual addresses all lie in one public subnet (probable-vip-typo). */
  singles?: number;
  /** Size of the file of blank lines, in bytes (file detection). */
  blankBytes?: number;
  /** Length of the one huge word (message shortening). */
  hugeWord?: number;
  /** Digits of the huge interface id (completion of the next interface). */
  idDigits?: number;
}

export interface HostileRepo {
  dir: string;
  /** Every secret planted in the repository, none of which may appear in any output. */
  secrets: string[];
  /** A file outside the repository that links point to; its content must never be read. */
  outside: string;
  /** Files of the large group and the single groups, relative to `dir`. */
  memberFiles: string[];
  /** The file with the huge interface id, and the position after its last line (for a completion). */
  idFile: string;
  /** A device-file pattern that backtracks exponentially in a naive translation to a regular expression. */
  hostileGlob: string;
}

/** Distinct secrets, one per trap, so an output that leaks says which trap leaked. */
export const SECRET = (what: string): string => `Planted${what}Secret7x`;

/** Member `i` of the large group (texts only, for tests that build a workspace in memory). */
export function member(i: number, secrets: readonly string[]): string {
  const ip = `10.1.${Math.floor(i / 250)}.${(i % 250) + 1}`;
  // Three clear keys, a masked and an encrypted one: mismatches and unverifiable comparisons in one group.
  const key = i % 5 === 3 ? '*****' : i % 5 === 4 ? `8 ${secrets[3]}` : secrets[i % 3]!;
  return [
    ': Saved',
    'ASA Version 9.16(4)',
    `hostname m${i}`,
    'interface GigabitEthernet0/0',
    ' nameif outside',
    ' security-level 0',
    ` ip address ${ip} 255.255.0.0`,
    'interface GigabitEthernet0/1',
    ' nameif inside',
    ' security-level 100',
    ` ip address 172.16.${Math.floor(i / 250)}.${(i % 250) + 1} 255.255.0.0`,
    'crypto ikev1 enable inside',
    'ip local pool vpn 192.168.0.1-192.168.0.50',
    'vpn load-balancing',
    ' interface lbpublic outside',
    ' interface lbprivate inside',
    ' cluster ip address 10.1.255.250',
    ` cluster port ${i % 2 === 0 ? 9023 : 9024}`,
    ` cluster key ${key}`,
    ' cluster encryption',
    ' priority 5',
    ' participate',
    '',
  ].join('\n');
}

/** Device `i` of the single-member groups, all on one public subnet. */
export function single(i: number): string {
  const ip = `10.2.${Math.floor(i / 250)}.${(i % 250) + 1}`;
  return [
    ': Saved',
    `hostname s${i}`,
    'interface GigabitEthernet0/0',
    ' nameif outside',
    ` ip address ${ip} 255.255.0.0`,
    'vpn load-balancing',
    ' interface lbpublic outside',
    ` cluster ip address 10.2.${Math.floor(i / 250) + 100}.${(i % 250) + 1}`,
    ' participate',
    '',
  ].join('\n');
}

export function createHostileRepo(options: HostileOptions = {}): HostileRepo {
  const { members = 1_000, singles = 2_000, blankBytes = 400_000, hugeWord = 6_000_000, idDigits = 200_000 } = options;
  const dir = mkdtempSync(join(tmpdir(), 'asa-lb-hostile-'));
  const outsideDir = mkdtempSync(join(tmpdir(), 'asa-lb-outside-'));
  const secrets = ['KeyA', 'KeyB', 'KeyC', 'KeyEnc', 'Kye', 'Dash', 'Pass', 'Comm', 'Ntp', 'Outside', 'Huge'].map(
    SECRET,
  );
  mkdirSync(join(dir, 'configs'));
  mkdirSync(join(dir, 'singles'));
  mkdirSync(join(dir, '.vscode'));
  const memberFiles: string[] = [];
  for (let i = 0; i < members; i++) {
    const file = `configs/m${String(i).padStart(4, '0')}.cfg`;
    writeFileSync(join(dir, file), member(i, secrets));
    memberFiles.push(file);
  }
  for (let i = 0; i < singles; i++) {
    const file = `singles/s${String(i).padStart(4, '0')}.cfg`;
    writeFileSync(join(dir, file), single(i));
    memberFiles.push(file);
  }
  // File detection: text files of blank lines, with and without carriage returns.
  writeFileSync(join(dir, 'notes.txt'), '\n'.repeat(blankBytes));
  writeFileSync(join(dir, 'configs', 'notes.cfg'), '\r\n'.repeat(blankBytes / 2));
  // Secrets behind misspelled or unknown keywords in the load-balancing block.
  writeFileSync(
    join(dir, 'configs', 'typos.cfg'),
    [
      'hostname typos',
      'ntp authentication-key 1 md5 ' + secrets[8],
      'vpn load-balancing',
      ` cluster kye ${secrets[4]}`,
      ` cluster-key ${secrets[5]}`,
      ` cluster password ${secrets[6]}`,
      ` snmp community ${secrets[7]}`,
      ' cluster ip address 10.9.0.1',
      '',
    ].join('\n'),
  );
  // One huge word, in a position a message quotes.
  writeFileSync(
    join(dir, 'configs', 'huge-word.cfg'),
    `hostname huge\nvpn load-balancing\n cluster ip address ${'w'.repeat(hugeWord)}\n cluster kye ${secrets[10]}\n`,
  );
  // A huge interface id, for completion.
  const idFile = 'configs/iface.asa';
  writeFileSync(
    join(dir, idFile),
    `hostname iface\ninterface GigabitEthernet0/${'7'.repeat(idDigits)}x\n nameif outside\n\n`,
  );
  // Links and special files: to /dev/zero, to a file outside, a FIFO, and a blob beyond the size limit (sparse).
  writeFileSync(
    join(outsideDir, 'stolen.cfg'),
    `hostname outside-host\nvpn load-balancing\n cluster port 99999\n cluster kye ${secrets[9]}\n`,
  );
  symlinkSync('/dev/zero', join(dir, 'configs', 'zz-backup.cfg'));
  symlinkSync(join(outsideDir, 'stolen.cfg'), join(dir, 'configs', 'stolen.cfg'));
  symlinkSync(outsideDir, join(dir, 'linked'));
  const fifo = spawnSync('mkfifo', [join(dir, 'configs', 'pipe.cfg')]);
  if (fifo.status !== 0) throw new Error('mkfifo failed');
  writeFileSync(join(dir, 'capture.txt'), '');
  truncateSync(join(dir, 'capture.txt'), 1536 * 1024 * 1024);
  const hostileGlob = `${'**a'.repeat(12)}**b`;
  writeFileSync(
    join(dir, '.vscode', 'settings.json'),
    JSON.stringify({ 'asaLb.deviceFiles': [hostileGlob, '**/*.cfg', '**/*.asa', '**/*.txt'] }, null, 2),
  );
  // A file name the hostile pattern is tried against.
  writeFileSync(join(dir, `${'a'.repeat(40)}.txt`), 'not a config\n');
  return { dir, secrets, outside: outsideDir, memberFiles, idFile, hostileGlob };
}
