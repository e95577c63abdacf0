// Reads expectations written as ASA comments under the line they concern, and compares them with diagnostics.
//
// Convention (one expectation per comment line, directly under the line it concerns; several may follow each other):
//
//    cluster port 9024
//   !            ^^^^ error group-setting-mismatch
//   !            ^^^^ error group-setting-mismatch "3 of 4 members use port 9023"
//   vpn load-balancing
//   !< error group-setting-mismatch
//
// - The column of the first `^` is the diagnostic's start character, and the number of carets its length
//   (single-line ranges only).
// - A range that starts at column 0 cannot be marked under itself (the `!` is there): `!<` marks column 0, any length.
// - Then the severity, the code, and optionally a quoted fragment that the message must contain.
// - Expectation lines are removed before analysis (so they never change the device's blocks), and line numbers are
//   those of the text without them. Other `!` lines are ordinary comments and stay.
import type { Diagnostic, Severity } from '../../../server/src/core/types';

export interface Expectation {
  /** 0-based line of the diagnostic's start, in the text without expectation lines. */
  line: number;
  character: number;
  /** The range length for caret expectations; null for `!<`. */
  length: number | null;
  severity: Severity;
  code: string;
  fragment: string | null;
  /** Where the expectation is written in the fixture (1-based), for failure messages. */
  source: string;
}

export interface AnnotatedText {
  /** The text to analyse: the fixture without its expectation lines, end-of-lines kept. */
  text: string;
  expectations: Expectation[];
}

const EXPECTATION = /^!(\s*)(\^+|<)\s+(error|warning|information|hint)\s+([a-z0-9-]+)(?:\s+"([^"]*)")?\s*$/;
/** Anything that starts like an expectation must be one: a typo must fail loudly, not become a comment. */
const LOOKS_LIKE_EXPECTATION = /^!\s*(\^|<)/;

/** Splits the fixture into the text to analyse and its expectations. */
export function readExpectations(annotated: string, name = 'fixture'): AnnotatedText {
  const parts = annotated.split(/(\r\n|\n|\r)/);
  let text = '';
  let outputLine = -1;
  const expectations: Expectation[] = [];
  for (let i = 0, sourceLine = 1; i < parts.length; i += 2, sourceLine++) {
    const line = parts[i]!;
    const eol = parts[i + 1] ?? '';
    const m = EXPECTATION.exec(line);
    if (m) {
      if (outputLine < 0) throw new Error(`${name}:${sourceLine}: an expectation needs a line above it`);
      const marker = m[2]!;
      expectations.push({
        line: outputLine,
        character: marker === '<' ? 0 : 1 + m[1]!.length,
        length: marker === '<' ? null : marker.length,
        severity: m[3] as Severity,
        code: m[4]!,
        fragment: m[5] ?? null,
        source: `${name}:${sourceLine}`,
      });
      continue;
    }
    if (LOOKS_LIKE_EXPECTATION.test(line)) throw new Error(`${name}:${sourceLine}: malformed expectation '${line}'`);
    text += line + eol;
    outputLine++;
  }
  return { text, expectations };
}

function describe(d: Diagnostic): string {
  const { start, end } = d.range;
  const length = start.line === end.line ? `, length ${end.character - start.character}` : '';
  return `${start.line + 1}:${start.character + 1}${length} ${d.severity} ${d.code}: ${d.message}`;
}

function describeExpectation(e: Expectation): string {
  const length = e.length === null ? '' : `, length ${e.length}`;
  return `${e.line + 1}:${e.character + 1}${length} ${e.severity} ${e.code}${e.fragment ? ` "${e.fragment}"` : ''} (${e.source})`;
}

function matches(e: Expectation, d: Diagnostic): boolean {
  const { start, end } = d.range;
  if (start.line !== e.line || start.character !== e.character || d.severity !== e.severity || d.code !== e.code)
    return false;
  if (e.length !== null && (end.line !== start.line || end.character - start.character !== e.length)) return false;
  return e.fragment === null || d.message.includes(e.fragment);
}

/** Pairs expectations with diagnostics; returns what is missing and what is extra (both empty when they agree). */
export function compareExpectations(
  expectations: readonly Expectation[],
  diagnostics: readonly Diagnostic[],
): { missing: string[]; extra: string[] } {
  const left = [...diagnostics];
  const missing: string[] = [];
  for (const e of expectations) {
    const index = left.findIndex((d) => matches(e, d));
    if (index < 0) missing.push(describeExpectation(e));
    else left.splice(index, 1);
  }
  return { missing, extra: left.map(describe) };
}
