// How many worker threads `asa-lb check` starts when `--jobs` is not given: none for a few configs (the example
// group, a commit's staged files), where starting one costs more than it saves, and one per 2 MB of files up to one
// per core for a repository. (The report is the same whatever the number: check-jobs.test.ts.)
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jobsWorthStarting } from '../../server/src/cli/check-pool';
import { listFiles } from '../../server/src/cli/file-list';
import { DEFAULT_DEVICE_GLOBS } from '../../server/src/core/detect';
import { generateConfig } from '../bench/inputs';

const root = join(import.meta.dirname, '..', '..');
const folder = mkdtempSync(join(tmpdir(), 'asa-lb-jobs-'));
after(() => rmSync(folder, { recursive: true, force: true }));

/** Writes `count` generated configs of about 1.7 MB each into a new subfolder and lists them as check does. */
async function largeConfigs(count: number): Promise<Awaited<ReturnType<typeof listFiles>>['tasks']> {
  const dir = mkdtempSync(join(folder, `${count}-`));
  const text = generateConfig(40_000);
  assert.ok(text.length > 1.5 * 1024 * 1024 && text.length < 2 * 1024 * 1024, String(text.length));
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `asa${i}.cfg`), text);
  return (await listFiles([dir], false, DEFAULT_DEVICE_GLOBS)).tasks;
}

test('the example group is checked in the main thread, however many cores', async () => {
  const { tasks } = await listFiles([join(root, 'test', 'examples')], false, DEFAULT_DEVICE_GLOBS);
  assert.equal(tasks.length, 4);
  for (const cores of [1, 2, 8, 64]) assert.equal(jobsWorthStarting(tasks, cores), 1, `${cores} cores`);
});

test('one worker per 2 MB of files, at most one per core', async () => {
  const two = await largeConfigs(2); // about 3.4 MB: not yet worth a second thread
  assert.equal(jobsWorthStarting(two, 8), 1);
  const three = await largeConfigs(3); // about 5.1 MB
  assert.equal(jobsWorthStarting(three, 8), 2);
  assert.equal(jobsWorthStarting(three, 2), 2);
  assert.equal(jobsWorthStarting(three, 1), 1);
  const seven = await largeConfigs(7); // about 12 MB
  assert.equal(jobsWorthStarting(seven, 8), 5);
  assert.equal(jobsWorthStarting(seven, 4), 4);
});

test('files that are skipped or gone weigh nothing', async () => {
  const three = await largeConfigs(3);
  const skipped = three.map((task) => ({ ...task, skipped: 'not a regular file' }));
  assert.equal(jobsWorthStarting(skipped, 8), 1);
  const gone = three.map((task) => ({ ...task, path: join(folder, 'no-such-file.cfg') }));
  assert.equal(jobsWorthStarting(gone, 8), 1);
});
