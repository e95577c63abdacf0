// A workspace of device files: analyses each one, groups devices by virtual IPv4 address, predicts each
// group's director and runs the cross-device checks. Updating one file re-analyses only that file; groups are
// re-checked from the per-device summaries.
import { analyzeDocument, type DeviceAnalysis } from './analyze';
import { createContext, lbLinePrefix } from './checks/context';
import { GROUP_CHECKS, type GroupContext } from './checks/group/registry';
import { summarize, type DeviceSummary } from './group/summary';
import { compareAddressTexts } from './net/address';
import { electDirector } from './sim/election';
import type { Diagnostic } from './types';

export interface GroupMember {
  uri: string;
  hostname: string | null;
  publicIp: string | null;
  priority: number;
  priorityConfigured: boolean;
  participates: boolean;
}

export interface GroupSummary {
  clusterIp: string;
  /** Members in ascending public-address order, as the director keeps them. */
  members: GroupMember[];
  /** The uri of the predicted director (SPEC §5), or null when no member participates. */
  predictedDirector: string | null;
  /** What decided the prediction: `priority` or `lowest-ip`. */
  electionRule: 'priority' | 'lowest-ip' | null;
}

export interface DocumentResult {
  analysis: DeviceAnalysis;
  summary: DeviceSummary | null;
  /** Single-device and cross-device diagnostics together. */
  diagnostics: Diagnostic[];
}

export class Workspace {
  private readonly texts = new Map<string, string>();
  private readonly analyses = new Map<string, DeviceAnalysis>();
  /** The last tree of each edited document, so the next analysis re-parses only the changed lines. */
  private readonly previousTrees = new Map<string, DeviceAnalysis['tree']>();
  private readonly summaries = new Map<string, DeviceSummary | null>();
  private groupDiagnostics = new Map<string, Diagnostic[]>();
  private groupList: GroupSummary[] = [];
  private groupsStale = true;

  /** Adds or replaces a document. */
  set(uri: string, text: string): void {
    if (this.texts.get(uri) === text && this.analyses.has(uri)) return;
    this.texts.set(uri, text);
    const before = this.analyses.get(uri);
    if (before) this.previousTrees.set(uri, before.tree);
    this.analyses.delete(uri);
    this.invalidateTranscripts(uri);
    this.groupsStale = true;
  }

  // A change script is judged on top of its device's configuration, so when any config changes, cached
  // transcripts are analysed again (they are few and small; configs are not touched).
  private invalidateTranscripts(changed: string): void {
    for (const [uri, analysis] of this.analyses) {
      if (uri !== changed && analysis.tree.kind === 'transcript') this.analyses.delete(uri);
    }
  }

  delete(uri: string): void {
    this.invalidateTranscripts(uri);
    this.texts.delete(uri);
    this.analyses.delete(uri);
    this.previousTrees.delete(uri);
    this.summaries.delete(uri);
    this.groupsStale = true;
  }

  has(uri: string): boolean {
    return this.texts.has(uri);
  }

  uris(): string[] {
    return [...this.texts.keys()];
  }

  /** The single-device analysis of one document (computed on demand, then cached until the text changes). */
  analysis(uri: string): DeviceAnalysis | undefined {
    const cached = this.analyses.get(uri);
    if (cached) return cached;
    const text = this.texts.get(uri);
    if (text === undefined) return undefined;
    const previousTree = this.previousTrees.get(uri);
    this.previousTrees.delete(uri);
    const first = analyzeDocument(uri, text, { previousTree });
    // A change script is judged on top of the same device's configuration when the workspace has it.
    const base = first.tree.kind === 'transcript' ? this.baseFor(uri, first.device.promptHostname) : null;
    const analysis = base ? analyzeDocument(uri, text, { base, previousTree: first.tree }) : first;
    this.analyses.set(uri, analysis);
    const ctx = createContext(uri, analysis.tree, analysis.device, base, []);
    this.summaries.set(uri, summarize(uri, analysis.device, lbLinePrefix(ctx), analysis.tree));
    return analysis;
  }

  private baseFor(uri: string, hostname: string | null): DeviceAnalysis['device'] | null {
    if (!hostname) return null;
    for (const other of this.texts.keys()) {
      if (other === uri) continue;
      const analysis = this.analyses.get(other) ?? analyzeDocument(other, this.texts.get(other)!);
      if (analysis.tree.kind === 'config' && analysis.device.hostname?.value === hostname) return analysis.device;
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

  result(uri: string): DocumentResult | undefined {
    const analysis = this.analysis(uri);
    if (!analysis) return undefined;
    this.refreshGroups();
    return {
      analysis,
      summary: this.summaries.get(uri) ?? null,
      diagnostics: sortDiagnostics([...analysis.diagnostics, ...(this.groupDiagnostics.get(uri) ?? [])]),
    };
  }

  private refreshGroups(): void {
    if (!this.groupsStale) return;
    for (const uri of this.texts.keys()) this.analysis(uri);
    const byVip = new Map<string, DeviceSummary[]>();
    for (const summary of this.summaries.values()) {
      if (!summary?.clusterIp) continue;
      const members = byVip.get(summary.clusterIp) ?? [];
      members.push(summary);
      byVip.set(summary.clusterIp, members);
    }
    const groups: GroupSummary[] = [];
    const diagnostics = new Map<string, Diagnostic[]>();
    const allSummaries = [...this.summaries.values()].filter((s): s is DeviceSummary => s !== null);
    for (const [clusterIp, summaries] of [...byVip].sort((a, b) => compareAddressTexts(a[0], b[0]))) {
      const members = summaries
        .map((s) => ({ summary: s, publicIp: s.lbpublic?.address ?? null, priority: s.priority, participates: s.participates }))
        .sort((a, b) => compareAddressTexts(a.publicIp ?? '', b.publicIp ?? '') || a.summary.uri.localeCompare(b.summary.uri));
      const election = electDirector(members);
      const group: GroupSummary = {
        clusterIp,
        members: members.map((m) => ({
          uri: m.summary.uri,
          hostname: m.summary.hostname?.value ?? null,
          publicIp: m.publicIp,
          priority: m.priority,
          priorityConfigured: m.summary.priorityConfigured,
          participates: m.participates,
        })),
        predictedDirector: election ? election.winner.summary.uri : null,
        electionRule: election ? election.rule : null,
      };
      groups.push(group);
      const ctx: GroupContext = {
        group,
        members: members.map((m) => m.summary),
        all: allSummaries,
        report(uri, diagnostic) {
          const list = diagnostics.get(uri) ?? [];
          list.push(diagnostic);
          diagnostics.set(uri, list);
        },
      };
      for (const [name, check] of GROUP_CHECKS) {
        try {
          check(ctx);
        } catch (error) {
          const detail = error instanceof Error ? error.message : String(error);
          for (const member of group.members) {
            ctx.report(member.uri, {
              code: 'internal-error',
              severity: 'error',
              message: `The '${name}' group check failed (${detail}). The other checks still ran; please report this.`,
              range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
              related: [],
              fixes: [],
            });
          }
        }
      }
    }
    this.groupList = groups;
    this.groupDiagnostics = diagnostics;
    this.groupsStale = false;
  }
}

function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code));
}
