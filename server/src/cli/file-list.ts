// Lists the files `asa-lb check` looks at, without reading them: files as given, folders searched recursively, in the
// order the report lists them. Whether each is a device file (as `asaLb.deviceFiles` says, README “Settings”) is
// decided when it is read.
// A repository can hold anything, so a name that could not be a device file is never listed, and no link is followed
// out of the folder it was found in: a link to /dev/zero or elsewhere, or something that is not a regular file, is
// listed as skipped (with the reason the report notes on stderr) rather than read.
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { matchesDeviceGlobs, SKIPPED_FOLDERS } from '../core/detect';
import type { FileTask } from './check-file';

/** Whether `path` is `folder` or lies below it. */
function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/** The real path a link leads to when it is a regular file inside `root` (a real path), else why it is skipped. */
async function linkTarget(link: string, root: string): Promise<{ target: string } | { skipped: string }> {
  let target;
  try {
    target = await realpath(link);
  } catch {
    return { skipped: 'a broken symbolic link' };
  }
  if (!isInside(target, root)) return { skipped: 'a symbolic link out of the folder it is in (not followed)' };
  const info = await stat(target);
  return info.isFile() ? { target } : { skipped: 'a symbolic link to something other than a file (not followed)' };
}

/** The task of a link: read where it leads inside `root`, or skipped. */
async function linkTask(task: FileTask, link: string, root: string): Promise<FileTask> {
  const found = await linkTarget(link, root);
  return 'skipped' in found ? { ...task, skipped: found.skipped } : { ...task, source: found.target };
}

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

export async function listFiles(
  paths: readonly string[],
  onlyDeviceFiles: boolean,
  globs: readonly string[],
): Promise<FileList> {
  const tasks: FileTask[] = [];
  const given: GivenPath[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await lstat(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return {
        tasks,
        given,
        error:
          code === 'ENOENT'
            ? `${path}: no such file or folder`
            : `${path}: cannot be read (${code ?? 'unknown error'})`,
      };
    }
    // A folder given through a link is searched (the user named it); links found inside are judged against it.
    if (info.isSymbolicLink()) {
      const resolved = await stat(path).catch(() => null);
      if (resolved?.isDirectory()) info = resolved;
    }
    const first = tasks.length;
    if (info.isDirectory()) {
      const root = await realpath(path);
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
            continue;
          }
          const rel = relative(path, full);
          // The name is tested first: nothing is opened that could not be a device file.
          if (!matchesDeviceGlobs(rel, globs)) continue;
          const task: FileTask = { path: join(path, rel), rel };
          if (entry.isSymbolicLink()) tasks.push(await linkTask(task, full, root));
          else if (!entry.isFile()) tasks.push({ ...task, skipped: 'not a regular file' });
          else tasks.push(task);
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
      const rel = relative(process.cwd(), resolve(path)).replace(/^(?:\.\.[\\/])+/, '');
      // With onlyDeviceFiles the name is tested first, so nothing is opened that could not be a device file.
      if (onlyDeviceFiles && !matchesDeviceGlobs(rel, globs)) continue;
      const task: FileTask = { path, rel: onlyDeviceFiles ? rel : null };
      // A file named on the command line (often by a shell glob over a repository) follows a link only within the
      // folder that holds it.
      tasks.push(info.isSymbolicLink() ? await linkTask(task, path, await realpath(dirname(path))) : task);
      given.push({ given: path, folder: false, first, end: tasks.length });
    }
  }
  return { tasks, given, error: null };
}
