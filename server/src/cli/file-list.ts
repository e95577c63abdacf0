// Lists the files `asa-lb check` looks at, without reading them: files as given, folders searched recursively, in the
// order the report lists them. Whether each is a device file (as `asaLb.deviceFiles` says, README “Settings”) is
// decided when it is read.
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { SKIPPED_FOLDERS } from '../core/detect';
import type { FileTask } from './check-file';

export interface GivenPath {
  given: string;
  folder: boolean;
  /** The tasks of this path, [first, end) in the task list. */
  first: number;
  end: number;
}

export interface FileList {
  tasks: FileTask[];
  given: GivenPath[];
  /** The first path that could not be listed (missing, or a folder that cannot be read), after the listed ones. */
  error: string | null;
}

export async function listFiles(paths: readonly string[], onlyDeviceFiles: boolean): Promise<FileList> {
  const tasks: FileTask[] = [];
  const given: GivenPath[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { tasks, given, error: code === 'ENOENT' ? `${path}: no such file or folder` : `${path}: cannot be read (${code ?? 'unknown error'})` };
    }
    const first = tasks.length;
    if (info.isDirectory()) {
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
            const rel = relative(path, full);
            tasks.push({ path: join(path, rel), rel });
          }
        }
        return null;
      };
      const problem = await walk(path);
      if (problem) {
        tasks.length = first;
        return { tasks, given, error: problem };
      }
      given.push({ given: path, folder: true, first, end: tasks.length });
    } else {
      // A named file counts as given unless only device files are wanted; then the patterns are matched relative to
      // the working folder.
      tasks.push({ path, rel: onlyDeviceFiles ? relative(process.cwd(), resolve(path)).replace(/^(?:\.\.[\\/])+/, '') : null });
      given.push({ given: path, folder: false, first, end: tasks.length });
    }
  }
  return { tasks, given, error: null };
}
