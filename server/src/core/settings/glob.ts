// Matches workspace-relative paths against the `asaLb.deviceFiles` patterns (`**`, `*`, `?`, `{a,b}`, `[ab]`).
// Patterns come from workspace settings an untrusted repository can carry, so matching is bounded: picomatch builds
// the expression, and a pattern with too many wildcards is refused, because each `*` becomes a lazy loop that can
// backtrack against the others (k wildcards cost up to n^k steps on a hostile file name).
import picomatch from 'picomatch';

/** At most this many `*` or `**` in one pattern (after collapsing repeats): three keep a match under milliseconds. */
export const MAX_GLOB_WILDCARDS = 3;
/** Longer patterns are refused; real device-file patterns are a few dozen characters. */
export const MAX_GLOB_LENGTH = 256;
/** Paths longer than this never match: no backup needs them, and the bound keeps every match cheap. */
export const MAX_MATCHED_PATH_LENGTH = 1024;

const OPTIONS: picomatch.PicomatchOptions = { dot: true, nocase: true, noextglob: true, nonegate: true };

const cache = new Map<string, ((path: string) => boolean) | null>();

// Collapses runs of three or more stars, and a globstar folder repeated, to one: the same paths, fewer loops.
export function collapseGlob(glob: string): string {
  let out = glob.replace(/\*{3,}/g, '**');
  let previous;
  do {
    previous = out;
    out = out.replace(/(^|\/)\*\*\/\*\*(?=\/|$)/g, '$1**');
  } while (out !== previous);
  return out;
}

/** Why a pattern is refused, or null when it is usable. */
export function globProblem(glob: string): string | null {
  if (glob.length === 0) return 'an empty pattern matches nothing';
  if (glob.length > MAX_GLOB_LENGTH) return `a pattern is limited to ${MAX_GLOB_LENGTH} characters`;
  const wildcards = collapseGlob(glob).match(/\*+/g)?.length ?? 0;
  if (wildcards > MAX_GLOB_WILDCARDS) return `a pattern may hold at most ${MAX_GLOB_WILDCARDS} wildcards (* or **)`;
  return null;
}

function compile(glob: string): ((path: string) => boolean) | null {
  if (globProblem(glob)) return null;
  try {
    return picomatch(collapseGlob(glob), OPTIONS);
  } catch {
    return null;
  }
}

/** Whether a `/`-separated relative path matches the pattern; a refused pattern matches nothing. */
export function matchesGlob(path: string, glob: string): boolean {
  let matcher = cache.get(glob);
  if (matcher === undefined) {
    matcher = compile(glob);
    if (cache.size > 256) cache.clear();
    cache.set(glob, matcher);
  }
  if (!matcher || path.length > MAX_MATCHED_PATH_LENGTH) return false;
  // A pattern without a slash matches the file name in any folder, as in VS Code's files.exclude.
  return matcher(glob.includes('/') ? path : path.slice(path.lastIndexOf('/') + 1));
}
