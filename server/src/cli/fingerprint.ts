// Fingerprints that let code-scanning views follow a finding across commits: the same problem on the same line text
// keeps its fingerprint when lines above it are added or removed, and gets a new one when the line itself changes.
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../core/types';

/** The fingerprint's name in SARIF `partialFingerprints`; the suffix changes if the recipe ever does. */
export const FINGERPRINT_KEY = 'asaLb/v1';

// A secret ends the text that is hashed: a hash of a line holding a cluster key could be matched against guesses.
const SECRET = /\b(key|password|passwd|pre-shared-key|secret|community)\b.*$/i;

/** The offset where each line starts, with `\n`, `\r\n` and `\r` ending lines as the core counts them. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) starts.push(match.index + match[0].length);
  return starts;
}

function normalizedLine(text: string, starts: readonly number[], line: number): string {
  if (line >= starts.length) return '';
  const raw = text.slice(starts[line], line + 1 < starts.length ? starts[line + 1] : text.length);
  return raw.replace(/\s+/g, ' ').trim().replace(SECRET, '$1');
}

/**
 * One fingerprint per diagnostic, in order: a hash of the code, the file's path (with `/` separators, without a
 * leading `./`), the text of the diagnostic's first line with whitespace collapsed, and how many findings before it
 * share all three (so two identical lines stay apart). Line numbers and messages are left out, as they change when
 * unrelated lines move.
 */
export function fingerprints(
  path: string,
  text: string,
  diagnostics: readonly Diagnostic[],
): { diagnostic: Diagnostic; fingerprint: string }[] {
  const file = path.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
  const seen = new Map<string, number>();
  const starts = diagnostics.length > 0 ? lineStarts(text) : [];
  return diagnostics.map((d) => {
    const key = `${d.code}\0${file}\0${normalizedLine(text, starts, d.range.start.line)}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return {
      diagnostic: d,
      fingerprint: createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 32),
    };
  });
}
