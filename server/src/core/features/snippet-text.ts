// Builds snippet text safely (escaping values) and turns a snippet into the plain text it inserts by default,
// for clients that do not support snippets (the server sends `plain` items to them).

/** Escapes text for a snippet body: `$`, `}` and `\` would otherwise start or end a placeholder. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** Escapes one option of a `${1|a,b|}` choice. */
function escapeChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, (c) => `\\${c}`);
}

/** `${n:default}`. */
export function placeholder(index: number, text: string): string {
  return `\${${index}:${escapeSnippet(text)}}`;
}

/** `${n|a,b,c|}`, or a plain placeholder when there is a single option, or `fallback` when there is none. */
export function choice(index: number, options: string[], fallback: string): string {
  const unique = [...new Set(options)];
  if (unique.length === 0) return placeholder(index, fallback);
  if (unique.length === 1) return placeholder(index, unique[0]!);
  return `\${${index}|${unique.map(escapeChoice).join(',')}|}`;
}

/**
 * The text a snippet inserts when every placeholder keeps its default: `${n:x}` gives x (nested ones expanded),
 * `${n|a,b|}` gives a, `$n` / `${n}` repeat the default given for n elsewhere, escapes give their character.
 * Only the subset of the snippet syntax this core writes is supported; anything else stays literal text.
 */
export function snippetToPlainText(snippet: string): string {
  const defaults = new Map<number, string>();
  // First pass: the defaults, so that a mirror placed before its placeholder still gets the value.
  render(snippet, defaults, true);
  return render(snippet, defaults, false);
}

function render(text: string, defaults: Map<number, string>, collect: boolean): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && '\\$}'.includes(text[i + 1]!)) {
      out += text[i + 1];
      i += 2;
      continue;
    }
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const simple = /^\$(\d+)/.exec(text.slice(i)) ?? /^\$\{(\d+)\}/.exec(text.slice(i));
    if (simple) {
      out += collect ? '' : (defaults.get(Number(simple[1])) ?? '');
      i += simple[0].length;
      continue;
    }
    const head = /^\$\{(\d+)([:|])/.exec(text.slice(i));
    if (!head) {
      out += c;
      i++;
      continue;
    }
    const index = Number(head[1]);
    const end = closingBrace(text, i + head[0].length, head[2] === '|');
    if (end < 0) {
      out += c;
      i++;
      continue;
    }
    const body = text.slice(i + head[0].length, end);
    let value: string;
    if (head[2] === '|') {
      value = unescapeChoice(splitChoices(body.slice(0, -1))[0] ?? '');
    } else {
      value = render(body, defaults, collect);
    }
    if (collect && !defaults.has(index)) defaults.set(index, value);
    out += value;
    i = end + 1;
  }
  return out;
}

/** The index of the `}` that closes a placeholder whose body starts at `from` (for a choice, the one after `|`). */
function closingBrace(text: string, from: number, isChoice: boolean): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (isChoice) {
      if (c === '|' && text[i + 1] === '}') return i + 1;
      continue;
    }
    if (c === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (c === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

function splitChoices(body: string): string[] {
  const options: string[] = [];
  let current = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\' && i + 1 < body.length) {
      current += body.slice(i, i + 2);
      i++;
    } else if (c === ',') {
      options.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  options.push(current);
  return options;
}

function unescapeChoice(text: string): string {
  return text.replace(/\\([\\$}|,])/g, '$1');
}
