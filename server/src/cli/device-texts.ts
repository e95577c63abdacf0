// Reads the device files of the given paths into memory, for a command that needs every text at once (`asa-lb fix`
// checks the files as one workspace and rewrites them). Lists and reads them as `asa-lb check` does: the same
// patterns, no link followed out of its folder, nothing over the size limit, what is skipped named in a note.
import { DEFAULT_DEVICE_GLOBS, isDeviceFile } from '../core/detect';
import { readText } from './check-file';
import { listFiles } from './file-list';

export interface DeviceText {
  /** The path as reported (as the user gave it, joined with the path inside a given folder). */
  path: string;
  text: string;
}

export type DeviceTexts = { ok: true; files: DeviceText[]; notes: string[] } | { ok: false; error: string };

export async function readDeviceTexts(
  paths: readonly string[],
  globs: readonly string[] = DEFAULT_DEVICE_GLOBS,
): Promise<DeviceTexts> {
  const list = await listFiles(paths, false, globs);
  const notes: string[] = [];
  const texts: (string | null)[] = list.tasks.map((task) => {
    const read = task.skipped ? { ok: false as const, skipped: task.skipped } : readText(task.source ?? task.path);
    if (!read.ok) {
      notes.push(`${task.path}: skipped, ${read.skipped}`);
      return null;
    }
    return task.rel === null || isDeviceFile(task.rel, read.text, globs) ? read.text : null;
  });
  // Bad input is judged in the order the paths were given, as `check` judges it.
  for (const g of list.given) {
    if (g.folder && notes.length === 0 && !texts.slice(g.first, g.end).some((t) => t !== null))
      return {
        ok: false,
        error: `${g.given}: no device configs found (looked for ${globs.join(', ')} that look like ASA configs)`,
      };
  }
  if (list.error) return { ok: false, error: list.error };
  if (!texts.some((t) => t !== null)) return { ok: false, error: `no device configs to fix: ${notes.join('; ')}` };
  // The same path given twice is one file.
  const files = new Map<string, string>();
  list.tasks.forEach((task, i) => {
    const text = texts[i];
    if (text != null && !files.has(task.path)) files.set(task.path, text);
  });
  return { ok: true, files: [...files].map(([path, text]) => ({ path, text })), notes };
}
