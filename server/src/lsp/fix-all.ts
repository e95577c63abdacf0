// Chooses the edits of "fix all": the preferred fix of every diagnostic, skipping a fix whose edits would overlap
// an edit already chosen, so that applying them together cannot garble the text.
import { comparePositions, type Diagnostic, type Range, type TextEdit } from '../core/types';

function isEmpty(range: Range): boolean {
  return comparePositions(range.start, range.end) === 0;
}

/**
 * Two edits conflict when their ranges share text, or when an insertion falls at or inside the other's range
 * (two insertions at one point, or an insertion at the edge of a replacement, have no order both fixes agree on).
 */
export function editsConflict(a: TextEdit, b: TextEdit): boolean {
  if (isEmpty(a.range) || isEmpty(b.range)) {
    return comparePositions(a.range.start, b.range.end) <= 0 && comparePositions(b.range.start, a.range.end) <= 0;
  }
  return comparePositions(a.range.start, b.range.end) < 0 && comparePositions(b.range.start, a.range.end) < 0;
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return (
    a.newText === b.newText &&
    comparePositions(a.range.start, b.range.start) === 0 &&
    comparePositions(a.range.end, b.range.end) === 0
  );
}

/** The edits of every preferred fix that does not conflict with one chosen before it, in document order. */
export function safeFixEdits(diagnostics: readonly Diagnostic[]): TextEdit[] {
  const chosen: TextEdit[] = [];
  for (const diagnostic of diagnostics) {
    const fix = diagnostic.fixes.find((f) => f.preferred === true);
    if (!fix) continue;
    // Two diagnostics can ask for the same edit (the same missing line); it is applied once.
    const fresh = fix.edits.filter((e) => !chosen.some((c) => sameEdit(c, e)));
    if (fresh.some((e) => chosen.some((c) => editsConflict(c, e)))) continue;
    chosen.push(...fresh);
  }
  return chosen.sort((a, b) => comparePositions(a.range.start, b.range.start));
}
