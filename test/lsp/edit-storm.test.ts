// An edit storm over a real connection: thousands of random incremental edits on several open members of a group.
// At checkpoints the server's diagnostics must equal a fresh analysis of the same texts, the server must still be
// serving, and its memory must not keep growing. EDIT_STORM_EDITS scales the storm.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { isDeviceFile } from '../../server/src/core/detect';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-protocol/node';
import { Workspace } from '../../server/src/core/workspace';
import { ROOT, TestClient, fileUri, removeFolder } from './client';

const EDITS = Number(process.env['EDIT_STORM_EDITS'] ?? '') || 5_000;
const CHECKPOINT = 250;

function shape(
  diagnostics: readonly { code?: unknown; range: { start: { line: number; character: number } }; severity?: unknown }[],
): string[] {
  return diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}`).sort();
}

function residentKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

/** A random edit of `text`: an insert, a delete, a line join or split, or the undo of the previous edit. */
/** A small seeded generator (mulberry32), so a failing storm can be replayed. */
class Random {
  constructor(private state: number) {}
  nextInt(min: number, max: number): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    const unit = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return min + Math.floor(unit * (max - min + 1));
  }
}

/** Every device file under `dir`, as the server's indexer finds them. */
function deviceFiles(dir: string, root = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...deviceFiles(path, root));
    else if (isDeviceFile(relative(root, path), readFileSync(path, 'utf8'))) out.push(path);
  }
  return out;
}

function randomEdit(
  text: string,
  random: Random,
  undo: { edit: TextEdit; text: string } | null,
): { edit: TextEdit; inverse: TextEdit } {
  const lines = text.split('\n');
  const position = (): { line: number; character: number } => {
    const line = random.nextInt(0, lines.length - 1);
    return { line, character: random.nextInt(0, lines[line]!.length) };
  };
  const offsetOf = (p: { line: number; character: number }): number =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const positionOf = (offset: number): { line: number; character: number } => {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before.at(-1)!.length };
  };
  const kind =
    undo && random.nextInt(0, 9) === 0 ? 'undo' : ['insert', 'delete', 'join', 'split'][random.nextInt(0, 3)]!;
  if (kind === 'undo') return { edit: undo!.edit, inverse: undo!.edit };
  const pieces = [
    'x',
    ' ',
    'cluster ',
    'priority 7',
    'participate',
    '192.0.2.',
    '!',
    'interface lbpublic ',
    'no ',
    '\t',
  ];
  const start = position();
  if (kind === 'insert' || kind === 'split') {
    const newText =
      kind === 'split' ? '\n' + (random.nextInt(0, 1) ? ' ' : '') : pieces[random.nextInt(0, pieces.length - 1)]!;
    // The inserted text ends on the same line, or one line down after a split.
    const end = newText.includes('\n')
      ? { line: start.line + 1, character: newText.length - 1 }
      : { line: start.line, character: start.character + newText.length };
    return { edit: { range: { start, end: start }, newText }, inverse: { range: { start, end }, newText: '' } };
  }
  const from = offsetOf(start);
  const to =
    kind === 'join' ? text.indexOf('\n', from) + 1 || from : Math.min(text.length, from + random.nextInt(1, 12));
  const removed = text.slice(from, to);
  const end = positionOf(to);
  return { edit: { range: { start, end }, newText: '' }, inverse: { range: { start, end: start }, newText: removed } };
}

describe('edit storm', () => {
  let client: TestClient;
  let folder: string;
  before(async () => {
    // The example group: three members and a change script, full of the mistakes the checks report.
    folder = mkdtempSync(join(tmpdir(), 'asa-lb-storm-'));
    cpSync(join(ROOT, 'test', 'examples'), folder, { recursive: true });
    client = await TestClient.start({ folder });
  });
  after(async () => {
    await client.stop();
    removeFolder(folder);
  });

  it(`stays equal to a fresh analysis through ${EDITS.toLocaleString('en')} random edits on the members of a group`, async () => {
    const files = readdirSync(folder).filter((f) => f.endsWith('.cfg'));
    const uris = files.map((f) => fileUri(join(folder, f)));
    for (const [i, uri] of uris.entries()) await client.open(uri, readFileSync(join(folder, files[i]!), 'utf8'));
    const random = new Random(Number(process.env['EDIT_STORM_SEED'] ?? '') || 20261124);
    const memory: number[] = [];
    // Each member keeps a stack of inverse edits; about half of the edits undo the latest one, as people do, so the
    // texts keep drifting around their originals instead of decaying into noise.
    const undo = new Map<string, TextEdit[]>(uris.map((u) => [u, []]));
    let compared = 0;
    for (let n = 1; n <= EDITS; n++) {
      const uri = uris[random.nextInt(0, uris.length - 1)]!;
      const stack = undo.get(uri)!;
      if (stack.length > 0 && random.nextInt(0, 1) === 0) {
        await client.edit(uri, [stack.pop()!]);
      } else {
        const { edit, inverse } = randomEdit(client.text(uri), random, null);
        await client.edit(uri, [edit]);
        stack.push(inverse);
      }
      if (n % CHECKPOINT !== 0 && n !== EDITS) continue;
      // Checkpoint: every member's published diagnostics equal the core's fresh analysis of the same texts.
      const fresh = new Workspace();
      for (const path of deviceFiles(folder)) fresh.set(fileUri(path), readFileSync(path, 'utf8'));
      for (const u of uris) fresh.set(u, client.text(u));
      for (const u of uris) {
        const published: Diagnostic[] = await client.diagnosticsOfVersion(u, client.version(u));
        const expected = fresh.result(u)!.diagnostics;
        assert.deepEqual(shape(published), shape(expected), `checkpoint after ${n} edits, ${u}`);
        compared += published.length;
      }
      memory.push(residentKiB(client.child.pid!));
    }
    assert.ok(compared > 0, 'the checkpoints compared no diagnostic at all, so they prove nothing');
    // The server keeps serving, and its memory levels off instead of growing with the number of edits.
    const hover = await client.request('textDocument/hover', {
      textDocument: { uri: uris[0] },
      position: { line: 0, character: 0 },
    });
    assert.ok(hover === null || typeof hover === 'object');
    const firstHalf = Math.max(...memory.slice(0, Math.ceil(memory.length / 2)));
    const secondHalf = Math.max(...memory.slice(Math.ceil(memory.length / 2)));
    assert.ok(secondHalf < firstHalf * 1.5 + 20_000, `resident memory grew from ${firstHalf} KiB to ${secondHalf} KiB`);
    console.log(
      `# edit storm: ${EDITS} edits, ${memory.length} checkpoints, ${compared} diagnostics compared, resident memory ${memory.map((k) => Math.round(k / 1024)).join(' → ')} MiB`,
    );
  });
});
