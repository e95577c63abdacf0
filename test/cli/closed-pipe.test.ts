// `asa-lb check … | head`: a reader that closes the pipe early ends the output, not the command. No stack trace, and
// the exit status is the check's, so a CI step with pipefail still fails on errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeFolder } from '../lsp/client';
import { bundle } from '../support/bundles';

const examples = join(import.meta.dirname, '..', 'examples');

test('check piped into a reader that stops after the first chunk exits with its own status and prints no stack trace', async () => {
  // Enough findings to fill the pipe many times over: 400 copies of a member with errors.
  const folder = mkdtempSync(join(tmpdir(), 'asa-lb-pipe-'));
  try {
    for (let i = 0; i < 400; i++)
      copyFileSync(join(examples, 'dc-vpn-2.cfg'), join(folder, `member-${String(i).padStart(3, '0')}.cfg`));
    const child = spawn(process.execPath, [bundle('cli'), 'check', '--jobs', '1', folder], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // As `head -c 1` does: read one chunk, then close the reading end.
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    assert.equal(stderr, '');
    assert.equal(status, 1, 'the members have errors');
  } finally {
    removeFolder(folder);
  }
});
