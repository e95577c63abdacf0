// The chevrotain lexer for one ASA command line: the command table's keywords, addresses, numbers and other words.
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
  const token = createToken({
    name,
    pattern: new RegExp(`${word.replace(/[-]/g, '\\-')}${END}`, 'i'),
    categories: [AnyWord],
  });
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

// Built once, on first use: chevrotain validates and analyses the token set at construction, which is too costly
// per line and need not delay the server's start.
let lexer: Lexer | undefined;

/** Lexes one command's text; token offsets are columns in that text. */
export function lexCommand(text: string): IToken[] {
  // Every non-space character run matches Word, so the lexer cannot fail on any input.
  lexer ??= new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: false, skipValidations: true });
  return lexer.tokenize(text).tokens;
}
