// Diagnostics in a real editor: every member of the fixture group shows exactly the expected problems (codes,
// severities, ranges, related members), also members nobody opened, and an edit saved in one member changes what
// the others show.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diskRange, isOpen, showRange } from '../fixture';
import { EXPECTED, MEMBERS, type ExpectedDiagnostic, type Member, type Severity } from '../group';
import { codeOf, ownDiagnostics, productReady, replaceOnce, withMember } from '../product';
import type { SuiteDefinition } from '../tdd';
import { waitFor } from '../wait';

/** Edits saved in one member, and what the members show afterwards. */
const UPDATES: {
  title: string;
  edit: Member;
  from: string;
  to: string;
  /** Members that must not be open, so their change proves diagnostics of files nobody opened. */
  notOpen: Member[];
  /** Per member: codes that must be gone, rows that must be there. */
  after: Partial<Record<Member, { gone?: string[]; present?: ExpectedDiagnostic[] }>>;
}[] = [
  {
    title: 'giving dc-vpn-2 a pool of its own clears pool-overlap in dc-vpn-1, which is not open',
    edit: 'dc-vpn-2.cfg',
    from: '10.50.1.200-10.50.2.254 mask 255.255.254.0',
    to: '10.50.2.1-10.50.2.254 mask 255.255.255.0',
    notOpen: ['dc-vpn-1.cfg'],
    after: { 'dc-vpn-1.cfg': { gone: ['pool-overlap'] }, 'dc-vpn-2.cfg': { gone: ['pool-overlap'] } },
  },
  {
    title: 'moving dc-vpn-3 to cluster port 9024 moves the port mismatch from dc-vpn-2 to dc-vpn-1, which is not open',
    edit: 'dc-vpn-3.asa',
    from: ' cluster encryption\n',
    to: ' cluster encryption\n cluster port 9024\n',
    notOpen: ['dc-vpn-1.cfg'],
    after: {
      'dc-vpn-1.cfg': {
        present: [
          {
            code: 'group-setting-mismatch',
            severity: 'error',
            at: ' cluster port [9023]',
            related: ['dc-vpn-2.cfg', 'dc-vpn-3.asa'],
          },
        ],
      },
      'dc-vpn-2.cfg': { gone: ['group-setting-mismatch'] },
    },
  },
];

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};
const SEVERITY_NAME = Object.fromEntries(Object.entries(SEVERITY).map(([name, value]) => [value, name])) as Record<
  vscode.DiagnosticSeverity,
  Severity
>;

function rowOf(code: string, severity: Severity, range: vscode.Range): string {
  return `${code} ${severity} ${showRange(range)}`;
}

function actualRows(file: Member): string[] {
  return ownDiagnostics(file)
    .map((d) => rowOf(codeOf(d), SEVERITY_NAME[d.severity], d.range))
    .sort();
}

/** The expected rows, with ranges found in the member's text on disk (read without opening it). */
export async function expectedRows(file: Member, rows: ExpectedDiagnostic[]): Promise<string[]> {
  const found: string[] = [];
  for (const r of rows) found.push(rowOf(r.code, r.severity, await diskRange(file, r.at)));
  return found.sort();
}

/** Waits until the member shows exactly `expected` (sorted rows). */
export function waitForExactly(file: Member, expected: string[], context: string): Promise<void> {
  return waitFor(
    `${file} to show exactly [${expected.join('; ')}] ${context}`,
    () => (JSON.stringify(actualRows(file)) === JSON.stringify(expected) ? true : undefined),
    [vscode.languages.onDidChangeDiagnostics],
    () => `[${actualRows(file).join('; ')}]`,
  ).then(() => undefined);
}

async function assertRelated(file: Member, rows: ExpectedDiagnostic[]): Promise<void> {
  for (const row of rows) {
    if (!row.related) continue;
    const range = await diskRange(file, row.at);
    const diagnostic = ownDiagnostics(file).find((d) => codeOf(d) === row.code && d.range.isEqual(range));
    assert.ok(diagnostic, `${file}: no ${row.code} at ${showRange(range)}`);
    const members = new Set(
      (diagnostic.relatedInformation ?? []).map((r) =>
        r.location.uri.path.slice(r.location.uri.path.lastIndexOf('/') + 1),
      ),
    );
    for (const other of row.related)
      assert.ok(
        members.has(other),
        `${file}: ${row.code} should point at ${other}; it points at [${[...members].join(', ')}]`,
      );
  }
}

export const diagnosticsSuite: SuiteDefinition = ({ suite, test }) => {
  suite('diagnostics', () => {
    for (const file of MEMBERS) {
      test(`${file}, never opened, shows exactly its expected problems with codes, ranges and related members`, async () => {
        await productReady();
        assert.ok(
          !isOpen(file),
          `Precondition: ${file} should not be open yet, so this proves diagnostics for files nobody opened.`,
        );
        await waitForExactly(file, await expectedRows(file, EXPECTED[file]), 'while nobody has opened it');
        await assertRelated(file, EXPECTED[file]);
        assert.ok(!isOpen(file), `${file} was opened by someone while its diagnostics were awaited.`);
      });
    }

    for (const update of UPDATES) {
      test(`${update.title}, and back when the edit is undone`, async () => {
        await productReady();
        for (const file of update.notOpen) assert.ok(!isOpen(file), `Precondition: ${file} should not be open.`);
        await withMember(update.edit, async (document) => {
          await replaceOnce(document, update.from, update.to);
          assert.ok(await document.save(), `Saving ${update.edit} failed.`);
          for (const [file, expectation] of Object.entries(update.after) as [
            Member,
            { gone?: string[]; present?: ExpectedDiagnostic[] },
          ][]) {
            const present = expectation.present ? await expectedRows(file, expectation.present) : [];
            await waitFor(
              `${file} to drop [${(expectation.gone ?? []).join(', ')}] and show [${present.join('; ')}] after ${update.edit} was saved`,
              () => {
                const rows = actualRows(file);
                const codes = ownDiagnostics(file).map(codeOf);
                return (expectation.gone ?? []).every((c) => !codes.includes(c)) &&
                  present.every((p) => rows.includes(p))
                  ? true
                  : undefined;
              },
              [vscode.languages.onDidChangeDiagnostics],
              () => `[${actualRows(file).join('; ')}]`,
            );
            if (expectation.present) await assertRelated(file, expectation.present);
          }
        });
        // The edit is undone and saved: every member shows its original problems again.
        for (const file of MEMBERS)
          await waitForExactly(file, await expectedRows(file, EXPECTED[file]), `after ${update.edit} was put back`);
      });
    }
  });
};
