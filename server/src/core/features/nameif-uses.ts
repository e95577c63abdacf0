// Where interface names (nameif values) are declared and used on a line: `nameif X` declares; load-balancing
// interfaces, IKE, DNS, routes, NAT, management access and a few more commands use one. Hover, go-to-definition,
// references and rename all read this one table, so they agree on what counts as a use.
import type { DeviceAnalysis } from '../analyze';
import { parseAddress } from '../net/address';
import type { LineNode, SyntaxTree } from '../syntax/tree';
import type { Range } from '../types';
import { lineSpan, wordsOf, type Word } from './cursor';

export interface NameifSlot {
  name: string;
  range: Range;
  declaration: boolean;
  /**
   * True where the grammar says an interface name must stand (`interface lbpublic X`, `crypto ikev1 enable X`,
   * `dns domain-lookup X`, `nameif X`): hover explains even a name no interface has. Elsewhere (`route`, `nat`, …)
   * a word only counts when an interface has that name, so an unrelated word is never renamed.
   */
  strict: boolean;
}

// First words of the commands below; other lines are skipped without being split into words.
const KEYWORDS = new Set([
  'nameif',
  'interface',
  'crypto',
  'dns',
  'name-server',
  'mtu',
  'monitor-interface',
  'route',
  'ipv6',
  'access-group',
  'nat',
  'ssh',
  'http',
  'telnet',
  'icmp',
  'dhcpd',
  'logging',
  'snmp-server',
  'aaa-server',
  'ip',
  'enable',
]);

function isAddress(text: string): boolean {
  return parseAddress(text) !== null || /^[0-9a-f:.]+\/\d+$/i.test(text);
}

/** The word after the first word equal to `keyword`, looking from index `from`. */
function after(words: Word[], keyword: string, from: number): Word | undefined {
  for (let i = from; i < words.length - 1; i++) if (words[i]!.text.toLowerCase() === keyword) return words[i + 1];
  return undefined;
}

/** The names inside `(inside,outside)` or `(inside)`, each with its own columns. */
function parenthesised(word: Word): Word[] {
  const m = /^\(([^()]*)\)/.exec(word.text);
  if (!m) return [];
  const out: Word[] = [];
  let column = word.start + 1;
  for (const part of m[1]!.split(',')) {
    if (part.length > 0) out.push({ text: part, start: column, end: column + part.length });
    column += part.length + 1;
  }
  return out;
}

function blockHeaderKeyword(tree: SyntaxTree, line: LineNode): string {
  const header = line.block?.header;
  return header !== null && header !== undefined && header !== line.index ? tree.line(header).keyword : '';
}

/** Every nameif declared or used on a line. */
export function nameifSlotsOfLine(tree: SyntaxTree, line: LineNode): NameifSlot[] {
  if (line.kind !== 'command' || !KEYWORDS.has(line.keyword)) return [];
  let words = wordsOf(line.text, line.commandStart);
  if (words[0]?.text.toLowerCase() === 'no') words = words.slice(1);
  const k = (i: number): string => words[i]?.text.toLowerCase() ?? '';
  const slots: NameifSlot[] = [];
  const add = (word: Word | undefined, strict: boolean, declaration = false): void => {
    if (word && word.text.length > 0)
      slots.push({ name: word.text, range: lineSpan(line.index, word.start, word.end), declaration, strict });
  };
  switch (k(0)) {
    case 'nameif':
      if (line.block?.kind === 'interface') add(words[1], true, true);
      break;
    case 'interface':
      if ((k(1) === 'lbpublic' || k(1) === 'lbprivate') && line.block?.kind === 'lb') add(words[2], true);
      break;
    case 'crypto':
      if ((k(1) === 'ikev1' || k(1) === 'ikev2') && k(2) === 'enable') add(words[3], true);
      else if (k(1) === 'map') add(after(words, 'interface', 2), false);
      break;
    case 'dns':
      if (k(1) === 'domain-lookup') add(words[2], true);
      break;
    case 'name-server':
      // `name-server A [B …] [IFNAME]`: only a last word that is not an address can name the interface.
      if (words.length >= 3 && !isAddress(words[words.length - 1]!.text)) add(words[words.length - 1], false);
      break;
    case 'mtu':
    case 'monitor-interface':
    case 'route':
      add(words[1], false);
      break;
    case 'ipv6':
      if (k(1) === 'route') add(words[2], false);
      break;
    case 'access-group':
      add(after(words, 'interface', 1), false);
      break;
    case 'nat':
      // The global NAT names `(real,mapped)` interfaces; the load-balancing `nat` takes an address and never matches.
      if (words[1]?.text.startsWith('(')) for (const part of parenthesised(words[1])) add(part, false);
      break;
    case 'aaa-server':
      if (words[2]?.text.startsWith('(')) for (const part of parenthesised(words[2])) add(part, false);
      break;
    case 'ssh':
    case 'http':
    case 'telnet':
      // `ssh 10.0.0.0 255.0.0.0 inside` or `ssh 2001:db8::/32 inside`; `ssh timeout 5` and the like name none.
      if (words[1] && parseAddress(words[1].text)?.kind() === 'ipv4') add(words[3], false);
      else if (words[1] && words[1].text.includes(':')) add(words[2], false);
      break;
    case 'icmp':
      if ((k(1) === 'permit' || k(1) === 'deny') && words.length >= 4) add(words[words.length - 1], false);
      break;
    case 'dhcpd':
      if (k(1) === 'enable') add(words[2], false);
      else if (k(1) === 'address') add(words[3], false);
      break;
    case 'logging':
    case 'snmp-server':
      if (k(1) === 'host') add(words[2], false);
      break;
    case 'ip':
      if (k(1) === 'verify') add(after(words, 'interface', 2), false);
      break;
    case 'enable':
      if (blockHeaderKeyword(tree, line) === 'webvpn') add(words[1], false);
      break;
    default:
      break;
  }
  return slots;
}

/** The slot at a column of a line, if any. */
export function nameifSlotAt(tree: SyntaxTree, line: LineNode, character: number): NameifSlot | null {
  for (const slot of nameifSlotsOfLine(tree, line)) {
    if (character >= slot.range.start.character && character <= slot.range.end.character) return slot;
  }
  return null;
}

// One index per analysis: built on the first references or rename request after an edit, then reused until the
// text changes (the workspace replaces the analysis object, and the WeakMap lets the old index go).
const indexes = new WeakMap<DeviceAnalysis, Map<string, NameifSlot[]>>();

/** Every slot of the document, by name (case-sensitive, as nameif values are). */
export function nameifIndex(analysis: DeviceAnalysis): Map<string, NameifSlot[]> {
  let index = indexes.get(analysis);
  if (index) return index;
  index = new Map();
  const { tree } = analysis;
  for (const line of tree.lines) {
    if (!KEYWORDS.has(line.keyword)) continue;
    for (const slot of nameifSlotsOfLine(tree, line)) {
      const list = index.get(slot.name) ?? [];
      list.push(slot);
      index.set(slot.name, list);
    }
  }
  indexes.set(analysis, index);
  return index;
}
