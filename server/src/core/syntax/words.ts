// The first words of a command line: scanned by character code with the scan's position kept in module state (the
// scan runs on every line, and returning a pair per line allocated more than the rest of the analysis), and which of
// them the product models, from the command table.
import { COMMANDS } from '../commands/table';

// Keywords (first word after `no`) of the commands the grammar knows; other lines are never handed to the parser.
const MODELLED_KEYWORDS = new Set(COMMANDS.map((row) => row.keywords[0]!));

// For keywords that start many unmodelled commands (`crypto map`, `ip verify`, `dns-guard` …), the second word
// decides; parsing every `crypto …` line of a large config would cost more than the rest of the analysis. This holds
// for every first keyword that no modelled command uses alone.
const MODELLED_SECOND_WORDS: Record<string, Set<string>> = {};
for (const first of MODELLED_KEYWORDS) {
  const rows = COMMANDS.filter((row) => row.keywords[0] === first);
  if (rows.every((row) => row.keywords.length > 1))
    MODELLED_SECOND_WORDS[first] = new Set(rows.map((row) => row.keywords[1]!));
}

/** Whether a line with these first words is one the grammar may recognise, and so worth parsing. */
export function worthParsing(keyword: string, second: string): boolean {
  if (!MODELLED_KEYWORDS.has(keyword)) return false;
  const seconds = MODELLED_SECOND_WORDS[keyword];
  return !seconds || seconds.has(second);
}

// Scans words by character code: this runs on every command line of the file, and slicing, trimming, splitting
// and even returning a pair per line allocated more than the rest of the analysis. The word found is left in
// `wordEnd`, and nextWord returns it in lower case.
let wordEnd = 0;

function nextWord(text: string, from: number): string {
  let start = from;
  while (start < text.length && isSpace(text.charCodeAt(start))) start++;
  let end = start;
  let upper = false;
  for (let code = text.charCodeAt(end); end < text.length && !isSpace(code); code = text.charCodeAt(++end)) {
    if (code >= 65 && code <= 90) upper = true;
  }
  wordEnd = end;
  // The word this line most likely repeats (the last one seen with its first character and length) is compared in
  // place: a config repeats a few hundred words, and cutting and hashing each occurrence cost more than reading it.
  const slot = upper ? -1 : (text.charCodeAt(start) * 31 + end - start) & (RECENT_SLOTS - 1);
  if (slot >= 0) {
    const recent = recentWords[slot];
    if (recent !== undefined && recent.length === end - start && text.startsWith(recent, start)) return recent;
  }
  const word = text.slice(start, end);
  const known = intern(upper ? word.toLowerCase() : word);
  if (slot >= 0) recentWords[slot] = known;
  return known;
}

const RECENT_SLOTS = 1024;
const recentWords: (string | undefined)[] = new Array<string | undefined>(RECENT_SLOTS).fill(undefined);

// Keywords are kept with every line, and a config uses a few hundred distinct ones: sharing one string per keyword
// spares the garbage collector a string per line to carry into the old generation.
const interned = new Map<string, string>();

function intern(word: string): string {
  const known = interned.get(word);
  if (known !== undefined) return known;
  if (interned.size >= 4096 || word.length > 32) return word;
  interned.set(word, word);
  return word;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 12 || code === 11 || code === 160;
}

// Keywords whose second word matters (to the parse decision or to block membership); for every other command the
// second word is never read, so it is not taken.
export const SECOND_WORD_MATTERS = new Set([
  ...Object.keys(MODELLED_SECOND_WORDS),
  'interface',
  'nat',
  'cluster',
  'ip',
  'ipv6',
]);

/** The second word found by the last keywordAt, where it matters ('' otherwise). */
let secondWord = '';

/** The second word of the command keywordAt last read, where it matters; '' otherwise. */
export function lastSecondWord(): string {
  return secondWord;
}

/** The keyword of a command (the first word after an optional `no`); its second word is left for lastSecondWord. */
export function keywordAt(text: string, from: number): string {
  let first = nextWord(text, from);
  if (first === 'no') first = nextWord(text, wordEnd);
  secondWord = SECOND_WORD_MATTERS.has(first) ? nextWord(text, wordEnd) : '';
  return first;
}

/** The first words of a command, enough for any keyword path (`no` and up to four keywords). */
export function leadingWords(text: string, commandStart: number): string[] {
  return text.slice(commandStart).split(/\s+/, 6);
}
