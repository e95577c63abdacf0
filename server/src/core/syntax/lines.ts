// Splits a document into physical lines without losing a character: each line keeps its own end-of-line.
// Line breaks are "\r\n", "\n" and a lone "\r", exactly as LSP counts them, so line numbers agree with editors.

export interface PhysicalLine {
  /** The line's text, without its end-of-line. */
  text: string;
  /** "\n", "\r\n", "\r", or "" for a last line with no final newline. */
  eol: string;
  /** Offset of the line's first character in the document. */
  offset: number;
}

export function splitLines(text: string): PhysicalLine[] {
  const lines: PhysicalLine[] = [];
  let start = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || c === 13 /* \r */) {
      const eolLength = c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      lines.push({ text: text.slice(start, i), eol: text.slice(i, i + eolLength), offset: start });
      i += eolLength - 1;
      start = i + 1;
    }
  }
  lines.push({ text: text.slice(start), eol: '', offset: start });
  return lines;
}
