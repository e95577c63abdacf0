// Reads cursor fixtures for the editor features: ASA text where `$0` marks the cursor and `!?` lines state expectations.
//   `!- name.cfg`        starts another file of the workspace (the file holding `$0` is the one asked about);
//   `!- expected:name`   is not a file of the workspace but the text `name` must have after the edits (rename);
//   `!? key: value`      an expectation or an option; removed, with `$0`, before the text is analysed;
//   `!? eol: crlf`       gives the file CRLF line ends;  `!? final-newline: no` drops its last line end.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Position } from '../../../server/src/core/types';
import { Workspace } from '../../../server/src/core/workspace';

export const FEATURE_FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'features');

export interface Directive {
  key: string;
  /** The quoted label after the key, for `detail "cluster key": …`. */
  label: string | null;
  value: string;
}

export interface CursorFixture {
  name: string;
  /** uri → text, as analysed. */
  files: Map<string, string>;
  /** uri → the text expected after edits. */
  expected: Map<string, string>;
  uri: string;
  position: Position;
  directives: Directive[];
}

const DIRECTIVE = /^!\?\s*([a-z-]+)(?:\s+"([^"]*)")?\s*(?::\s?(.*))?$/;
const FILE_MARKER = /^!- (\S+)\s*$/;

export function fixtureNames(folder: string): string[] {
  return readdirSync(join(FEATURE_FIXTURES, folder))
    .filter((f) => /\.(asa|cfg|txt)$/.test(f))
    .sort();
}

export function readCursorFixture(folder: string, name: string): CursorFixture {
  const raw = readFileSync(join(FEATURE_FIXTURES, folder, name), 'utf8');
  const sections: { name: string; lines: string[] }[] = [];
  // Every file of a fixture ends with a line end, like the fixture file itself; `final-newline: no` removes it.
  for (const line of raw.replace(/\n$/, '').split('\n')) {
    const marker = FILE_MARKER.exec(line);
    if (marker) sections.push({ name: marker[1]!, lines: [] });
    else if (sections.length === 0) sections.push({ name, lines: [line] });
    else sections[sections.length - 1]!.lines.push(line);
  }
  const files = new Map<string, string>();
  const expected = new Map<string, string>();
  const directives: Directive[] = [];
  let uri: string | null = null;
  let position: Position | null = null;
  for (const section of sections) {
    const own: Directive[] = [];
    const kept: string[] = [];
    for (const line of section.lines) {
      if (!line.startsWith('!?')) {
        kept.push(line);
        continue;
      }
      const m = DIRECTIVE.exec(line);
      if (!m) throw new Error(`${name}: cannot read the expectation '${line}'`);
      own.push({ key: m[1]!, label: m[2] ?? null, value: (m[3] ?? '').trimEnd() });
    }
    const option = (key: string): string | undefined => own.find((d) => d.key === key)?.value;
    let text = kept.join('\n') + '\n';
    if (option('final-newline') === 'no') text = text.slice(0, -1);
    const cursorLine = text.split('\n').findIndex((l) => l.includes('$0'));
    if (cursorLine >= 0) {
      if (uri !== null) throw new Error(`${name}: more than one $0`);
      uri = section.name;
      position = { line: cursorLine, character: text.split('\n')[cursorLine]!.indexOf('$0') };
      text = text.replace('$0', '');
    }
    if (option('eol') === 'crlf') text = text.replace(/\n/g, '\r\n');
    if (section.name.startsWith('expected:')) expected.set(section.name.slice('expected:'.length), text);
    else files.set(section.name, text);
    directives.push(...own.filter((d) => d.key !== 'eol' && d.key !== 'final-newline'));
  }
  if (uri === null || position === null) throw new Error(`${name}: no $0 cursor marker`);
  return { name, files, expected, uri, position, directives };
}

export function workspaceOf(files: Map<string, string>): Workspace {
  const ws = new Workspace();
  for (const [uri, text] of files) ws.set(uri, text);
  return ws;
}

/** `a, b, c` → ['a', 'b', 'c']. */
export function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The text a range covers on one line of `text`. */
export function textOf(text: string, range: { start: Position; end: Position }): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (range.start.line !== range.end.line) throw new Error('multi-line range');
  return lines[range.start.line]!.slice(range.start.character, range.end.character);
}
