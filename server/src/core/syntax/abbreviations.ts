// Abbreviated keywords, as typed at the device's prompt: the ASA accepts any prefix of a keyword that is unique
// among the keywords allowed at that point (`prio 5`, `clu ip add 192.0.2.100`). A running-config never abbreviates,
// so only lines typed at a prompt whose mode is known are expanded: the load-balancing sub-mode, where every
// command is known, and the global configuration mode for the two headers that lead into what the product checks
// (`vpn load-balancing`, `interface`), with a prefix long enough that no other global command shares it.
import { commandsOf } from '../commands/table';

export type AbbreviationMode = 'lb' | 'config';

interface Level {
  /** The keywords allowed here, each with the keywords allowed after it. */
  words: Map<string, Level>;
  /** The shortest prefix accepted for each keyword (1 unless set). */
  minimum: Map<string, number>;
}

function level(): Level {
  return { words: new Map(), minimum: new Map() };
}

function add(root: Level, path: readonly string[], minimum = 1): void {
  let at = root;
  for (const word of path) {
    let next = at.words.get(word);
    if (!next) {
      next = level();
      at.words.set(word, next);
    }
    at.minimum.set(word, Math.max(at.minimum.get(word) ?? 1, minimum));
    at = next;
  }
}

// Every command of the load-balancing mode is in the table, and `exit` is allowed in any mode.
const LB_MODE = level();
for (const row of [...commandsOf('lb'), ...commandsOf('any')]) add(LB_MODE, row.keywords);

const CONFIG_MODE = level();
// The global mode has hundreds of commands this product does not know, so only the table's commands with an
// `abbreviate` length are expanded, and only from that prefix, which no other global command of ASA 9.x starts with.
for (const row of commandsOf('global')) if (row.abbreviate) add(CONFIG_MODE, row.keywords, row.abbreviate);

const ROOTS: Record<AbbreviationMode, Level> = { lb: LB_MODE, config: CONFIG_MODE };

/** The keyword `word` stands for at `at`: itself when it is one, the only keyword it is a prefix of, else null. */
function expandAt(at: Level, word: string): string | null {
  const lower = word.toLowerCase();
  if (at.words.has(lower)) return lower;
  let found: string | null = null;
  for (const keyword of at.words.keys()) {
    if (!keyword.startsWith(lower)) continue;
    // Ambiguous (`p`: participate or priority): the device rejects it, and so is it left as typed.
    if (found !== null) return null;
    found = keyword;
  }
  return found !== null && lower.length >= (at.minimum.get(found) ?? 1) ? found : null;
}

/**
 * The keywords the leading words of a command stand for, in order, as far as they are keywords or abbreviations of
 * one (`no` is kept as typed and skipped). Words past the keywords are not included.
 */
export function expandKeywords(mode: AbbreviationMode, words: readonly string[]): string[] {
  const out: string[] = [];
  let at: Level | undefined = ROOTS[mode];
  let i = words[0]?.toLowerCase() === 'no' ? 1 : 0;
  for (; i < words.length && at && at.words.size > 0; i++) {
    const keyword = expandAt(at, words[i]!);
    if (keyword === null) break;
    out.push(keyword);
    at = at.words.get(keyword);
  }
  return out;
}

/** The abbreviation mode of a line typed at a prompt in configuration mode `mode`, if its keywords may be abbreviated. */
export function abbreviationMode(mode: string | null | undefined): AbbreviationMode | null {
  if (mode === 'config-load-balancing') return 'lb';
  if (mode === 'config') return 'config';
  return null;
}
