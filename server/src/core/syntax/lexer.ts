// The chevrotain lexer for one ASA command line: the command table's keywords, addresses, numbers and other words;
// and a plain lexer that gives the same tokens without chevrotain on lines of printable ASCII words.
// It runs on a single line's command text (after any prompt), so re-lexing after an edit touches only that line.
import { createToken, Lexer, type TokenType, type IToken } from 'chevrotain';
import { lexerKeywords } from '../commands/table';

// A word ends at whitespace or at the end of the line; without this lookahead "10.0.0.1x" would lex as an address.
const END = '(?![^\\s])';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\f\v\u00a0]+/, group: Lexer.SKIPPED });

/** Every token: arguments such as free-form words and names accept any of them. */
export const AnyToken = createToken({ name: 'AnyToken', pattern: Lexer.NA });
/** Tokens that can stand where a name (nameif, hostname, pool name) is expected. */
export const AnyWord = createToken({ name: 'AnyWord', pattern: Lexer.NA, categories: [AnyToken] });

export const IPv4 = createToken({
  name: 'IPv4',
  pattern: new RegExp(`\\d{1,3}(?:\\.\\d{1,3}){3}${END}`),
  categories: [AnyToken],
});
export const IPv4Range = createToken({
  name: 'IPv4Range',
  pattern: new RegExp(`\\d{1,3}(?:\\.\\d{1,3}){3}-\\d{1,3}(?:\\.\\d{1,3}){3}${END}`),
  categories: [AnyToken],
});
// An IPv6 address, optionally with a prefix length; it must contain a colon and only hex digits, colons and dots.
// Chevrotain matches every token with the sticky flag, at the lexer's position only, so no pattern moves along a line.
export const IPv6 = createToken({
  name: 'IPv6',
  // eslint-disable-next-line regexp/no-super-linear-move -- sticky: tried at one position
  pattern: new RegExp(`[0-9A-Fa-f]*:[0-9A-Fa-f:.]*(?:\\/\\d{1,3})?${END}`),
  categories: [AnyToken],
});
// eslint-disable-next-line regexp/no-super-linear-move -- sticky: tried at one position
export const Num = createToken({ name: 'Number', pattern: new RegExp(`\\d+${END}`), categories: [AnyWord] });

const keywordsByWord = new Map<string, TokenType>();

/** The token type of a keyword, by the word in lower case. */
export function keywordToken(word: string): TokenType | undefined {
  return keywordsByWord.get(word);
}

function keyword(word: string): TokenType {
  const name = 'Kw_' + word.replace(/[^a-z0-9]+/gi, '_');
  const token = createToken({ name, pattern: new RegExp(`${word.replace(/[-]/g, '\\-')}${END}`, 'i') });
  // Given to createToken, the category would be filled in there and then, over every keyword made before: a cost
  // that grows with the square of the keywords, paid at every start. Chevrotain's lexer and parser fill in the
  // categories of all their tokens when they are built, and nothing reads them before.
  token.CATEGORIES = [AnyWord];
  keywordsByWord.set(word.toLowerCase(), token);
  return token;
}

// One token per keyword of the command table. Each matches only a whole word (the END lookahead), so their order
// does not matter; Word comes last.
const keywordTokens: TokenType[] = lexerKeywords().map(keyword);

/** The `no` that negates a command. */
export const No = keywordToken('no')!;

export const Word = createToken({ name: 'Word', pattern: /[^\s]+/, categories: [AnyWord] });

export const allTokens: TokenType[] = [
  WhiteSpace,
  IPv4Range,
  IPv4,
  IPv6,
  Num,
  ...keywordTokens,
  Word,
  AnyWord,
  AnyToken,
];

// Nearly every command line is printable ASCII words between spaces and tabs, and on such a line chevrotain's result
// is known without running it: no pattern but WhiteSpace matches a space or tab, and every other pattern ends at white
// space (END), so each token is a whole word, typed by the first pattern in `allTokens` order that matches all of it.
// `lexPlain` decides that by a character test and one map look-up per word instead of chevrotain's per-pattern tries
// and token objects. A line with any other character (other white space, controls, non-ASCII) is left to chevrotain,
// whose handling of those stays the only one; a test compares the two on generated and real lines.

/** A token's pattern, anchored to match a whole word. */
const wholeWord = (token: TokenType): RegExp => new RegExp(`^(?:${(token.PATTERN as RegExp).source})$`);
const IPV4_RANGE_WORD = wholeWord(IPv4Range);
const IPV4_WORD = wholeWord(IPv4);
const IPV6_WORD = wholeWord(IPv6);
const NUM_WORD = wholeWord(Num);
// A keyword's pattern is the keyword itself, case-insensitive: on ASCII text, a look-up of the lower-cased word, as long
// as no keyword holds a character a pattern reads otherwise (`.`, `+` …).
const PLAIN_KEYWORDS = [...keywordsByWord.keys()].every((word) => /^[a-z0-9-]+$/.test(word));

/** The words lexPlain found: image, offset and token type, in order; valid up to the count it returned. */
export const plainImages: string[] = [];
export const plainStarts: number[] = [];
export const plainTypes: TokenType[] = [];

/**
 * Lexes `text` as lexCommand would when it is printable ASCII words separated by spaces and tabs, into plainImages,
 * plainStarts and plainTypes, and returns the number of words; returns -1 for any other text. Words from index
 * `typed` on are given type Word without being typed (the parser's long-line rule).
 */
export function lexPlain(text: string, typed: number): number {
  if (!PLAIN_KEYWORDS) return -1;
  let count = 0;
  let i = 0;
  const length = text.length;
  while (i < length) {
    let code = text.charCodeAt(i);
    if (code === 32 || code === 9) {
      i++;
      continue;
    }
    const start = i;
    let upper = false;
    let colon = false;
    for (; i < length; code = text.charCodeAt(++i)) {
      if (code === 32 || code === 9) break;
      if (code < 33 || code > 126) return notPlain();
      if (code >= 65 && code <= 90) upper = true;
      else if (code === 58) colon = true;
    }
    const image = text.slice(start, i);
    plainImages[count] = image;
    plainStarts[count] = start;
    plainTypes[count] = count < typed ? plainType(image, upper, colon) : Word;
    count++;
  }
  // A line of thousands of words would otherwise keep its words here until a longer line comes.
  if (plainImages.length > count + 64) plainImages.length = plainStarts.length = plainTypes.length = count;
  return count;
}

function notPlain(): number {
  if (plainImages.length > 64) plainImages.length = plainStarts.length = plainTypes.length = 0;
  return -1;
}

/** The type of a whole word, by the first pattern of `allTokens` that matches it (each test skipped when it cannot). */
function plainType(image: string, upper: boolean, colon: boolean): TokenType {
  const first = image.charCodeAt(0);
  const digit = first >= 48 && first <= 57;
  if (digit && IPV4_RANGE_WORD.test(image)) return IPv4Range;
  if (digit && IPV4_WORD.test(image)) return IPv4;
  if (colon && IPV6_WORD.test(image)) return IPv6;
  if (digit && NUM_WORD.test(image)) return Num;
  return keywordsByWord.get(upper ? image.toLowerCase() : image) ?? Word;
}

// Built once, on first use: chevrotain validates and analyses the token set at construction, which is too costly
// per line and need not delay the server's start.
let lexer: Lexer | undefined;

/** Lexes one command's text; token offsets are columns in that text. */
export function lexCommand(text: string): IToken[] {
  // Every non-space character run matches Word, so the lexer cannot fail on any input.
  lexer ??= new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: false, skipValidations: true });
  return lexer.tokenize(text).tokens;
}
