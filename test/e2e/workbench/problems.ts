// What the workbench shows of the problems, and what `asa-lb check` reports for the same files, in one shape: counts
// by severity (the status bar's problems entry and the Problems panel's rows) and by file (the panel's file rows).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { basename } from 'node:path';
import { UI_WAIT_MS, type Workbench } from './browser';

export interface ProblemCounts {
  errors: number;
  warnings: number;
  infos: number;
  /** Problems per file name (hints excluded: the Problems panel does not list them). */
  files: Record<string, number>;
}

interface CheckJson {
  files: { path: string; diagnostics: { severity: 'error' | 'warning' | 'information' | 'hint' }[] }[];
}

/** What `asa-lb check` reports for `paths`, as the Problems panel would count it. */
export function checkCounts(cli: string, paths: readonly string[]): ProblemCounts {
  const result = spawnSync(process.execPath, [cli, 'check', '--format', 'json', ...paths], { encoding: 'utf8' });
  // 0: no error; 1: errors found. Anything else is a failure of the tool.
  assert.ok(result.status === 0 || result.status === 1, `asa-lb check failed (${result.status}): ${result.stderr}`);
  const report = JSON.parse(result.stdout) as CheckJson;
  const counts: ProblemCounts = { errors: 0, warnings: 0, infos: 0, files: {} };
  for (const file of report.files) {
    const shown = file.diagnostics.filter((d) => d.severity !== 'hint');
    for (const d of shown) {
      if (d.severity === 'error') counts.errors++;
      else if (d.severity === 'warning') counts.warnings++;
      else counts.infos++;
    }
    if (shown.length > 0) counts.files[basename(file.path)] = shown.length;
  }
  return counts;
}

export function total(counts: ProblemCounts): number {
  return counts.errors + counts.warnings + counts.infos;
}

export function describe(counts: ProblemCounts): string {
  const files = Object.entries(counts.files)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
  return `${counts.errors} errors, ${counts.warnings} warnings, ${counts.infos} infos (${files || 'no file'})`;
}

/** The status bar's problems entry ("Errors: 6, Warnings: 1, Infos: 3", or "No Problems"), all sources together. */
export async function statusBarCounts(workbench: Workbench): Promise<Omit<ProblemCounts, 'files'> | undefined> {
  const label = await workbench.page
    .locator('[id="status.problems"]')
    .getAttribute('aria-label', { timeout: 1_000 })
    .catch(() => null);
  if (label === null) return undefined;
  const count = (name: string): number => Number(new RegExp(`${name}: (\\d+)`).exec(label)?.[1] ?? 0);
  return { errors: count('Errors'), warnings: count('Warnings'), infos: count('Infos') };
}

/**
 * The Problems panel's rows: a problem's row has a severity icon, a file's row a name and its number of problems
 * (rows of related information have neither). The panel must be open and tall enough to render every row.
 */
export async function panelCounts(workbench: Workbench): Promise<ProblemCounts> {
  return workbench.page.evaluate(() => {
    const counts = { errors: 0, warnings: 0, infos: 0, files: {} as Record<string, number> };
    for (const row of Array.from(document.querySelectorAll('.markers-panel .monaco-list-row'))) {
      const icon = row.querySelector('.marker-icon');
      if (icon) {
        if (icon.classList.contains('error')) counts.errors++;
        else if (icon.classList.contains('warning')) counts.warnings++;
        else counts.infos++;
      } else if (row.getAttribute('aria-level') === '1') {
        const name = row.querySelector('.label-name')?.textContent?.trim() ?? '';
        counts.files[name] = Number(row.querySelector('.monaco-count-badge')?.textContent?.trim() ?? NaN);
      }
    }
    return counts;
  });
}

/** Opens the Problems panel if it is not open (Ctrl+Shift+M), maximised so that every row is rendered. */
export async function showProblemsPanel(workbench: Workbench): Promise<void> {
  const page = workbench.page;
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) {
    await page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible', timeout: UI_WAIT_MS });
  }
  const tall = await page.evaluate(
    () => (document.querySelector('.part.panel')?.getBoundingClientRect().height ?? 0) > window.innerHeight * 0.6,
  );
  if (!tall) await workbench.runCommand('View: Toggle Maximized Panel');
}

export interface Seen {
  /** When (epoch ms) the panel and the status bar first showed exactly the expected problems. */
  at: number;
  /** When the first problem was shown, whatever the count. */
  firstAt: number;
}

/**
 * Waits until the status bar and the Problems panel both show exactly `expected`, then checks that they still do a
 * little later, so that a second server whose problems arrive late is caught too. Fails with what was last seen
 * when `timeoutMs` pass first.
 */
export async function waitForProblems(
  workbench: Workbench,
  expected: ProblemCounts,
  timeoutMs: number,
  settleMs = 3_000,
): Promise<Seen> {
  const wanted = describe(expected);
  let last = 'nothing';
  let firstAt: number | undefined;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const bar = await statusBarCounts(workbench);
    if (bar && firstAt === undefined && total({ ...bar, files: {} }) > 0) firstAt = Date.now();
    const panel = await panelCounts(workbench);
    last = `status bar ${bar ? describe({ ...bar, files: {} }) : 'unreadable'}; panel ${describe(panel)}`;
    const barMatches =
      bar !== undefined &&
      bar.errors === expected.errors &&
      bar.warnings === expected.warnings &&
      bar.infos === expected.infos;
    if (barMatches && describe(panel) === wanted) break;
    if (Date.now() > deadline)
      assert.fail(`Within ${timeoutMs / 1000} s the workbench did not show exactly ${wanted}; it showed: ${last}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const at = Date.now();
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const bar = await statusBarCounts(workbench);
  const panel = await panelCounts(workbench);
  assert.equal(
    `status bar ${bar ? describe({ ...bar, files: {} }) : 'unreadable'}; panel ${describe(panel)}`,
    `status bar ${describe({ ...expected, files: {} })}; panel ${wanted}`,
    `${settleMs / 1000} s after showing the right problems, the workbench shows others`,
  );
  return { at, firstAt: firstAt ?? at };
}
