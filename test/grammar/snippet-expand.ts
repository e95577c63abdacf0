// Expands VS Code snippet bodies with their default placeholder values, so tests can run snippets through the checker as plain ASA text.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where the extension's snippets live, resolved from this file so tests work from any working directory. */
export const SNIPPETS_FILE = fileURLToPath(new URL('../../snippets/asa.json', import.meta.url));

/** One entry of a VS Code snippet file, with `prefix` and `body` normalised to arrays. */
export interface SnippetEntry {
  name: string;
  prefix: string[];
  description: string;
  body: string[];
}

/** A snippet together with the text it inserts when every placeholder keeps its default. */
export interface ExpandedSnippet extends SnippetEntry {
  text: string;
}

/** The parsed form of a snippet body (the grammar of https://code.visualstudio.com/docs/editor/userdefinedsnippets#_grammar). */
type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number }
  | { kind: 'placeholder'; index: number; children: SnippetNode[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children: SnippetNode[] | undefined };

/**
 * Returns the text a snippet inserts when the user accepts every default:
 * `${1:default}` gives its default (nested placeholders expanded), `$1`/`${1}` mirrors the default given elsewhere for 1,
 * `${1|a,b|}` gives its first choice, `$0` and tabstops without a default give nothing, `${VAR:default}` gives its default,
 * and `\$`, `\}`, `\\` (and `\,`, `\|` inside choices) give the escaped character.
 * Variables are not resolved (no editor here): `$VAR` gives the empty string.
 * Transforms (`${1/regex/format/}`) are not supported and throw, so a test notices instead of checking the wrong text.
 */
export function expandSnippet(body: string | readonly string[]): string {
  const text = typeof body === 'string' ? body : body.join('\n');
  const nodes = new SnippetParser(text).parseAll();
  const defaults = new Map<number, SnippetNode[] | string>();
  collectDefaults(nodes, defaults);
  return render(nodes, defaults);
}

/** Reads a VS Code snippet file (default: the extension's `snippets/asa.json`). */
export function readSnippets(file: string = SNIPPETS_FILE): SnippetEntry[] {
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new Error(`${file}: a snippet file must hold one JSON object`);
  return Object.entries(raw as Record<string, unknown>).map(([name, value]) => toEntry(file, name, value));
}

/** Every snippet of a file with its default expansion. */
export function expandedSnippets(file: string = SNIPPETS_FILE): ExpandedSnippet[] {
  return readSnippets(file).map((entry) => ({ ...entry, text: expandSnippet(entry.body) }));
}

function toEntry(file: string, name: string, value: unknown): SnippetEntry {
  if (value === null || typeof value !== 'object') throw new Error(`${file}: snippet "${name}" is not an object`);
  const { prefix, body, description } = value as Record<string, unknown>;
  const asLines = (field: string, v: unknown): string[] => {
    if (typeof v === 'string') return [v];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
    throw new Error(`${file}: snippet "${name}" needs "${field}" as a string or an array of strings`);
  };
  if (typeof description !== 'string') throw new Error(`${file}: snippet "${name}" needs a "description" string`);
  return { name, prefix: asLines('prefix', prefix), description, body: asLines('body', body) };
}

/** Records, for each tabstop index, the first default given for it in document order (VS Code mirrors it to every occurrence). */
function collectDefaults(nodes: readonly SnippetNode[], defaults: Map<number, SnippetNode[] | string>): void {
  for (const node of nodes) {
    if (node.kind === 'placeholder') {
      if (!defaults.has(node.index)) defaults.set(node.index, node.children);
      collectDefaults(node.children, defaults);
    } else if (node.kind === 'choice') {
      if (!defaults.has(node.index)) defaults.set(node.index, node.options[0] ?? '');
    } else if (node.kind === 'variable' && node.children) {
      collectDefaults(node.children, defaults);
    }
  }
}

function render(
  nodes: readonly SnippetNode[],
  defaults: ReadonlyMap<number, SnippetNode[] | string>,
  seen: readonly number[] = [],
): string {
  let out = '';
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        out += node.value;
        break;
      case 'variable':
        out += node.children ? render(node.children, defaults, seen) : '';
        break;
      case 'tabstop':
      case 'placeholder':
      case 'choice': {
        // A placeholder whose default contains its own index would recurse for ever; VS Code treats the inner one as empty.
        if (seen.includes(node.index)) break;
        const value = defaults.get(node.index);
        if (typeof value === 'string') out += value;
        else if (value) out += render(value, defaults, [...seen, node.index]);
        break;
      }
    }
  }
  return out;
}

/** A recursive-descent parser; anything that is not a well-formed construct is literal text, as in VS Code. */
class SnippetParser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parseAll(): SnippetNode[] {
    return this.parseUntil(false);
  }

  /** Parses nodes up to the end, or (inside a placeholder) up to the unescaped `}` that closes it, which is consumed. */
  private parseUntil(insidePlaceholder: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let literal = '';
    const flush = (): void => {
      if (literal) nodes.push({ kind: 'text', value: literal });
      literal = '';
    };
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos];
      if (ch === '\\' && this.pos + 1 < this.text.length && '$}\\'.includes(this.text.charAt(this.pos + 1))) {
        literal += this.text[this.pos + 1];
        this.pos += 2;
      } else if (ch === '}' && insidePlaceholder) {
        this.pos++;
        flush();
        return nodes;
      } else if (ch === '$') {
        const construct = this.tryConstruct();
        if (construct) {
          flush();
          nodes.push(construct);
        } else {
          literal += '$';
          this.pos++;
        }
      } else {
        literal += ch;
        this.pos++;
      }
    }
    if (insidePlaceholder) throw new UnclosedPlaceholder();
    flush();
    return nodes;
  }

  /** Parses the construct at a `$`, or returns undefined (and leaves the position alone) when it is not one. */
  private tryConstruct(): SnippetNode | undefined {
    const start = this.pos;
    const rest = this.text.slice(start);
    const simple = /^\$(?:(\d+)|([A-Za-z_][A-Za-z0-9_]*))/.exec(rest);
    if (simple) {
      this.pos += simple[0].length;
      return simple[1] !== undefined
        ? { kind: 'tabstop', index: Number(simple[1]) }
        : { kind: 'variable', name: simple[2]!, children: undefined };
    }
    const head = /^\$\{(?:(\d+)|([A-Za-z_][A-Za-z0-9_]*))([}:|/])/.exec(rest);
    if (!head) return undefined;
    const index = head[1] !== undefined ? Number(head[1]) : undefined;
    const name = head[2]!;
    const separator = head[3];
    this.pos += head[0].length;
    if (separator === '}')
      return index !== undefined ? { kind: 'tabstop', index } : { kind: 'variable', name, children: undefined };
    if (separator === '/')
      throw new Error(`snippet transforms are not supported (at offset ${start}): ${rest.slice(0, 40)}`);
    if (separator === '|') {
      const options = index !== undefined ? this.parseChoiceOptions() : undefined;
      if (options && index !== undefined) return { kind: 'choice', index, options };
      this.pos = start;
      return undefined;
    }
    try {
      const children = this.parseUntil(true);
      return index !== undefined ? { kind: 'placeholder', index, children } : { kind: 'variable', name, children };
    } catch (error) {
      if (!(error instanceof UnclosedPlaceholder)) throw error;
      this.pos = start;
      return undefined;
    }
  }

  /** Parses `a,b,c|}` after `${N|`; escapes `\,` `\|` `\\` `\$` `\}` are honoured. Returns undefined if unterminated. */
  private parseChoiceOptions(): string[] | undefined {
    const options: string[] = [];
    let current = '';
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos];
      if (ch === '\\' && this.pos + 1 < this.text.length && ',|\\$}'.includes(this.text.charAt(this.pos + 1))) {
        current += this.text[this.pos + 1];
        this.pos += 2;
      } else if (ch === ',') {
        options.push(current);
        current = '';
        this.pos++;
      } else if (ch === '|' && this.text[this.pos + 1] === '}') {
        options.push(current);
        this.pos += 2;
        return options;
      } else {
        current += ch;
        this.pos++;
      }
    }
    return undefined;
  }
}

class UnclosedPlaceholder extends Error {}
