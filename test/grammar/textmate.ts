// Loads the ASA TextMate grammar with the same engine VS Code uses (vscode-textmate + Oniguruma) and turns text into scoped tokens for tests.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as Oniguruma from 'vscode-oniguruma';
import type * as TextMate from 'vscode-textmate';

// Both libraries are CommonJS bundles whose exports Node cannot see from an ES module import, so they are loaded with require.
const require = createRequire(import.meta.url);
const oniguruma = require('vscode-oniguruma') as typeof Oniguruma;
const vsctm = require('vscode-textmate') as typeof TextMate;

export const GRAMMAR_FILE = fileURLToPath(new URL('../../syntaxes/asa.tmLanguage.json', import.meta.url));
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/grammar/', import.meta.url));
export const SCOPE_NAME = 'source.asa';

/** One token of one line: its text, its position in the line, and its scopes without the root `source.asa`. */
export interface Token {
  text: string;
  start: number;
  end: number;
  scopes: string[];
}

export interface TokenizedLine {
  line: string;
  tokens: Token[];
  /** Milliseconds vscode-textmate spent on this line. */
  millis: number;
}

let grammarPromise: Promise<TextMate.IGrammar> | undefined;

/** The grammar, loaded once per process (the WebAssembly regex engine can only be initialised once). */
export function loadAsaGrammar(): Promise<TextMate.IGrammar> {
  grammarPromise ??= createGrammar();
  return grammarPromise;
}

async function createGrammar(): Promise<TextMate.IGrammar> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === SCOPE_NAME ? vsctm.parseRawGrammar(readFileSync(GRAMMAR_FILE, 'utf8'), GRAMMAR_FILE) : null,
  });
  const grammar = await registry.loadGrammar(SCOPE_NAME);
  if (!grammar) throw new Error(`grammar ${SCOPE_NAME} did not load from ${GRAMMAR_FILE}`);
  return grammar;
}

/** Splits text into lines the way an editor does (CRLF, CR and LF all end a line; a missing final newline is fine). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Tokenises every line of a text, carrying the rule stack from line to line as the editor does. */
export async function tokenizeText(text: string): Promise<TokenizedLine[]> {
  const grammar = await loadAsaGrammar();
  let state = vsctm.INITIAL;
  const result: TokenizedLine[] = [];
  for (const line of splitLines(text)) {
    const started = performance.now();
    const tokenized = grammar.tokenizeLine(line, state);
    const millis = performance.now() - started;
    state = tokenized.ruleStack;
    result.push({ line, millis, tokens: tokenized.tokens.map((t) => toToken(line, t)) });
  }
  return result;
}

/** Tokenises lines without keeping the tokens (for timing large inputs); returns how many tokens there were. */
export async function countTokens(lines: Iterable<string>): Promise<number> {
  const grammar = await loadAsaGrammar();
  let state = vsctm.INITIAL;
  let count = 0;
  for (const line of lines) {
    const tokenized = grammar.tokenizeLine(line, state);
    state = tokenized.ruleStack;
    count += tokenized.tokens.length;
  }
  return count;
}

/** Tokenises one line from the initial state (no preceding context). */
export async function tokenizeLine(line: string): Promise<Token[]> {
  const [only] = await tokenizeText(line);
  return only?.tokens ?? [];
}

function toToken(line: string, token: TextMate.IToken): Token {
  // vscode-textmate reports the last token up to the appended newline; clamp it to the line.
  const end = Math.min(token.endIndex, line.length);
  return {
    text: line.slice(token.startIndex, end),
    start: token.startIndex,
    end,
    scopes: token.scopes.filter((s) => s !== SCOPE_NAME),
  };
}

/**
 * The golden-file form of a tokenised text: each source line (as JSON, so trailing spaces show),
 * then one indented row per token with its text and scopes. Plain, diffable, and exact.
 */
export function formatScopes(lines: readonly TokenizedLine[]): string {
  const out: string[] = [];
  lines.forEach((l, i) => {
    out.push(`${i + 1}: ${JSON.stringify(l.line)}`);
    for (const t of l.tokens) {
      if (t.text === '' && l.line !== '') continue;
      out.push(`    ${JSON.stringify(t.text)} ${t.scopes.join(' ') || '-'}`);
    }
  });
  return out.join('\n') + '\n';
}

/** The token that covers `text` starting at its `occurrence`-th appearance in the line, or undefined when no token is exactly that text. */
export function tokenAt(tokens: readonly Token[], line: string, text: string, occurrence = 0): Token | undefined {
  let from = -1;
  for (let i = 0; i <= occurrence; i++) {
    from = line.indexOf(text, from + 1);
    if (from < 0) return undefined;
  }
  return tokens.find((t) => t.start === from && t.end === from + text.length);
}
