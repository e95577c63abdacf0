// The README's CI recipes, as far as this machine can run them: each parses as YAML with the structure its service
// reads, and its shell steps run as the service runs them (bash, stopping at the first failure) on a copy of the
// example group and on a clean one, with the installed npm package in place of `npx asa-lb@VERSION`. The SARIF
// GitHub would upload is validated against the SARIF 2.1.0 schema; the GitLab report is checked for the fields
// GitLab reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { parse } from 'yaml';
import { installTarball, packageRelease, ROOT, temporaryDir, VERSION } from './packaged';
import { recipe } from './recipes';

const installed = installTarball(packageRelease({ npmOnly: true }).tarball);
const NPX = `npx --yes asa-lb@${VERSION}`;

interface Step {
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: unknown;
  jobs: Record<string, { 'runs-on': string; permissions: Record<string, string>; steps: Step[] }>;
}
interface GitLabJob {
  image: string;
  script: string[];
  artifacts: { when: string; reports: { codequality: string } };
}

/** A repository's root holding the example group, or the group with its errors corrected (warnings stay). */
function repository(clean: boolean): string {
  const dir = temporaryDir('asa-lb-ci-');
  cpSync(join(ROOT, 'test', 'examples'), dir, { recursive: true });
  if (clean) {
    // Without the change script and dc-vpn-2, the remaining devices still form groups; dc-vpn-3's typos are fixed.
    rmSync(join(dir, 'add-dc-vpn-4.txt'));
    rmSync(join(dir, 'dc-vpn-2.cfg'));
    const path = join(dir, 'dc-vpn-3.cfg');
    const text = readFileSync(path, 'utf8')
      .replace(' priorty 5', ' priority 5')
      .replace('lbprivate Inside', 'lbprivate inside');
    writeFileSync(path, text);
  }
  return dir;
}

/** Runs shell lines as CI services do (bash, -e -o pipefail), with the installed package in place of npx. */
function shell(lines: string, cwd: string): { status: number | null; output: string } {
  assert.ok(lines.includes(NPX), `the recipe does not run ${NPX}`);
  const script = lines.replaceAll(NPX, installed.bin);
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
    cwd,
    env: installed.env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

interface SarifLog {
  runs: { results: { level: string; partialFingerprints: Record<string, string> }[] }[];
}

function validSarif(path: string): SarifLog {
  const require = createRequire(import.meta.url);
  const log = JSON.parse(readFileSync(path, 'utf8'));
  const schema = JSON.parse(
    readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
  );
  const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(
    schema,
  );
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
  return log as SarifLog;
}

test('GitHub Actions: the job fails on errors and still uploads schema-valid SARIF to code scanning', () => {
  const workflow = parse(recipe('github-actions'), { strict: true, uniqueKeys: true }) as Workflow;
  const job = Object.values(workflow.jobs)[0];
  assert.ok(job, 'the workflow has a job');
  assert.equal(job.permissions['security-events'], 'write', 'uploading to code scanning needs security-events: write');
  const upload = job.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
  assert.ok(upload, 'no upload-sarif step');
  const sarifFile = String(upload.with?.sarif_file);
  const writer = job.steps.find((s) => s.run?.includes(`> ${sarifFile}`));
  assert.ok(writer, `no step writes ${sarifFile}`);
  // Steps after the failing check must still run, or a failing check would never reach code scanning.
  for (const step of job.steps.slice(job.steps.indexOf(writer)))
    assert.equal(step.if, '${{ !cancelled() }}', step.name);

  for (const clean of [false, true]) {
    const dir = repository(clean);
    const statuses: ReturnType<typeof shell>[] = job.steps.filter((s) => s.run).map((s) => shell(s.run!, dir));
    assert.equal(statuses[0]!.status, clean ? 0 : 1, statuses[0]!.output);
    if (!clean) assert.match(statuses[0]!.output, /^dc-vpn-3\.cfg:22:2: error unknown-lb-command: /m);
    for (const later of statuses.slice(1)) assert.equal(later.status, 0, later.output);
    const log = validSarif(join(dir, sarifFile));
    const results = log.runs[0]!.results;
    assert.ok(results.length > 0);
    assert.equal(
      results.some((r) => r.level === 'error'),
      !clean,
    );
    assert.ok(results.every((r) => /^[0-9a-f]{32}$/.test(r.partialFingerprints['asaLb/v1']!)));
  }
});

test('GitLab CI: the job fails on errors, prints the findings, and always leaves a Code Quality report', () => {
  const job = Object.values(
    parse(recipe('gitlab-ci'), { strict: true, uniqueKeys: true }) as Record<string, GitLabJob>,
  )[0];
  assert.ok(job, 'the pipeline has a job');
  assert.equal(job.artifacts.when, 'always', 'a failing job must still upload its report');
  const report = job.artifacts.reports.codequality;
  for (const clean of [false, true]) {
    const dir = repository(clean);
    const { status, output } = shell(job.script.join('\n'), dir);
    assert.equal(status, clean ? 0 : 1, output);
    if (!clean) assert.match(output, /^dc-vpn-3\.cfg:22:2: error unknown-lb-command: /m);
    assert.ok(existsSync(join(dir, report)));
    const issues = JSON.parse(readFileSync(join(dir, report), 'utf8')) as {
      check_name: string;
      severity: string;
      fingerprint: string;
      description: string;
      location: { path: string; lines: { begin: number } };
    }[];
    assert.ok(Array.isArray(issues) && issues.length > 0);
    for (const issue of issues) {
      assert.ok(
        issue.check_name && issue.description && /^[0-9a-f]{32}$/.test(issue.fingerprint),
        JSON.stringify(issue),
      );
      assert.ok(
        existsSync(join(dir, issue.location.path)) && issue.location.lines.begin >= 1,
        JSON.stringify(issue.location),
      );
    }
    assert.equal(
      issues.some((i) => i.severity === 'major'),
      !clean,
    );
  }
});
