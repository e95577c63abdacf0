// The chevrotain grammar of the commands the product models, generated from the command table, and the conversion of
// its CST to plain commands.
// One parser instance, built on the first line parsed (not at load, so that starting the server waits for nothing),
// is reused for every line (`parser.input = tokens`), as chevrotain advises.
import { CstParser, type CstNode, type IToken, type ParserMethod, type TokenType } from 'chevrotain';
import { COMMANDS, type CommandId, type CommandRow } from '../commands/table';
import {
  allTokens,
  AnyToken,
  AnyWord,
  IPv4,
  keywordToken,
  lexCommand,
  lexPlain,
  No,
  plainImages,
  plainStarts,
  plainTypes,
} from './lexer';
import { expandKeywords, type AbbreviationMode } from './abbreviations';

export type { CommandId };

/** A leaf rule's name, from its command id (chevrotain rule names are identifiers). */
const leafRuleName = (id: CommandId): string => `cmd_${id.replace(/-/g, '_')}`;

/** Leaf rule name → command id (a row that is another spelling of a command parses as that command). */
const RULE_TO_COMMAND = new Map<string, CommandId>(
  COMMANDS.map((row) => [leafRuleName(row.id), (row.spellingOf as CommandId | undefined) ?? row.id]),
);

/** The rows grouped by first keyword, each group's longer paths first, in the order the table lists them. */
function groupsByFirstKeyword(): CommandRow<CommandId>[][] {
  const groups = new Map<string, CommandRow<CommandId>[]>();
  for (const row of COMMANDS) {
    const group = groups.get(row.keywords[0]!) ?? [];
    group.push(row);
    groups.set(row.keywords[0]!, group);
  }
  return [...groups.values()].map((rows) => rows.slice().sort((a, b) => b.keywords.length - a.keywords.length));
}

const GROUP_RULES = new Set<string>();

/** Whether `path` begins with the whole of `prefix` (and is longer). */
function extendsPath(path: readonly string[], prefix: readonly string[]): boolean {
  return path.length > prefix.length && prefix.every((word, i) => path[i] === word);
}

class AsaCommandParser extends CstParser {
  public readonly command: ParserMethod<[], CstNode>;

  /**
   * `validate`: run chevrotain's grammar validations. They take longer than checking a large config does, and the
   * grammar is fixed at build time, so the product skips them; a test runs them (`validateGrammar`).
   */
  constructor(validate = false) {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 2, skipValidations: !validate });
    // Arguments are taken as they come and validated later against the command table,
    // so that messages can name the argument and its expected form instead of a token type.
    const args = this.RULE('args', () => {
      this.MANY(() => this.CONSUME(AnyToken));
    });
    // One leaf rule per command: its keywords, labelled kw0, kw1 …, then the arguments.
    const leaf = (row: CommandRow<CommandId>): ParserMethod<[], CstNode> => {
      const path = row.keywords.map((word) => keywordToken(word)!);
      return this.RULE(leafRuleName(row.id), () => {
        for (let i = 0; i < path.length; i++) this.CONSUME(path[i]!, { LABEL: `kw${i}` });
        this.SUBRULE(args);
      });
    };
    // Commands that share a first keyword are grouped, so every decision needs one token of lookahead at most; a
    // command whose path extends another's (`interface lbpublic` against `interface HW-ID`) is chosen by a gate on
    // its keywords. This keeps grammar analysis at start-up cheap.
    const alternatives = groupsByFirstKeyword().map((rows) => {
      if (rows.length === 1) {
        const rule = leaf(rows[0]!);
        return { ALT: () => this.SUBRULE(rule) };
      }
      const name = `group_${rows[0]!.keywords[0]!.replace(/[^a-z0-9]+/gi, '_')}`;
      GROUP_RULES.add(name);
      const leaves = rows.map((row) => ({ row, rule: leaf(row) }));
      const gated = rows.some((row) => rows.some((other) => extendsPath(row.keywords, other.keywords)));
      const group = this.RULE(name, () => {
        this.OR({
          IGNORE_AMBIGUITIES: gated,
          DEF: leaves.map(({ row, rule }) => {
            const alt = { ALT: () => this.SUBRULE(rule) };
            if (!rows.some((other) => extendsPath(row.keywords, other.keywords))) return alt;
            const path = row.keywords.map((word) => keywordToken(word)!);
            return { ...alt, GATE: () => path.every((token, i) => i === 0 || this.LA(i + 1).tokenType === token) };
          }),
        });
      });
      return { ALT: () => this.SUBRULE(group) };
    });
    this.command = this.RULE('command', () => {
      this.OPTION(() => this.CONSUME(No));
      this.OR(alternatives);
    });
    this.performSelfAnalysis();
  }
}

let instance: AsaCommandParser | undefined;

/** Builds the grammar with chevrotain's validations, which throw on a definition error (ambiguity, left recursion …). */
export function validateGrammar(): void {
  new AsaCommandParser(true);
}

/** A word of a command line with its columns on that line. */
export interface Token {
  text: string;
  /** Column of the first character. */
  start: number;
  /** Column just past the last character. */
  end: number;
  /** The lexer's token type name: IPv4, IPv6, Number, Word, Kw_… */
  type: string;
}

/** A command line the grammar recognised. */
export interface Command {
  id: CommandId;
  negated: boolean;
  /** The keywords that selected the command (`no` excluded). */
  keywords: Token[];
  /** Everything after the keywords. */
  args: Token[];
}

export interface ParseResult {
  /** The recognised command, or null when the line is not one the product models. */
  command: Command | null;
  /** Every word of the command text, for messages and "did you mean" on unrecognised lines. */
  tokens: Token[];
}

function toToken(token: IToken, columnOffset: number): Token {
  return {
    text: token.image,
    start: token.startOffset + columnOffset,
    end: token.startOffset + token.image.length + columnOffset,
    type: token.tokenType.name,
  };
}

/**
 * Parses the command text of one line. `columnOffset` is the column where `text` starts on its line
 * (after indentation or a prompt), so every token carries a line column.
 */
export function parseCommand(
  text: string,
  columnOffset: number,
  abbreviations: AbbreviationMode | null = null,
): ParseResult {
  // Configs repeat lines, and an edit leaves all but one line as they were, so each distinct line is parsed once.
  // Results are shared and must be treated as immutable.
  // One map per column offset, so that looking a line up allocates no key string.
  const key = abbreviations === null ? columnOffset : -1 - columnOffset - (abbreviations === 'lb' ? 0 : 1_000_000);
  let byText = cache.get(key);
  if (!byText) {
    byText = new Map();
    cache.set(key, byText);
  }
  const cached = byText.get(text);
  if (cached) return cached;
  // A line's text is cut from its document's, and a cut keeps the whole document alive; so do the tokens cut from
  // it. The cache keeps a copy of its own, so that it never holds documents long gone (a run over many files).
  const own = ownCopy(text);
  const result = parseUncached(own, columnOffset, abbreviations);
  if (++cacheSize > CACHE_LIMIT) {
    cache.clear();
    cacheSize = 0;
  }
  byText.set(own, result);
  return result;
}

/** A string with the same characters that shares no storage with `text` (joining flattens into new storage). */
function ownCopy(text: string): string {
  return (' ' + text).slice(1);
}

// Bounded so that a stream of distinct lines (a huge file, an edit storm) cannot grow memory without limit.
const CACHE_LIMIT = 20_000;
const cache = new Map<number, Map<string, ParseResult>>();
let cacheSize = 0;

/** Forgets every parsed line; benchmarks call it to measure a cold start. */
export function clearParseCache(): void {
  cache.clear();
  cacheSize = 0;
  shapes = newShapeNode();
  shapeCount = 0;
}

/**
 * Where the lexer stops on a line of very many words: the column just past word LEXED_TOKENS, or the end of the text.
 * The lexer tries its token types one by one on every word; past this point only the words' extents are needed.
 */
function lexedEnd(text: string): number {
  let words = 0;
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isWhiteSpace(text.charCodeAt(i))) i++;
    if (i >= text.length) break;
    if (++words > LEXED_TOKENS) return i;
    while (i < text.length && !isWhiteSpace(text.charCodeAt(i))) i++;
  }
  return text.length;
}

/** What `\s` matches, decided by code for the common characters. */
function isWhiteSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return /\s/.test(String.fromCharCode(code));
}

/** Words past the lexed part, typed plainly as words (token types serve display only). */
function plainWords(text: string, from: number, columnOffset: number): Token[] {
  const out: Token[] = [];
  for (const match of text.slice(from).matchAll(/\S+/g)) {
    const start = from + match.index;
    out.push({
      text: match[0],
      start: start + columnOffset,
      end: start + match[0].length + columnOffset,
      type: 'Word',
    });
  }
  return out;
}

/**
 * The keyword types that abbreviated words (`prio`, `clu ip add`) stand for, given the line's first words: for each
 * word from the first, its keyword's type, or undefined where the word keeps its own.
 */
function abbreviatedTypes(images: readonly string[], mode: AbbreviationMode): (TokenType | undefined)[] {
  const first = images[0]?.toLowerCase() === 'no' ? 1 : 0;
  const keywords = expandKeywords(mode, images.slice(0, 6));
  const types: (TokenType | undefined)[] = new Array<TokenType | undefined>(first).fill(undefined);
  for (const keyword of keywords) types.push(keywordToken(keyword));
  return types;
}

/** Gives abbreviated keywords the token type of the keyword they stand for. */
function expandAbbreviations(raw: IToken[], mode: AbbreviationMode): void {
  const types = abbreviatedTypes(
    raw.slice(0, 6).map((t) => t.image),
    mode,
  );
  for (let k = 0; k < types.length; k++) {
    const token = raw[k]!;
    const type = types[k];
    if (!type || token.tokenType === type) continue;
    token.tokenType = type;
    token.tokenTypeIdx = type.tokenTypeIdx!;
  }
}

// What the grammar makes of a line depends on its first PARSED_TOKENS token types alone (rules and gates read
// nothing else), and a config's thousands of distinct command lines have a few dozen such shapes (`nameif Word`,
// `ip address IPv4 IPv4`): the grammar runs once per shape and its answer — the command, `no` or not, how many
// keywords — is kept in a tree keyed by token type, one level per token.
interface ShapeNode {
  /** By the next token's type index. */
  next: (ShapeNode | undefined)[];
  /** What a line of exactly these token types parses as (null: no command); undefined until one has been parsed. */
  shape: Shape | null | undefined;
}

interface Shape {
  id: CommandId;
  negated: boolean;
  /** The number of keyword tokens (`no` excluded). */
  keywords: number;
}

const newShapeNode = (): ShapeNode => ({ next: [], shape: undefined });
let shapes = newShapeNode();
let shapeCount = 0;
/** Bounded like the line cache: lines of arbitrary token types (a fuzzer, a pasted blob) can make any number. */
const SHAPE_LIMIT = 10_000;

function parseUncached(text: string, columnOffset: number, abbreviations: AbbreviationMode | null): ParseResult {
  const count = lexPlainLine(text, abbreviations);
  if (count < 0) return parseByGrammar(text, columnOffset, abbreviations);
  const shape = knownShape(count);
  if (shape !== undefined) return fromShape(shape, count, columnOffset);
  // The first line of its shape goes through the grammar, with the plain lexer's tokens (chevrotain's lexer is
  // built only for a line that needs it), and the grammar's answer is kept for the others.
  const parsed: IToken[] = [];
  for (let i = 0; i < count && i < PARSED_TOKENS; i++) {
    const tokenType = plainTypes[i]!;
    const image = plainImages[i]!;
    const startOffset = plainStarts[i]!;
    const endOffset = startOffset + image.length - 1;
    parsed.push({ image, startOffset, endOffset, tokenType, tokenTypeIdx: tokenType.tokenTypeIdx! });
  }
  const result = parseTokens(plainTokens(count, columnOffset), parsed, columnOffset);
  learnShape(count, result);
  return result;
}

/** Lexes `text` with the plain lexer (abbreviations expanded); the number of words, or -1 if it is not plain. */
function lexPlainLine(text: string, abbreviations: AbbreviationMode | null): number {
  const count = lexPlain(text, text.length > 200 ? LEXED_TOKENS : Infinity);
  if (count > 0 && abbreviations) {
    const types = abbreviatedTypes(plainImages.slice(0, Math.min(count, 6)), abbreviations);
    for (let k = 0; k < types.length; k++) if (types[k]) plainTypes[k] = types[k]!;
  }
  return count;
}

/** What a line of the `count` plain tokens' types parses as, if a line of those types taught it; else undefined. */
function knownShape(count: number): Shape | null | undefined {
  let node: ShapeNode | undefined = shapes;
  for (let i = 0; i < count && i < PARSED_TOKENS && node; i++) node = node.next[plainTypes[i]!.tokenTypeIdx!];
  return node?.shape;
}

/** The line's tokens, from the plain lexer's words. */
function plainTokens(count: number, columnOffset: number): Token[] {
  const tokens: Token[] = new Array<Token>(count);
  for (let i = 0; i < count; i++) {
    const image = plainImages[i]!;
    const start = plainStarts[i]! + columnOffset;
    tokens[i] = { text: image, start, end: start + image.length, type: plainTypes[i]!.name };
  }
  return tokens;
}

/** The parse of the plain lexer's `count` words by the shape of their types. */
function fromShape(shape: Shape | null, count: number, columnOffset: number): ParseResult {
  const tokens = plainTokens(count, columnOffset);
  if (!shape) return { command: null, tokens };
  const first = shape.negated ? 1 : 0;
  const end = first + shape.keywords;
  return {
    command: { id: shape.id, negated: shape.negated, keywords: tokens.slice(first, end), args: tokens.slice(end) },
    tokens,
  };
}

/**
 * The parse of a plain line (see lexPlain) whose shape a line before it taught, built from its words without
 * chevrotain; null when the line is not plain or its shape is not known yet. Exported for the tests that compare it
 * with parseByGrammar.
 */
export function parseByShape(
  text: string,
  columnOffset: number,
  abbreviations: AbbreviationMode | null,
): ParseResult | null {
  const count = lexPlainLine(text, abbreviations);
  if (count < 0) return null;
  const shape = knownShape(count);
  return shape === undefined ? null : fromShape(shape, count, columnOffset);
}

/** Keeps what the grammar made of the plain lexer's `count` tokens for the lines of their types. */
function learnShape(count: number, result: ParseResult): void {
  if (++shapeCount > SHAPE_LIMIT) {
    shapes = newShapeNode();
    shapeCount = 0;
  }
  let node = shapes;
  for (let i = 0; i < count && i < PARSED_TOKENS; i++)
    node = node.next[plainTypes[i]!.tokenTypeIdx!] ??= newShapeNode();
  const command = result.command;
  node.shape = command ? { id: command.id, negated: command.negated, keywords: command.keywords.length } : null;
}

/**
 * Parses a line through chevrotain's lexer and parser. Lines that are not plain take this path; for the others it is
 * what the plain path must equal (the tests compare them).
 */
export function parseByGrammar(
  text: string,
  columnOffset: number,
  abbreviations: AbbreviationMode | null,
): ParseResult {
  const end = text.length > 200 ? lexedEnd(text) : text.length;
  const raw = lexCommand(end < text.length ? text.slice(0, end) : text);
  if (abbreviations) expandAbbreviations(raw, abbreviations);
  const tokens = raw.map((t) => toToken(t, columnOffset));
  if (end < text.length) for (const word of plainWords(text, end, columnOffset)) tokens.push(word);
  // Every command is `no`, at most four keywords, then any tokens as arguments, so the tokens past the first few
  // are arguments whatever they are: they are appended as such instead of going through the parser, which keeps a
  // line of thousands of words cheap.
  return parseTokens(tokens, raw.length > PARSED_TOKENS ? raw.slice(0, PARSED_TOKENS) : raw, columnOffset);
}

/** Runs the grammar on `parsed`, the lexed tokens of the first `parsed.length` of `tokens` (the line's words). */
function parseTokens(tokens: Token[], parsed: IToken[], columnOffset: number): ParseResult {
  if (parsed.length === 0) return { command: null, tokens };
  const parser = (instance ??= new AsaCommandParser());
  parser.input = parsed;
  const cst = parser.command();
  if (parser.errors.length > 0 || !cst) return { command: null, tokens };
  // The command's keywords and arguments are the same token objects as the line's tokens.
  const index = new Map<IToken, number>();
  for (let i = 0; i < parsed.length; i++) index.set(parsed[i]!, i);
  const command = toCommand(cst, (t) => tokens[index.get(t)!] ?? toToken(t, columnOffset));
  if (command && tokens.length > PARSED_TOKENS)
    for (let i = PARSED_TOKENS; i < tokens.length; i++) command.args.push(tokens[i]!);
  return { command, tokens };
}

/** Enough for `no`, the longest keyword path and a few arguments; see parseUncached. */
const PARSED_TOKENS = 8;
/** Words of a line given to the lexer; the rest are split on white space (see lexedEnd). */
const LEXED_TOKENS = 64;

function toCommand(cst: CstNode, token: (t: IToken) => Token): Command | null {
  const negated = (cst.children[No.name]?.length ?? 0) > 0;
  // Group rules (`clusterGroup`, …) hold exactly one leaf command; step into them.
  let node = cst;
  for (const name in cst.children) {
    const nodes = cst.children[name]!;
    if (GROUP_RULES.has(name) && nodes[0] && 'children' in nodes[0]) node = nodes[0] as CstNode;
  }
  for (const ruleName in node.children) {
    const nodes = node.children[ruleName]!;
    const id = RULE_TO_COMMAND.get(ruleName);
    const leaf = nodes[0] as CstNode | undefined;
    if (!id || !leaf || !('children' in leaf)) continue;
    const keywordTokens: IToken[] = [];
    for (let i = 0; leaf.children[`kw${i}`]; i++) keywordTokens.push(leaf.children[`kw${i}`]![0] as IToken);
    const argsNode = leaf.children['args']?.[0] as CstNode | undefined;
    const argTokens = ((argsNode?.children[AnyToken.name] ?? []) as IToken[]).slice();
    // Tokens matched through a category are stored under their category name; keep source order.
    if (argTokens.length > 1) argTokens.sort((a, b) => a.startOffset - b.startOffset);
    return { id, negated, keywords: keywordTokens.map(token), args: argTokens.map(token) };
  }
  return null;
}

// Re-exported so the tree builder can decide cheaply whether a line is worth parsing.
export { AnyWord, IPv4 };
