// The extension's cheap look for a device config before it starts its server: real folders on disk, the backups
// fixture the end-to-end test opens, and the limits (skipped folders, the head of a file, the number of entries).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, test } from 'node:test';
import { findDeviceFile } from '../../client/src/find-device-file';
import { DEFAULT_DEVICE_GLOBS } from '../../server/src/core/detect';

const BACKUPS = join(import.meta.dirname, '..', 'fixtures', 'e2e', 'backups');
const CONFIG = ': Saved\n:\nASA Version 9.16(4)\n!\nhostname asa1\n';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A temporary folder holding `files` (path → content). */
function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'asa-lb-find-'));
  folders.push(folder);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}

test('in a folder of backups it finds a config at the top, before looking into subfolders', async () => {
  assert.equal(await findDeviceFile(BACKUPS, DEFAULT_DEVICE_GLOBS), 'asa-a.cfg');
});

test('it finds a capture deep in a subfolder, past files that are not configs and past node_modules', async () => {
  const folder = folderWith({
    'notes.txt': 'Maintenance notes: take a backup before each change.\n',
    'monitoring.cfg': 'poll_interval = 60\n',
    'node_modules/pkg/asa.cfg': CONFIG,
    'site-b/archive/asa-c.txt': `asa-c# show running-config\n${CONFIG}`,
  });
  assert.equal(await findDeviceFile(folder, DEFAULT_DEVICE_GLOBS), 'site-b/archive/asa-c.txt');
});

test('a folder without configs gives nothing; an .asa file counts by its name alone', async () => {
  assert.equal(
    await findDeviceFile(folderWith({ 'readme.txt': 'hello\n', 'app.conf': 'key = value\n' }), DEFAULT_DEVICE_GLOBS),
    undefined,
  );
  assert.equal(
    await findDeviceFile(folderWith({ 'readme.txt': 'hello\n', 'lab/empty.asa': '' }), DEFAULT_DEVICE_GLOBS),
    'lab/empty.asa',
  );
});

test('only the device-file patterns are looked at, and only the head of a file is read', async () => {
  const block = 'vpn load-balancing\n participate\n';
  const folder = folderWith({
    'fragment.log': block,
    'late.txt': `${'! filler line of a long comment\n'.repeat(3000)}${block}`,
  });
  // A .log file is not a device file by default; a .txt file whose only sign of ASA lies beyond its head is not read that far.
  assert.equal(await findDeviceFile(folder, DEFAULT_DEVICE_GLOBS), undefined);
  assert.equal(await findDeviceFile(folder, ['**/*.log']), 'fragment.log');
});

test('the walk gives up after the given number of entries, and when cancelled', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 30; i++) files[`a${String(i).padStart(2, '0')}.txt`] = 'not a config\n';
  files['z.cfg'] = CONFIG;
  const folder = folderWith(files);
  assert.equal(await findDeviceFile(folder, DEFAULT_DEVICE_GLOBS), 'z.cfg');
  assert.equal(await findDeviceFile(folder, DEFAULT_DEVICE_GLOBS, { maxEntries: 10 }), undefined);
  assert.equal(await findDeviceFile(folder, DEFAULT_DEVICE_GLOBS, { cancelled: () => true }), undefined);
});
