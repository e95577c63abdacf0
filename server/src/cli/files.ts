// Expands the CLI's PATH arguments into device files: files as given, folders searched recursively, as `asaLb.deviceFiles` says (README “Settings”).
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { isDeviceFile, DEFAULT_DEVICE_GLOBS, SKIPPED_FOLDERS } from '../core/detect';

export interface InputFile {
  /** The path as the user gave it, joined with the relative path inside a given folder. */
  path: string;
  text: string;
}

export type CollectResult = { ok: true; files: InputFile[]; notes: string[] } | { ok: false; error: string };

/** Decodes bytes as UTF-8, replacing invalid sequences, so a stray Latin-1 byte never stops a check. */
function decode(bytes: Buffer): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

export interface CollectOptions {
  /**
   * Keep a file named on the command line only when it is a device file (by the globs, taken relative to the current
   * folder, and its content), and accept finding none. For hooks that pass every changed file with a device
   * extension, such as README.txt.
   */
  onlyDeviceFiles?: boolean;
}

export async function collectFiles(paths: string[], globs: readonly string[] = DEFAULT_DEVICE_GLOBS, options: CollectOptions = {}): Promise<CollectResult> {
  const files: InputFile[] = [];
  const notes: string[] = [];
  for (const given of paths) {
    let info;
    try {
      info = await stat(given);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { ok: false, error: code === 'ENOENT' ? `${given}: no such file or folder` : `${given}: cannot be read (${code ?? 'unknown error'})` };
    }
    if (info.isDirectory()) {
      const found: InputFile[] = [];
      const walk = async (dir: string): Promise<string | null> => {
        let entries;
        try {
          entries = await readdir(dir, { withFileTypes: true });
        } catch (error) {
          return `${dir}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`;
        }
        entries.sort((a, b) => a.name.localeCompare(b.name));
        for (const entry of entries) {
          const full = join(dir, entry.name);
          if (entry.isDirectory()) {
            if (SKIPPED_FOLDERS.has(entry.name)) continue;
            const problem = await walk(full);
            if (problem) return problem;
          } else if (entry.isFile()) {
            const rel = relative(given, full);
            let text: string;
            try {
              text = decode(await readFile(full));
            } catch {
              notes.push(`${join(given, rel)}: skipped, cannot be read`);
              continue;
            }
            if (isDeviceFile(rel, text, globs)) found.push({ path: join(given, rel), text });
          }
        }
        return null;
      };
      const problem = await walk(given);
      if (problem) return { ok: false, error: problem };
      if (found.length === 0 && !options.onlyDeviceFiles) return { ok: false, error: `${given}: no device configs found (looked for ${globs.join(', ')} that look like ASA configs)` };
      files.push(...found);
    } else {
      let text: string;
      try {
        text = decode(await readFile(given));
      } catch (error) {
        return { ok: false, error: `${given}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})` };
      }
      if (!options.onlyDeviceFiles || isDeviceFile(relative(process.cwd(), resolve(given)).replace(/^(?:\.\.[\\/])+/, ''), text, globs)) files.push({ path: given, text });
    }
  }
  return { ok: true, files, notes };
}
