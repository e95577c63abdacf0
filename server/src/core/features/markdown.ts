// Puts text from a config (host names, interface names, file names) into hover Markdown as text, never as markup:
// a hostname like `![x](https://…/beacon.png)` must show as those characters, not load an image.

// Characters that open Markdown or HTML constructs: links and images, emphasis, code, tables, HTML, entities.
const SPECIAL = /[\\`*_[\]<>!|~&#]/g;
// A bare URL becomes a link in the editor's Markdown (GFM autolinks); an escaped `:` or `.` keeps it text.
const AUTOLINK = /(:)(?=\/\/)|(?<=www)(\.)/gi;

/** Text from a config, escaped for Markdown prose and table cells. */
export function mdText(text: string): string {
  return text.replace(SPECIAL, '\\$&').replace(AUTOLINK, '\\$&');
}

/** Text from a config as a code span: fenced with more backticks than it holds, so it cannot close the span early. */
export function mdCode(text: string): string {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === '`' ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  const fence = '`'.repeat(longest + 1);
  const pad = longest > 0 ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
