// Decides which files are device configs (the `asaLb.deviceFiles` setting): by name, then by a look at the first lines of content.
import { matchesGlob } from './settings/glob';

/** Folders never searched for device files: dependency trees and version-control data hold none and can be huge. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn']);

/** Default patterns of device files; `*.asa` always counts, the others only when the content looks like ASA. */
export const DEFAULT_DEVICE_GLOBS = ['**/*.asa', '**/*.cfg', '**/*.conf', '**/*.txt'];

/** How much of a file the device-config test needs for headers and prompts (`looksLikeAsa` reads no more). */
export const HEAD_BYTES = 64 * 1024;

const HEADER = /^(?:ASA Version |PIX Version |: Saved)/m;
// Spaces and tabs only, never `\s`: `\s*` crosses line ends, and a file of blank lines made the search quadratic.
const LB_BLOCK = /^[ \t]*vpn load-balancing[ \t]*\r?$/m;
// A configuration prompt, or an exec prompt running a show or configure command; looser patterns match prose.
const PROMPT =
  /^[A-Za-z0-9][A-Za-z0-9_.\-/]*(?:\(config[a-z0-9-]*\)# ?|[#>] ?(?:sh(?:ow)?|conf(?:igure)?|wr(?:ite)?|copy|more)\b)/m;

/** True when the text looks like an ASA configuration, fragment or transcript. */
export function looksLikeAsa(text: string): boolean {
  // Headers and prompts are looked for near the start only, so classifying a huge file stays cheap.
  const head = text.slice(0, HEAD_BYTES);
  return HEADER.test(head) || PROMPT.test(head) || LB_BLOCK.test(text);
}

/**
 * Files larger than this are not read from disk (by the server's indexer or the CLI). Real running-configs stay well
 * below a megabyte; a file this large is a log or a capture, and reading it would only cost memory.
 */
export const MAX_DEVICE_FILE_BYTES = 32 * 1024 * 1024;

/** Whether a relative path matches the device-file patterns at all; cheap, so it runs before any read. */
export function matchesDeviceGlobs(relativePath: string, globs: readonly string[]): boolean {
  const normalized = relativePath.replace(/\\/g, '/');
  return globs.some((g) => matchesGlob(normalized, g));
}

/** Whether a file (by its workspace-relative path and content) is a device config under the given globs. */
export function isDeviceFile(
  relativePath: string,
  text: string,
  globs: readonly string[] = DEFAULT_DEVICE_GLOBS,
): boolean {
  if (!matchesDeviceGlobs(relativePath, globs)) return false;
  if (relativePath.toLowerCase().endsWith('.asa')) return true;
  return looksLikeAsa(text);
}
