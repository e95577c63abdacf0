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
// `wordEnd`, its number in `wordId`, and nextWord returns it in lower case.
let wordEnd = 0;
let wordId = 0;

function nextWord(text: string, from: number, limit: number): string {
  let start = from;
  while (start < limit && isSpace(text.charCodeAt(start))) start++;
  let end = start;
  let upper = false;
  for (let code = text.charCodeAt(end); end < limit && !isSpace(code); code = text.charCodeAt(++end)) {
    if (code >= 65 && code <= 90) upper = true;
  }
  wordEnd = end;
  // The word this line most likely repeats (the last one seen with its first character and length) is compared in
  // place: a config repeats a few hundred words, and cutting and hashing each occurrence cost more than reading it.
  const slot = upper ? -1 : (text.charCodeAt(start) * 31 + end - start) & (RECENT_SLOTS - 1);
  if (slot >= 0) {
    const recent = recentWords[slot];
    if (recent !== undefined && recent.length === end - start && sameAt(text, start, recent)) {
      wordId = recentIds[slot]!;
      return recent;
    }
  }
  const word = text.slice(start, end);
  const known = intern(upper ? word.toLowerCase() : word);
  if (slot >= 0) {
    recentWords[slot] = known;
    recentIds[slot] = wordId;
  }
  return known;
}

/** Whether `word` is at `start` of `text` (its length is checked already); by character code, as startsWith costs more. */
function sameAt(text: string, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (text.charCodeAt(start + k) !== word.charCodeAt(k)) return false;
  return true;
}

const RECENT_SLOTS = 1024;
const recentWords: (string | undefined)[] = new Array<string | undefined>(RECENT_SLOTS).fill(undefined);
const recentIds = new Uint16Array(RECENT_SLOTS);

// Keywords are kept for every line, and a config uses a few hundred distinct ones: each is kept once and numbered, so
// that a line keeps a number (in a typed array the garbage collector never reads) instead of a string.
const interned = new Map<string, number>([['', 0]]);
const internedWords: string[] = [''];
/** The number of a word that is not kept (past the limit of kept words, or too long): the line keeps the text. */
export const UNKEPT_WORD = 0xffff;
const KEPT_WORDS = 4096;

function intern(word: string): string {
  const known = interned.get(word);
  if (known !== undefined) {
    wordId = known;
    return internedWords[known]!;
  }
  if (interned.size >= KEPT_WORDS || word.length > 32) {
    wordId = UNKEPT_WORD;
    return word;
  }
  wordId = internedWords.push(word) - 1;
  interned.set(word, wordId);
  return word;
}

/** The number of `word` (lower case), keeping it when there is room; UNKEPT_WORD otherwise. 0 is the empty word. */
export function wordNumber(word: string): number {
  if (word === '') return 0;
  intern(word);
  return wordId;
}

/** The word numbered `id` (not UNKEPT_WORD). */
export function wordOfNumber(id: number): string {
  return internedWords[id]!;
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

/** The second word found by the last keywordAt, where it matters ('' otherwise), and the numbers of both words. */
let secondWord = '';
let keywordNumber = 0;
let secondNumber = 0;

/** The second word of the command keywordAt last read, where it matters; '' otherwise. */
export function lastSecondWord(): string {
  return secondWord;
}

/** The numbers (wordNumber) of the keyword and second word keywordAt last read. */
export function lastKeywordNumber(): number {
  return keywordNumber;
}

export function lastSecondNumber(): number {
  return secondNumber;
}

/**
 * The keyword of a command (the first word after an optional `no`) that starts at `from` and ends at `limit` (a line
 * of a larger text, read in place); its second word is left for lastSecondWord.
 */
export function keywordAt(text: string, from: number, limit = text.length): string {
  let first = nextWord(text, from, limit);
  if (first === 'no') first = nextWord(text, wordEnd, limit);
  keywordNumber = first === '' ? 0 : wordId;
  if (SECOND_WORD_MATTERS.has(first)) {
    secondWord = nextWord(text, wordEnd, limit);
    secondNumber = secondWord === '' ? 0 : wordId;
  } else {
    secondWord = '';
    secondNumber = 0;
  }
  return first;
}

/** The first words of a command, enough for any keyword path (`no` and up to four keywords). */
export function leadingWords(text: string, commandStart: number): string[] {
  return text.slice(commandStart).split(/\s+/, 6);
}
