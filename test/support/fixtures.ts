// Reads data-driven fixtures: ASA text whose `!` comments carry the expected diagnostics.
//   `!^^^ error code`  — a diagnostic whose range starts on the line above, at the column of the first caret;
//   `!< warning code`   — the same, starting at column 0 (where a caret cannot stand);
//   `!- name.cfg`       — starts another file of a multi-device fixture.
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../../server/src/core/types';

export interface Expectation {
  line: number;
  character: number;
  severity: string;
  code: string;
}

export interface FixtureFile {
  name: string;
  text: string;
  expectations: Expectation[];
}

const EXPECTATION = /^!\s*(\^+|<)\s+(error|warning|information|hint)\s+([a-z0-9-]+)\s*$/;
const FILE_MARKER = /^!- (\S+)\s*$/;

export function readExpectations(text: string): Expectation[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: Expectation[] = [];
  let target = -1;
  lines.forEach((line, index) => {
    const m = EXPECTATION.exec(line);
    if (!m) {
      target = index;
      return;
    }
    out.push({ line: target, character: m[1] === '<' ? 0 : line.indexOf('^'), severity: m[2]!, code: m[3]! });
  });
  return out;
}

/** Splits a fixture into its files; a fixture without `!- ` markers is one file named after the fixture. */
export function readFixture(path: string): FixtureFile[] {
  const text = readFileSync(path, 'utf8');
  const name = path.slice(path.lastIndexOf('/') + 1);
  const parts: { name: string; lines: string[] }[] = [];
  for (const line of text.split('\n')) {
    const m = FILE_MARKER.exec(line);
    if (m) parts.push({ name: m[1]!, lines: [] });
    else if (parts.length === 0) parts.push({ name, lines: [line] });
    else parts[parts.length - 1]!.lines.push(line);
  }
  return parts.map((p) => {
    const body = p.lines.join('\n');
    return { name: p.name, text: body, expectations: readExpectations(body) };
  });
}

/** Diagnostics in the expectation format, for exact comparison with readable failure output. */
export function describe(d: Pick<Diagnostic, 'range' | 'severity' | 'code'>): string {
  return `${d.range.start.line + 1}:${d.range.start.character} ${d.severity} ${d.code}`;
}

export function describeExpectation(e: Expectation): string {
  return `${e.line + 1}:${e.character} ${e.severity} ${e.code}`;
}
