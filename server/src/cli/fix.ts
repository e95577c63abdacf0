// `asa-lb fix`: applies every diagnostic's preferred quick fix (the unambiguous ones) across the workspace, checks
// again and repeats until nothing more applies; prints unified diffs or the fixes as JSON, or writes the files back
// byte for byte apart from the fixes.
import { readFile, writeFile } from 'node:fs/promises';
import { createTwoFilesPatch } from 'diff';
import { Workspace } from '../core/workspace';
import { applyEdits } from '../core/fixes/edits';
import { comparePositions, type Diagnostic, type Range, type TextEdit } from '../core/types';
import { editsConflict } from '../lsp/fix-all';
import { readDeviceTexts } from './device-texts';
import { badInput, type CommandResult } from './command-result';

export type FixFormat = 'diff' | 'json';

export interface FixOptions {
  write?: boolean;
  format: FixFormat;
}

/** Each fix changes at least one line; a fix that undoes another would loop, so rounds are bounded. */
const MAX_ROUNDS = 10;

interface AppliedFix {
  code: string;
  title: string;
  range: Range;
}

/** The preferred fix of each diagnostic whose edits do not overlap one chosen before it (as "fix all" does). */
function chooseFixes(diagnostics: readonly Diagnostic[]): { fixes: AppliedFix[]; edits: TextEdit[] } {
  const edits: TextEdit[] = [];
  const fixes: AppliedFix[] = [];
  for (const diagnostic of diagnostics) {
    const fix = diagnostic.fixes.find((f) => f.preferred === true);
    if (!fix || fix.edits.length === 0) continue;
    const fresh = fix.edits.filter(
      (e) =>
        !edits.some(
          (c) =>
            c.newText === e.newText &&
            comparePositions(c.range.start, e.range.start) === 0 &&
            comparePositions(c.range.end, e.range.end) === 0,
        ),
    );
    if (fresh.some((e) => edits.some((c) => editsConflict(c, e)))) continue;
    edits.push(...fresh);
    fixes.push({ code: diagnostic.code, title: fix.title, range: diagnostic.range });
  }
  return { fixes, edits };
}

/** Hides cluster keys in diff lines, context lines included: the diff shows where a key is, never the key. */
export function hideKeys(text: string): string {
  return text.replace(
    /^([ +-]?(?:[^\s(]+\(config[a-z-]*\)# )?[ \t]*(?:no[ \t]+)?cluster[ \t]+key[ \t]+)(8[ \t]+)?(?!\*+[ \t]*$)(\S+)/gim,
    '$1$2<redacted>',
  );
}

function unifiedDiff(path: string, before: string, after: string): string {
  const patch = createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { context: 3 });
  // The leading '====' rule is the library's; the contract starts each file at its '---' line.
  return hideKeys(patch.replace(/^=+\n/, ''));
}

export async function runFix(paths: string[], options: FixOptions): Promise<CommandResult> {
  if (options.format !== 'diff' && options.format !== 'json')
    return badInput(`unknown format "${String(options.format)}" (use diff or json)`);
  if (paths.length === 0) return badInput('fix needs at least one file or folder');
  const collected = await readDeviceTexts(paths);
  if (!collected.ok) return badInput(collected.error);
  const workspace = new Workspace();
  const original = new Map<string, string>();
  for (const file of collected.files) {
    workspace.set(file.path, file.text);
    original.set(file.path, file.text);
  }
  const applied = new Map<string, AppliedFix[]>(collected.files.map((f) => [f.path, []]));
  const seen = new Map<string, Set<string>>(collected.files.map((f) => [f.path, new Set([f.text])]));
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = false;
    for (const file of collected.files) {
      const text = workspace.text(file.path)!;
      const { fixes, edits } = chooseFixes(workspace.diagnostics(file.path)!);
      if (edits.length === 0) continue;
      const next = applyEdits(text, edits);
      // A text seen before means fixes that undo each other: stop there rather than go round.
      if (next === text || seen.get(file.path)!.has(next)) continue;
      seen.get(file.path)!.add(next);
      applied.get(file.path)!.push(...fixes);
      workspace.set(file.path, next);
      changed = true;
    }
    if (!changed) break;
  }

  const stderr: string[] = [...collected.notes];
  let changedFiles = collected.files.filter((f) => workspace.text(f.path) !== original.get(f.path));
  if (options.write) {
    const unwritten = new Set<string>();
    for (const file of changedFiles) {
      const problem = await writeBack(file.path, original.get(file.path)!, workspace.text(file.path)!);
      if (!problem) continue;
      stderr.push(problem);
      unwritten.add(file.path);
      // What stays on disk is the original: the exit status and the report say so.
      workspace.set(file.path, original.get(file.path)!);
      applied.set(file.path, []);
    }
    changedFiles = changedFiles.filter((f) => !unwritten.has(f.path));
  }
  const hasError = collected.files.some((f) => workspace.diagnostics(f.path)!.some((d) => d.severity === 'error'));
  let stdout: string;
  if (options.format === 'json') {
    stdout = `${JSON.stringify({ files: collected.files.map((f) => ({ path: f.path, fixes: applied.get(f.path)! })) }, null, 2)}\n`;
  } else if (options.write) {
    stdout = changedFiles
      .map(
        (f) =>
          `${f.path}: ${applied.get(f.path)!.length} fix${applied.get(f.path)!.length === 1 ? '' : 'es'} written\n`,
      )
      .join('');
  } else {
    stdout = changedFiles.map((f) => unifiedDiff(f.path, original.get(f.path)!, workspace.text(f.path)!)).join('');
  }
  return { stdout, stderr: stderr.map((l) => `${l}\n`).join(''), exitCode: hasError ? 1 : 0 };
}

/**
 * Writes the fixed text over the file, keeping a byte-order mark; a file whose bytes did not decode exactly (not
 * UTF-8) or that changed since it was read is left alone, with a note, so nothing the fixes did not touch changes.
 */
async function writeBack(path: string, before: string, after: string): Promise<string | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return `${path}: cannot be read again; not written`;
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\ufeff' : '';
  if (!Buffer.from(bom + before, 'utf8').equals(bytes))
    return `${path}: not written (not plain UTF-8, or changed since it was read)`;
  try {
    await writeFile(path, bom + after, 'utf8');
  } catch (error) {
    return `${path}: cannot be written (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`;
  }
  return null;
}
