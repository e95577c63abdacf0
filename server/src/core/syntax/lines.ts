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
  // indexOf scans natively; a per-character loop in JavaScript is several times slower on large files.
  const hasCr = text.includes('\r');
  for (;;) {
    let lf = text.indexOf('\n', start);
    let cr = hasCr ? text.indexOf('\r', start) : -1;
    if (lf < 0) lf = text.length;
    if (cr < 0) cr = text.length;
    const end = Math.min(lf, cr);
    if (end >= text.length) break;
    const eolLength = end === cr && text.charCodeAt(end + 1) === 10 ? 2 : 1;
    // The three end-of-line strings are constants, so a large file does not allocate one string per line for them.
    const eol = eolLength === 2 ? '\r\n' : end === cr ? '\r' : '\n';
    lines.push({ text: text.slice(start, end), eol, offset: start });
    start = end + eolLength;
  }
  lines.push({ text: text.slice(start), eol: '', offset: start });
  return lines;
}
