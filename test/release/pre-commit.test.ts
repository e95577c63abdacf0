// The pre-commit hooks with the real pre-commit tool (Debian's package, installed when missing) in temporary git
// repositories: a commit with an error is refused with the findings printed, a clean one goes through. Both README
// recipes run as written, with the packed npm package standing in for the registry's: the repository's hooks with
// the installed `asa-lb` on PATH, and pre-commit's own Node.js environment installing the tarball, offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installTarball, packageRelease, ROOT, temporaryDir, VERSION } from './packaged';
import { recipe } from './recipes';

const installer = spawnSync('bash', [join(ROOT, 'test', 'release', 'install-pre-commit.sh')], { encoding: 'utf8' });
if (installer.status !== 0) throw new Error(`pre-commit could not be installed:\n${installer.stderr}`);
const PRE_COMMIT = installer.stdout.trim().split('\n').pop()!;

const release = packageRelease({ npmOnly: true });
const installed = installTarball(release.tarball);
const base = temporaryDir('asa-lb-pre-commit-');
const env: NodeJS.ProcessEnv = {
  ...installed.env,
  PRE_COMMIT_HOME: join(base, 'pre-commit-cache'),
  // pre-commit's Node.js environment installs the tarball with npm; nothing may come from the network.
  npm_config_offline: 'true',
  GIT_AUTHOR_NAME: 'Network Team',
  GIT_AUTHOR_EMAIL: 'noc@example.com',
  GIT_COMMITTER_NAME: 'Network Team',
  GIT_COMMITTER_EMAIL: 'noc@example.com',
};

/** The commits' output, kept for people to read (gitignored). */
const TRANSCRIPT = join(ROOT, '.artifacts', 'release', 'pre-commit.txt');
mkdirSync(join(ROOT, '.artifacts', 'release'), { recursive: true });
writeFileSync(TRANSCRIPT, '');

function keep(title: string, text: string): void {
  appendFileSync(TRANSCRIPT, `### ${title}\n${text}\n`);
}

interface Ran {
  status: number | null;
  output: string;
}

function run(cwd: string, command: string, args: string[]): Ran {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 300_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function git(cwd: string, ...args: string[]): Ran {
  const result = run(cwd, 'git', args);
  assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.output}`);
  return result;
}

function commits(cwd: string): number {
  return Number(git(cwd, 'rev-list', '--count', 'HEAD').output.trim());
}

/** A repository holding the configuration, committed, with the hook installed as `pre-commit install` does. */
function project(name: string, config: string): string {
  const dir = join(base, name);
  mkdirSync(dir);
  git(dir, 'init', '-q', '-b', 'main');
  writeFileSync(join(dir, '.pre-commit-config.yaml'), config);
  git(dir, 'add', '.pre-commit-config.yaml');
  git(dir, 'commit', '-q', '-m', 'pre-commit configuration');
  const install = run(dir, PRE_COMMIT, ['install']);
  assert.equal(install.status, 0, install.output);
  return dir;
}

const BROKEN = readFileSync(join(ROOT, 'test', 'examples', 'dc-vpn-3.cfg'), 'utf8');
// The same device with its two errors corrected (its warnings remain, and warnings do not refuse a commit).
const FIXED = BROKEN.replace(' priorty 5', ' priority 5').replace('lbprivate Inside', 'lbprivate inside');

/** Refused with the findings printed, then corrected and committed, with a non-ASA .txt beside it throughout. */
function refusedThenAccepted(dir: string): string {
  writeFileSync(join(dir, 'dc-vpn-3.cfg'), BROKEN);
  writeFileSync(join(dir, 'change-window.txt'), 'Change window: Saturday 02:00-04:00.\n');
  git(dir, 'add', 'dc-vpn-3.cfg', 'change-window.txt');
  const refused = run(dir, 'git', ['commit', '-m', 'dc-vpn-3']);
  assert.notEqual(refused.status, 0, refused.output);
  assert.match(refused.output, /asa-lb check\.+Failed/);
  assert.match(
    refused.output,
    /^dc-vpn-3\.cfg:22:2: error unknown-lb-command: 'priorty 5' is not a load-balancing command/m,
  );
  assert.match(refused.output, /^dc-vpn-3\.cfg:27:22: error lb-interface-undefined: /m);
  assert.doesNotMatch(refused.output, /change-window/, 'the non-ASA text file was checked');
  assert.equal(commits(dir), 1, 'the commit was not refused');

  writeFileSync(join(dir, 'dc-vpn-3.cfg'), FIXED);
  git(dir, 'add', 'dc-vpn-3.cfg');
  const accepted = run(dir, 'git', ['commit', '-m', 'dc-vpn-3, corrected']);
  assert.equal(accepted.status, 0, accepted.output);
  assert.match(accepted.output, /asa-lb check\.+Passed/);
  assert.equal(commits(dir), 2);
  return `$ git commit -m dc-vpn-3   (exit ${refused.status})\n${refused.output}\n$ git commit -m 'dc-vpn-3, corrected'   (exit ${accepted.status})\n${accepted.output}`;
}

test("the repository's hooks (language: system), as the README configures them, with asa-lb on PATH", (t) => {
  // pre-commit clones the hooks' repository at a revision: a repository holding this checkout's hook definitions.
  const hooks = join(base, 'hooks');
  mkdirSync(hooks);
  git(hooks, 'init', '-q', '-b', 'main');
  cpSync(join(ROOT, '.pre-commit-hooks.yaml'), join(hooks, '.pre-commit-hooks.yaml'));
  git(hooks, 'add', '.');
  git(hooks, 'commit', '-q', '-m', 'hooks');
  git(hooks, 'tag', `v${VERSION}`);
  const config = recipe('pre-commit-system');
  assert.match(config, new RegExp(`rev: v${VERSION.replace(/\./g, '\\.')}\\n`), 'the recipe names another version');
  const dir = project('system', config.replace('https://github.com/asa-lb/asa-lb', hooks));
  keep(t.name, refusedThenAccepted(dir));

  // `asa-lb` sees only staged files; `asa-lb-all` every device file, so an error already committed still counts.
  writeFileSync(join(dir, 'dc-vpn-9.cfg'), BROKEN.replace(/dc-vpn-3/g, 'dc-vpn-9'));
  git(dir, 'add', 'dc-vpn-9.cfg');
  git(dir, 'commit', '-q', '--no-verify', '-m', 'committed without the hook');
  writeFileSync(
    join(dir, 'dc-vpn-5.cfg'),
    FIXED.replace(/dc-vpn-3/g, 'dc-vpn-5').replace('209.165.202.132 ', '209.165.202.135 '),
  );
  git(dir, 'add', 'dc-vpn-5.cfg');
  const staged = run(dir, 'git', ['commit', '-m', 'dc-vpn-5']);
  assert.equal(staged.status, 0, staged.output);
  writeFileSync(
    join(dir, '.pre-commit-config.yaml'),
    readFileSync(join(dir, '.pre-commit-config.yaml'), 'utf8').replace('- id: asa-lb\n', '- id: asa-lb-all\n'),
  );
  writeFileSync(join(dir, 'dc-vpn-5.cfg'), `${readFileSync(join(dir, 'dc-vpn-5.cfg'), 'utf8')}! reviewed\n`);
  git(dir, 'add', '.pre-commit-config.yaml', 'dc-vpn-5.cfg');
  const all = run(dir, 'git', ['commit', '-m', 'whole repository']);
  assert.notEqual(all.status, 0, all.output);
  assert.match(all.output, /asa-lb check \(whole repository\)\.+Failed/);
  assert.match(all.output, /^dc-vpn-9\.cfg:22:2: error unknown-lb-command: /m);
  keep(`${t.name}: asa-lb-all`, all.output);
});

test("the README's local hook (language: node): pre-commit installs the npm package itself, offline", (t) => {
  const config = recipe('pre-commit-node');
  const spec = `'asa-lb@${VERSION}'`;
  assert.ok(config.includes(spec), 'the recipe names another version');
  const dir = project('node', config.replace(spec, `'${release.tarball}'`));
  keep(t.name, refusedThenAccepted(dir));
});
