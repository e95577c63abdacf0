// A hostile repository with every trap at once (files of blank lines, a 1,000-member group, 2,000 single-member groups
// on one subnet, a link to /dev/zero, a link out of the repository, a FIFO, a 1.5 GB blob, a 6 MB word, a 200,000-digit
// interface id, a device-file pattern of 13 globstars, secrets behind misspelled keywords), run through the CLI as CI
// runs it and through the language server over stdio as the editor runs it. Both must finish, stay within a memory
// bound, read nothing outside the repository, and print no planted secret anywhere. Their timings are in
// `npm run bench` (hostile.bench.ts), not here.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { CLI, fileUri, TestClient } from '../lsp/client';
import { createHostileRepo, type HostileRepo } from '../support/hostile-repo';

const TIME = '/usr/bin/time';
/** Generous bounds: the point is that memory does not grow with what the traps would make it read. */
const CLI_MEMORY_MB = 1_500;
const SERVER_MEMORY_MB = 1_500;

let repo: HostileRepo;

before(() => {
  repo = createHostileRepo();
});

after(() => {
  rmSync(repo.dir, { recursive: true, force: true });
  rmSync(repo.outside, { recursive: true, force: true });
});

function leaked(text: string): string[] {
  return repo.secrets.filter((s) => text.includes(s));
}

/** The CLI in the repository, with its peak memory when /usr/bin/time is there; killed after two minutes. */
function cli(args: string[]): { status: number | null; stdout: string; stderr: string; rssMb: number | null } {
  const timed = existsSync(TIME);
  const result = timed
    ? spawnSync(TIME, ['-f', '@@rss %M', process.execPath, CLI, ...args], {
        cwd: repo.dir,
        encoding: 'utf8',
        timeout: 120_000,
        maxBuffer: 256 * 1024 * 1024,
      })
    : spawnSync(process.execPath, [CLI, ...args], {
        cwd: repo.dir,
        encoding: 'utf8',
        timeout: 120_000,
        maxBuffer: 256 * 1024 * 1024,
      });
  const m = /@@rss (\d+)\s*$/.exec(result.stderr ?? '');
  return {
    status: result.status,
    stdout: result.stdout ?? '',
    stderr: m ? result.stderr.slice(0, m.index) : (result.stderr ?? ''),
    rssMb: m ? Number(m[1]) / 1024 : null,
  };
}

describe('the CLI on a hostile repository', () => {
  it('checks every config named by a shell glob, skips the traps with a note, and prints no secret in any format', () => {
    // What `asa-lb check configs/*.cfg` receives from the shell.
    const named = readdirSync(join(repo.dir, 'configs'))
      .filter((n) => n.endsWith('.cfg'))
      .sort()
      .map((n) => `configs/${n}`);
    for (const format of ['text', 'json', 'sarif']) {
      const run = cli(['check', '--format', format, ...named]);
      assert.equal(run.status, 1, `${format}: ${run.stderr.slice(0, 500)}`);
      assert.match(run.stderr, /configs\/zz-backup\.cfg: skipped, a symbolic link out of the folder it is in/);
      assert.match(run.stderr, /configs\/stolen\.cfg: skipped, a symbolic link out of the folder it is in/);
      assert.match(run.stderr, /configs\/pipe\.cfg: skipped, not a regular file/);
      assert.deepEqual(leaked(run.stdout + run.stderr), [], `${format} output`);
      assert.doesNotMatch(run.stdout, /outside-host/);
      assert.match(run.stdout, /group-too-large/);
      if (run.rssMb !== null) assert.ok(run.rssMb < CLI_MEMORY_MB, `${format}: ${run.rssMb.toFixed(0)} MB`);
    }
  });

  it('walks the whole repository: links not followed, the blob not read, the huge word reported, the single groups told', () => {
    const run = cli(['check', '--format', 'json', '.']);
    assert.equal(run.status, 1, run.stderr.slice(0, 500));
    assert.match(run.stderr, /capture\.txt: skipped, larger than 32 MB/);
    assert.deepEqual(leaked(run.stdout + run.stderr), []);
    const json = JSON.parse(run.stdout) as {
      files: { path: string; diagnostics: { code: string; related: unknown[] }[] }[];
    };
    const paths = json.files.map((f) => f.path);
    assert.ok(
      !paths.some((p) => p.startsWith('linked') || p.includes('stolen') || p.includes('notes')),
      'nothing read through a link, and blank files are no configs',
    );
    assert.ok(
      json.files
        .find((f) => f.path === join('configs', 'huge-word.cfg'))!
        .diagnostics.some((d) => d.code === 'invalid-argument'),
    );
    assert.equal(json.files.filter((f) => f.diagnostics.some((d) => d.code === 'probable-vip-typo')).length, 2_000);
    for (const file of json.files)
      for (const d of file.diagnostics)
        assert.ok(d.related.length <= 6, `${file.path} ${d.code}: ${d.related.length} related`);
    if (run.rssMb !== null) assert.ok(run.rssMb < CLI_MEMORY_MB, `${run.rssMb.toFixed(0)} MB`);
  });

  it("refuses the repository's device-file pattern of 13 globstars with a clear error", () => {
    const run = cli(['check', '--config', '.vscode/settings.json', '.']);
    assert.equal(run.status, 2);
    assert.match(
      run.stderr,
      /deviceFiles pattern "(\*\*a){12}\*\*b" is refused: a pattern may hold at most 3 wildcards/,
    );
  });
});

describe('the language server on a hostile repository', () => {
  it('indexes it with the hostile pattern in its settings, publishes every member, answers requests, and leaks nothing', async () => {
    const client = await TestClient.start({
      folder: repo.dir,
      settings: { deviceFiles: [repo.hostileGlob, '**/*.cfg', '**/*.asa', '**/*.txt'] },
    });
    try {
      await client.indexingDone();
      const member = fileUri(join(repo.dir, repo.memberFiles[0]!));
      const single = fileUri(join(repo.dir, repo.memberFiles[repo.memberFiles.length - 1]!));
      const huge = fileUri(join(repo.dir, 'configs', 'huge-word.cfg'));
      const typos = fileUri(join(repo.dir, 'configs', 'typos.cfg'));
      await client.diagnostics(member, (ds) => ds.some((d) => d.code === 'group-too-large'));
      await client.diagnostics(single, (ds) => ds.some((d) => d.code === 'probable-vip-typo'));
      // The document that once stopped every other file's diagnostics has its own.
      await client.diagnostics(huge, (ds) => ds.some((d) => d.code === 'invalid-argument'));
      await client.diagnostics(typos, (ds) => ds.some((d) => d.code === 'unknown-lb-command'));
      const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
        textDocument: { uri: member },
        position: { line: 16, character: 22 },
      });
      assert.match(hover?.contents.value ?? '', /Virtual address 10\.1\.255\.250/);
      const idUri = fileUri(join(repo.dir, repo.idFile));
      await client.open(idUri, readFileSync(join(repo.dir, repo.idFile), 'utf8'));
      const completion = await client.request<{ items: { label: string }[] } | { label: string }[]>(
        'textDocument/completion',
        { textDocument: { uri: idUri }, position: { line: 3, character: 0 } },
      );
      assert.ok((Array.isArray(completion) ? completion : completion.items).length > 0);

      const published: PublishDiagnosticsParams[] = client.published;
      assert.ok(
        !published.some((p) => /linked\/|stolen|zz-backup|pipe\.cfg|capture\.txt|notes\./.test(p.uri)),
        'nothing published for links, FIFOs, blobs or blank files',
      );
      assert.deepEqual(leaked(JSON.stringify(published)), [], 'a secret in the diagnostics');
      assert.deepEqual(leaked(JSON.stringify(hover) + JSON.stringify(completion)), []);
      assert.deepEqual(leaked(client.logs.join('\n')), [], 'a secret in the server log');
      assert.ok(
        client.logs.some((l) => /deviceFiles pattern .* is ignored/.test(l)),
        'the hostile pattern is named in the log',
      );
      // Peak resident memory of the server process (Linux).
      const status = readFileSync(`/proc/${client.child.pid}/status`, 'utf8');
      const peak = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
      assert.ok(peak > 0 && peak < SERVER_MEMORY_MB, `server peak memory ${peak.toFixed(0)} MB`);
    } finally {
      await client.stop();
    }
  });
});
