// A small glob matcher for file patterns in settings (`**`, `*`, `?`, `{a,b}`), matching VS Code's glob subset.
// Kept in the core so the CLI and the server classify files identically without a file-system library.

const cache = new Map<string, RegExp>();

export function minimatchLite(path: string, glob: string): boolean {
  let re = cache.get(glob);
  if (!re) {
    re = globToRegExp(glob);
    cache.set(glob, re);
  }
  // A pattern without a slash matches the file name in any folder, as in VS Code's files.exclude.
  return re.test(glob.includes('/') ? path : path.slice(path.lastIndexOf('/') + 1));
}

function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches any number of folders, including none.
        out += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
        i += glob[i + 2] === '/' ? 2 : 1;
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '{') out += '(?:';
    else if (c === '}') out += ')';
    else if (c === ',') out += '|';
    else out += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`, 'i');
}
