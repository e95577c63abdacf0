// A workspace of device files: the document cache. It keeps each file's text, tree and analysis (or only the facts
// of files not open in an editor), and re-analyses only the files that changed; groups are formed and checked from
// the per-device summaries by `group/groups.ts`.
import { analyzeDocument, analyzeTree, type DeviceAnalysis } from './analyze';
import { createContext, lbLinePrefix } from './checks/context';
import { summarize, type DeviceSummary } from './group/summary';
import { formGroups, type GroupChecked } from './group/groups';
import type { GroupMember, GroupSummary } from './group/types';

export type { GroupMember, GroupSummary };
import type { Diagnostic } from './types';
import { buildDevice, type DeviceModel } from './model/device';
import { buildTree, editTree, type SyntaxTree, type TextChange } from './syntax/tree';

export interface DocumentResult {
  analysis: DeviceAnalysis;
  summary: DeviceSummary | null;
  /** Single-device and cross-device diagnostics together. */
  diagnostics: Diagnostic[];
}

/** What the workspace keeps of every document's analysis, even when it does not keep the tree. */
interface Facts {
  kind: SyntaxTree['kind'];
  device: DeviceModel;
  diagnostics: Diagnostic[];
  summary: DeviceSummary | null;
  /** For a change script judged on its device's configuration: that configuration's document. */
  baseUri?: string | null;
}

interface Entry {
  /** The text, or null when only the tree holds it (after edits, until someone asks for it) or `load` gives it. */
  text: string | null;
  /** Reads the text again, for a document the workspace keeps no text of (an unopened file: it is on disk). */
  load: (() => string) | null;
  /** A digest of the text when it is not kept, to tell an unchanged text from a changed one. */
  digest: number | null;
  /** The tree of the current text, when built and kept. */
  tree: SyntaxTree | null;
  /** Keep the tree and the analysis (documents open in an editor); others keep only their facts and text. */
  retain: boolean;
  /** The analysis of the current text (kept documents only), or null until asked for. */
  analysis: DeviceAnalysis | null;
  /** The facts of the current text, or null until asked for. */
  facts: Facts | null;
  /** The analysis before the latest change, so the next analysis reuses its unchanged lines and model. */
  previous: DeviceAnalysis | null;
}

export interface SetOptions {
  /**
   * Keep the document's tree and analysis between requests (default true). A language server keeps them for
   * the documents open in the editor; for the rest of a large workspace it keeps only what the group checks and
   * the diagnostics need, and builds the tree again when a request needs it.
   */
  retain?: boolean;
  /**
   * With `retain: false`, where to read the text again: the workspace then keeps no text either, only the facts,
   * and reads it when a request needs the tree. For files on disk, which a large workspace has thousands of.
   */
  load?: () => string;
}

export class Workspace {
  private readonly entries = new Map<string, Entry>();
  private groupDiagnostics = new Map<string, Diagnostic[]>();
  /** Each group's members and diagnostics from the last refresh, by virtual address. */
  private groupChecks = new Map<string, GroupChecked>();
  /** Each document's merged diagnostics, kept while its own and its group's lists are the same objects. */
  private readonly merged = new Map<
    string,
    { own: Diagnostic[]; group: Diagnostic[] | undefined; all: Diagnostic[] }
  >();
  private groupList: GroupSummary[] = [];
  /** Change scripts whose base is given explicitly (an older version of a configuration), by the script's uri. */
  private readonly scriptBases = new Map<string, { uri: string; device: DeviceModel }>();
  private groupsStale = true;

  /** Adds or replaces a document. */
  set(uri: string, text: string, options: SetOptions = {}): void {
    const retain = options.retain ?? true;
    const before = this.entries.get(uri);
    const load = retain ? null : (options.load ?? null);
    if (before && sameText(before, text)) {
      if (before.retain !== retain) this.retainOnly(before, retain, text, load);
      return;
    }
    const kept = load ? { text: null, load, digest: digestOf(text) } : { text, load: null, digest: null };
    this.entries.set(uri, {
      ...kept,
      tree: null,
      retain,
      analysis: null,
      facts: null,
      previous: before?.analysis ?? before?.previous ?? null,
    });
    this.changed(uri);
  }

  /**
   * Applies an editor's changes to a document the workspace holds, re-reading only the lines they touch.
   * Returns false when the document is unknown (the caller then sets its whole text).
   */
  edit(uri: string, changes: readonly TextChange[]): boolean {
    const before = this.entries.get(uri);
    if (!before) return false;
    if (changes.length === 0) return true;
    const tree = before.tree ?? before.analysis?.tree ?? buildTree(textOf(before), before.previous?.tree);
    // In place: the workspace is the only owner of the tree, and copying a large file's lines per keystroke is costly.
    this.entries.set(uri, {
      text: null,
      load: null,
      digest: null,
      tree: editTree(tree, changes, { inPlace: true }),
      retain: before.retain,
      analysis: null,
      facts: null,
      previous: before.analysis ?? before.previous,
    });
    this.changed(uri);
    return true;
  }

  /** The current text of a document. */
  text(uri: string): string | undefined {
    const entry = this.entries.get(uri);
    return entry ? textOf(entry) : undefined;
  }

  private changed(uri: string): void {
    this.invalidateTranscripts(uri);
    this.groupsStale = true;
  }

  private retainOnly(entry: Entry, retain: boolean, text: string, load: (() => string) | null): void {
    entry.retain = retain;
    if (retain) {
      entry.text ??= text;
      entry.load = null;
      entry.digest = null;
    } else if (load) {
      entry.load = load;
      entry.digest = digestOf(text);
    }
    if (!retain) this.release(entry);
  }

  /** Drops the tree of a document that is not kept, holding on to its text (unless it can be read again). */
  private release(entry: Entry): void {
    if (entry.retain) return;
    if (entry.load) entry.text = null;
    else if (entry.text === null) entry.text = entry.tree!.text;
    entry.tree = null;
    entry.analysis = null;
    entry.previous = null;
  }

  // A change script is judged on top of its device's configuration, so when any config changes, cached
  // transcripts are analysed again (they are few and small; configs are not touched).
  private invalidateTranscripts(changed: string): void {
    for (const [uri, entry] of this.entries) {
      if (uri !== changed && entry.facts?.kind === 'transcript') {
        entry.previous = entry.analysis ?? entry.previous;
        entry.analysis = null;
        entry.facts = null;
      }
    }
  }

  delete(uri: string): void {
    this.scriptBases.delete(uri);
    this.invalidateTranscripts(uri);
    this.entries.delete(uri);
    this.merged.delete(uri);
    this.groupsStale = true;
  }

  has(uri: string): boolean {
    return this.entries.has(uri);
  }

  uris(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * The single-device analysis of one document: cached until its text changes for kept documents, built again on
   * each call for the others.
   */
  analysis(uri: string): DeviceAnalysis | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    if (entry.analysis) return entry.analysis;
    let tree: SyntaxTree | null = null;
    let analysis: DeviceAnalysis;
    let base: { uri: string; device: DeviceModel } | null = null;
    try {
      tree = entry.tree ?? buildTree(textOf(entry), entry.previous?.tree);
      const first = analyzeTree(uri, tree, { previous: entry.previous ?? undefined });
      // A change script is judged on top of the same device's configuration when the workspace has it.
      base = tree.kind === 'transcript' ? this.baseFor(uri, first.device.promptHostname) : null;
      analysis = base ? analyzeTree(uri, tree, { base: base.device, baseUri: base.uri }) : first;
    } catch (error) {
      // One document failing must not cost the others their diagnostics: it gets one diagnostic and no group.
      ({ tree, analysis } = failedAnalysis(uri, tree, error));
      entry.facts = {
        kind: tree.kind,
        device: analysis.device,
        diagnostics: analysis.diagnostics,
        summary: null,
        baseUri: null,
      };
    }
    if (!entry.facts) {
      // The group checks see a change script's device as it is after the script.
      const judged = analysis.merged ?? analysis.device;
      const ctx = createContext(uri, tree, judged, base?.device ?? null, []);
      entry.facts = {
        kind: tree.kind,
        device: analysis.device,
        diagnostics: analysis.diagnostics,
        summary: summarize(uri, judged, lbLinePrefix(ctx), tree),
        baseUri: base?.uri ?? null,
      };
    }
    entry.previous = null;
    if (entry.retain) {
      entry.tree = tree;
      entry.analysis = analysis;
    } else {
      entry.tree = tree;
      this.release(entry);
    }
    return analysis;
  }

  private facts(uri: string): Facts | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    if (!entry.facts) this.analysis(uri);
    return entry.facts!;
  }

  /** The device model of a document, without keeping its tree. */
  device(uri: string): DeviceModel | undefined {
    return this.facts(uri)?.device;
  }

  /** The group-relevant summary of a document (null when it has no load-balancing block). */
  summary(uri: string): DeviceSummary | null {
    return this.facts(uri)?.summary ?? null;
  }

  /**
   * Judges the change script `uri` on top of `baseText` (a configuration the workspace need not hold, such as the
   * last committed version of a file), instead of the configuration with the script's hostname; null forgets it.
   */
  setScriptBase(uri: string, base: { uri: string; text: string } | null): void {
    if (base) this.scriptBases.set(uri, { uri: base.uri, device: analyzeDocument(base.uri, base.text).device });
    else this.scriptBases.delete(uri);
    const entry = this.entries.get(uri);
    if (entry) {
      entry.previous = entry.analysis ?? entry.previous;
      entry.analysis = null;
      entry.facts = null;
    }
    this.groupsStale = true;
  }

  private baseFor(uri: string, hostname: string | null): { uri: string; device: DeviceModel } | null {
    const explicit = this.scriptBases.get(uri);
    if (explicit) return explicit;
    if (!hostname) return null;
    for (const [other, entry] of this.entries) {
      if (other === uri) continue;
      // Not through this.analysis(): another change script must not look for its own base from here.
      const known =
        entry.facts ?? (entry.analysis ? { kind: entry.analysis.tree.kind, device: entry.analysis.device } : null);
      const fresh = known ? null : analyzeDocument(other, textOf(entry));
      const kind = known?.kind ?? fresh!.tree.kind;
      const device = known?.device ?? fresh!.device;
      if (kind === 'config' && device.hostname?.value === hostname) return { uri: other, device };
    }
    return null;
  }

  /** Groups of the workspace, by virtual IPv4 address. */
  groups(): GroupSummary[] {
    this.refreshGroups();
    return this.groupList;
  }

  /** The group a document belongs to, if any. */
  groupOf(uri: string): GroupSummary | undefined {
    return this.groups().find((g) => g.members.some((m) => m.uri === uri));
  }

  /** Single-device and cross-device diagnostics of a document, without keeping its tree. */
  diagnostics(uri: string): Diagnostic[] | undefined {
    const facts = this.facts(uri);
    if (!facts) return undefined;
    this.refreshGroups();
    const group = this.groupDiagnostics.get(uri);
    const known = this.merged.get(uri);
    // The same array while nothing changed, so callers can tell an unchanged list without comparing its contents.
    if (known && known.own === facts.diagnostics && known.group === group) return known.all;
    const all = sortDiagnostics([...facts.diagnostics, ...(group ?? [])]);
    this.merged.set(uri, { own: facts.diagnostics, group, all });
    return all;
  }

  result(uri: string): DocumentResult | undefined {
    const analysis = this.analysis(uri);
    if (!analysis) return undefined;
    return { analysis, summary: this.summary(uri), diagnostics: this.diagnostics(uri)! };
  }

  private refreshGroups(): void {
    if (!this.groupsStale) return;
    const summaries: DeviceSummary[] = [];
    for (const uri of this.entries.keys()) {
      const summary = this.facts(uri)?.summary;
      if (summary) summaries.push(summary);
    }
    const scriptBases = new Map<string, string>();
    for (const [uri, entry] of this.entries) if (entry.facts?.baseUri) scriptBases.set(uri, entry.facts.baseUri);
    const { groups, diagnostics, checked } = formGroups(summaries, this.groupChecks, scriptBases);
    this.groupList = groups;
    this.groupDiagnostics = diagnostics;
    this.groupChecks = checked;
    this.groupsStale = false;
  }
}

/** The text of an entry: kept, joined from its tree, or read again. */
function textOf(entry: Entry): string {
  return entry.text ?? entry.tree?.text ?? entry.load!();
}

function sameText(entry: Entry, text: string): boolean {
  const known = entry.text ?? entry.tree?.text;
  return known !== undefined && known !== null ? known === text : entry.digest === digestOf(text);
}

/** A 53-bit digest of a text (cyrb53): a change that keeps it is as likely as two random 53-bit numbers meeting. */
function digestOf(text: string): number {
  let h1 = 0xdeadbeef ^ text.length;
  let h2 = 0x41c6ce57 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The analysis of a document whose analysis threw: an empty device and one internal-error diagnostic. */
function failedAnalysis(
  uri: string,
  tree: SyntaxTree | null,
  error: unknown,
): { tree: SyntaxTree; analysis: DeviceAnalysis } {
  // Built without the checks, which may be what failed.
  const emptyTree = buildTree('');
  const empty = { tree: emptyTree, device: buildDevice(emptyTree) };
  const detail = error instanceof Error ? error.name : 'unknown error';
  const diagnostic: Diagnostic = {
    code: 'internal-error',
    severity: 'error',
    message: `Analysing this file failed (${detail}). The other files were still checked; please report this.`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    related: [],
    fixes: [],
  };
  const kept = tree ?? empty.tree;
  return { tree: kept, analysis: { uri, tree: kept, device: empty.device, diagnostics: [diagnostic] } };
}

/** Orders a document's diagnostics by position, then code (a stable sort: equal ones keep their order). */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.code.localeCompare(b.code),
  );
}
