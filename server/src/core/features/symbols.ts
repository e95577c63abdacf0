// The outline of a document (device → interfaces, the load-balancing block and its commands, tunnel-groups),
// workspace symbols (devices by hostname, groups by virtual address) and folding ranges (blocks, long comment runs).
import type { DeviceAnalysis } from '../analyze';
import { isLbCommand, keyOf } from '../model/device';
import type { Block } from '../syntax/tree';
import type { Range } from '../types';
import type { Workspace } from '../workspace';
import { analysisOf, commandSpan, endOfLine, fileName, lineSpan } from './cursor';
import type { CoreDocumentSymbol, CoreFoldingRange, CoreSymbolKind, CoreWorkspaceSymbol } from './types';

/** The first line of a block: its header, or (a change script that starts inside a sub-mode) its first line. */
function blockStart(block: Block): number | null {
  return block.header ?? block.lines[0] ?? null;
}

function blockEnd(block: Block): number | null {
  const last = block.lines[block.lines.length - 1];
  const start = blockStart(block);
  return last !== undefined && start !== null ? Math.max(last, start) : start;
}

function blockRange(analysis: DeviceAnalysis, block: Block): Range | null {
  const start = blockStart(block);
  const end = blockEnd(block);
  if (start === null || end === null) return null;
  return { start: { line: start, character: 0 }, end: endOfLine(analysis, end) };
}

function symbol(
  name: string,
  detail: string,
  kind: CoreSymbolKind,
  range: Range,
  selectionRange: Range,
  children: CoreDocumentSymbol[] = [],
): CoreDocumentSymbol {
  return { name, detail, kind, range, selectionRange, children };
}

function interfaceSymbol(analysis: DeviceAnalysis, block: Block): CoreDocumentSymbol | null {
  const range = blockRange(analysis, block);
  const start = blockStart(block);
  if (!range || start === null) return null;
  const intf = analysis.device.interfaces.find((i) => i.headerLine === start);
  const hwid = intf?.hwid ?? 'interface';
  const name = intf?.nameif ? `${hwid} (${intf.nameif.value})` : hwid;
  const v6 = intf?.ipv6[0];
  const detail = intf?.ipv4
    ? `${intf.ipv4.address.value}${intf.ipv4.prefix !== null ? `/${intf.ipv4.prefix}` : ''}`
    : v6
      ? `${v6.address.value}/${v6.prefix ?? '?'}`
      : '';
  return symbol(name, detail, 'interface', range, commandSpan(analysis.tree.line(start)));
}

/** A load-balancing command's arguments for the outline; a key shows only its form. */
function lbArgsDetail(analysis: DeviceAnalysis, line: number): string {
  const command = analysis.tree.line(line).parse!.command!;
  if (command.id === 'cluster-key') {
    const form = keyOf(command.args)?.form;
    return form ? `(${form} key)` : '';
  }
  return command.args.map((a) => a.text).join(' ');
}

function lbSymbol(analysis: DeviceAnalysis, block: Block): CoreDocumentSymbol | null {
  const range = blockRange(analysis, block);
  const start = blockStart(block);
  if (!range || start === null) return null;
  const lb = analysis.device.lb;
  const children: CoreDocumentSymbol[] = [];
  for (const index of block.lines) {
    const line = analysis.tree.line(index);
    const command = line.parse?.command;
    if (!command || !isLbCommand(command.id) || command.keywords.length === 0) continue;
    const name = (command.negated ? 'no ' : '') + command.keywords.map((k) => k.text.toLowerCase()).join(' ');
    const keywords = lineSpan(index, command.keywords[0]!.start, command.keywords[command.keywords.length - 1]!.end);
    children.push(symbol(name, lbArgsDetail(analysis, index), 'property', commandSpan(line), keywords));
  }
  const details: string[] = [];
  if (lb?.clusterIp?.value.ipv4) details.push(lb.clusterIp.value.ipv4);
  if (lb?.priority) details.push(`priority ${lb.priority.value}`);
  details.push(lb?.participate ? 'participates' : 'not participating');
  const header = analysis.tree.line(start);
  return symbol('vpn load-balancing', details.join(' · '), 'namespace', range, commandSpan(header), children);
}

/** A block whose children are the lines with a given command, e.g. a tunnel-group with its group URLs. */
function listBlockSymbol(
  analysis: DeviceAnalysis,
  block: Block,
  kind: CoreSymbolKind,
  childCommand: string,
  childKind: CoreSymbolKind,
): CoreDocumentSymbol | null {
  const range = blockRange(analysis, block);
  const start = blockStart(block);
  if (!range || start === null) return null;
  const header = analysis.tree.line(start);
  const text = header.text.slice(header.commandStart).trim();
  const children: CoreDocumentSymbol[] = [];
  for (const index of block.lines) {
    const line = analysis.tree.line(index);
    const command = line.parse?.command;
    if (command?.id !== childCommand) continue;
    children.push(
      symbol(
        command.keywords.map((k) => k.text).join(' '),
        command.args.map((a) => a.text).join(' '),
        childKind,
        commandSpan(line),
        commandSpan(line),
      ),
    );
  }
  return symbol(text, '', kind, range, commandSpan(header), children);
}

// A change script names its device only in its prompts; the first prompt is found within a few lines.
const PROMPT_SEARCH = 200;

/** The hostname of a change script's first configuration prompt. */
function promptHostnameRange(analysis: DeviceAnalysis): Range | null {
  const lines = analysis.tree.lines;
  for (let i = 0; i < lines.length && i < PROMPT_SEARCH; i++) {
    const prompt = lines[i]!.prompt;
    if (prompt?.mode) return lineSpan(i, 0, prompt.hostname.length);
  }
  return null;
}

/** The hierarchical outline of a document: the device, then its blocks in document order. */
export function documentSymbols(ws: Workspace, uri: string): CoreDocumentSymbol[] {
  const analysis = analysisOf(ws, uri);
  if (!analysis) return [];
  const { tree, device } = analysis;
  const children: CoreDocumentSymbol[] = [];
  for (const block of tree.blocks) {
    let child: CoreDocumentSymbol | null = null;
    if (block.kind === 'interface') child = interfaceSymbol(analysis, block);
    else if (block.kind === 'lb') child = lbSymbol(analysis, block);
    else if (block.kind === 'tunnel-group') child = listBlockSymbol(analysis, block, 'object', 'group-url', 'field');
    else if (block.kind === 'dns-server-group')
      child = listBlockSymbol(analysis, block, 'object', 'name-server', 'field');
    if (child) children.push(child);
  }
  const last = tree.lineCount - 1;
  const range: Range = { start: { line: 0, character: 0 }, end: endOfLine(analysis, last) };
  const name = device.hostname?.value ?? device.promptHostname ?? fileName(uri);
  const selection = device.hostname?.range ?? promptHostnameRange(analysis) ?? lineSpan(0, 0, 0);
  const detail = tree.kind === 'transcript' ? 'change script' : 'device configuration';
  return [symbol(name, detail, 'module', range, selection, children)];
}

/** True when every character of `query` appears in `name` in order (case-insensitive), as editors match symbols. */
function fuzzyMatch(query: string, name: string): boolean {
  const q = query.toLowerCase();
  const n = name.toLowerCase();
  let i = 0;
  for (let j = 0; j < n.length && i < q.length; j++) if (n[j] === q[i]) i++;
  return i === q.length;
}

/** Devices by hostname and groups by virtual address, matching `query`. */
export function workspaceSymbols(ws: Workspace, query: string): CoreWorkspaceSymbol[] {
  const q = typeof query === 'string' ? query.trim() : '';
  const out: CoreWorkspaceSymbol[] = [];
  const groups = ws.groups();
  for (const uri of ws.uris()) {
    const device = ws.device(uri);
    if (!device) continue;
    const name = device.hostname?.value ?? device.promptHostname ?? fileName(uri);
    if (!fuzzyMatch(q, name)) continue;
    const group = groups.find((g) => g.members.some((m) => m.uri === uri));
    // Only a change script named by its prompt needs its lines (to find that prompt).
    const analysis = device.hostname || !device.promptHostname ? null : ws.analysis(uri);
    const range = device.hostname?.range ?? (analysis ? promptHostnameRange(analysis) : null) ?? lineSpan(0, 0, 0);
    const entry: CoreWorkspaceSymbol = { name, kind: 'module', location: { uri, range } };
    if (group) entry.containerName = `group ${group.clusterIp}`;
    out.push(entry);
  }
  for (const group of groups) {
    if (!fuzzyMatch(q, group.clusterIp)) continue;
    const at = group.predictedDirector ?? group.members[0]?.uri;
    if (!at) continue;
    const range = ws.summary(at)?.clusterIpRange ?? lineSpan(0, 0, 0);
    out.push({
      name: group.clusterIp,
      kind: 'namespace',
      location: { uri: at, range },
      containerName: `group of ${group.members.length} member${group.members.length === 1 ? '' : 's'}`,
    });
  }
  return out;
}

// A comment run folds only from this length on: single `!` separators are everywhere, long runs are headers
// such as a pasted `show version`.
const MIN_COMMENT_RUN = 3;

/** Every block with at least one line under its header, and every run of comment lines long enough to hide. */
export function foldingRanges(ws: Workspace, uri: string): CoreFoldingRange[] {
  const analysis = analysisOf(ws, uri);
  if (!analysis) return [];
  const out: CoreFoldingRange[] = [];
  for (const block of analysis.tree.blocks) {
    const start = blockStart(block);
    const end = blockEnd(block);
    if (start !== null && end !== null && end > start) out.push({ startLine: start, endLine: end, kind: 'region' });
  }
  const lines = analysis.tree.lines;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.kind !== 'comment') continue;
    let j = i;
    while (j + 1 < lines.length && lines[j + 1]!.kind === 'comment') j++;
    if (j - i + 1 >= MIN_COMMENT_RUN) out.push({ startLine: i, endLine: j, kind: 'comment' });
    i = j;
  }
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
