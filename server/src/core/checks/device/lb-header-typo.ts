// lb-header-typo: a global command that is a near miss of `vpn load-balancing` (`vpn load-balacing`,
// `vpn load-balancing9`, `vpn-load-balancing`). The device rejects such a line, so the block under it configures
// nothing; outside the block unknown commands are otherwise silent, so without this the block would vanish unseen.
import { replace } from '../../fixes/edits';
import type { LineNode } from '../../syntax/tree';
import type { DeviceContext } from '../context';

const HEADER = 'vpn load-balancing';
/** The header's letters only: spaces, hyphens and stray digits do not make a different command. */
const HEADER_LETTERS = 'vpnloadbalancing';
/** Up to two edits (a dropped, doubled, swapped or wrong letter or two) between the letters still reads as the header. */
const MAX_EDITS = 2;

export function checkLbHeaderTypo(ctx: DeviceContext): void {
  const tree = ctx.tree;
  for (let i = 0; i < tree.lineCount; i++) {
    // The cheap tests first, on what the tree knows without making the line's node: this runs over every line of a
    // 100,000-line config on each keystroke.
    if (tree.kindOf(i) !== 'command' || tree.indentOf(i) !== 0 || !maybeVpn(tree.keywordOf(i))) continue;
    const line = tree.line(i);
    if (!isGlobalCommand(line)) continue;
    const near = nearMiss(line);
    if (!near) continue;
    const range = {
      start: { line: line.index, character: line.commandStart },
      end: { line: line.index, character: near.end },
    };
    ctx.report(
      'lb-header-typo',
      range,
      `'${near.typed}' is not a command; did you mean '${HEADER}'? The device rejects this line, so the commands under it do not configure load balancing and this device joins no group.`,
      { fixes: [{ title: `Change to '${HEADER}'`, edits: [replace(range, HEADER)], preferred: true }] },
    );
  }
}

/** A command in global configuration mode (at column 0 of a config, or at a `(config)#` prompt), other than the header itself or a `no` line. */
function isGlobalCommand(line: LineNode): boolean {
  if (line.prompt && line.prompt.mode !== 'config') return false;
  // The header itself, abbreviated or not, and its `no` form are what they say.
  return (
    line.parse?.command?.id !== 'vpn-load-balancing' &&
    !/^no\s/i.test(line.text.slice(line.commandStart, line.commandStart + 3))
  );
}

/**
 * Three-letter pieces of `loadbalancing`: two edits spoil at most six of its eleven, so a long first word that holds
 * none of them (`vpn-sessiondb`, `vpnclient`) is no near miss of the header, and is passed over at once.
 */
const PIECES = ['loa', 'oad', 'adb', 'dba', 'bal', 'ala', 'lan', 'anc', 'nci', 'cin', 'ing'];

/**
 * A first test on the keyword the tree already holds, so that most lines cost a character comparison or two: a first
 * word that starts with `v` and is short (`vpn`, `vnp`, `vpm`) or holds a piece of `loadbalancing`
 * (`vpn-load-balancing`, `vpnload-balacing`), or `vpn` with its first letter mistyped (`bpn`).
 */
function maybeVpn(keyword: string): boolean {
  const first = keyword.charCodeAt(0);
  if (first === 118 /* v */) return keyword.length <= 4 || PIECES.some((piece) => keyword.includes(piece));
  return keyword.length === 3 && keyword.charCodeAt(1) === 112 /* p */ && keyword.charCodeAt(2) === 110; /* n */
}

/** The leading one to three words when their letters are within MAX_EDITS of the header's, else null. */
function nearMiss(line: LineNode): { typed: string; end: number } | null {
  const words: { text: string; end: number }[] = [];
  const pattern = /\S+/g;
  pattern.lastIndex = line.commandStart;
  for (let m = pattern.exec(line.text); m && words.length < 3; m = pattern.exec(line.text))
    words.push({ text: m[0], end: m.index + m[0].length });
  if (isAbbreviation(line.text.slice(line.commandStart).trim())) return null;
  let best: { typed: string; end: number; cost: number } | null = null;
  for (let count = 1; count <= words.length; count++) {
    const typed = line.text.slice(line.commandStart, words[count - 1]!.end);
    const letters = typed.toLowerCase().replace(/[^a-z]/g, '');
    if (Math.abs(letters.length - HEADER_LETTERS.length) > MAX_EDITS) continue;
    const cost = distance(letters, HEADER_LETTERS);
    if (cost <= MAX_EDITS && (!best || cost < best.cost)) best = { typed, end: words[count - 1]!.end, cost };
  }
  return best && best.typed.toLowerCase() !== HEADER ? { typed: best.typed, end: best.end } : null;
}

/** The whole command is `vpn load-bal`: what the device accepts at its prompt as the header (a running-config never abbreviates). */
function isAbbreviation(typed: string): boolean {
  const [first, second, ...rest] = typed.toLowerCase().split(/\s+/);
  return (
    first === 'vpn' &&
    rest.length === 0 &&
    second !== undefined &&
    second.length >= 4 &&
    'load-balancing'.startsWith(second)
  );
}

/** Optimal string alignment distance (Levenshtein plus swapped neighbours), for short strings only. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, d[i - 2]![j - 2]! + 1);
      d[i]![j] = value;
    }
  }
  return d[a.length]![b.length]!;
}
