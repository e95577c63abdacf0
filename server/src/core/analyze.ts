// The core's entry point for one document: text → tree → device model → single-device diagnostics.
// The language server, the CLI and the tests all call this, so behaviour cannot differ between them.
import { buildDevice, type DeviceModel } from './model/device';
import { buildTree, type SyntaxTree } from './syntax/tree';
import { readableDiagnostic, type Diagnostic } from './types';
import { createContext, type DeviceContext } from './checks/context';
import { internalError, runChecks } from './checks/run';
import { checkBlockSyntax } from './checks/device/block-syntax';
import { checkLbHeaderTypo } from './checks/device/lb-header-typo';
import { checkDuplicateCommand } from './checks/device/duplicate-command';
import { checkLbInterfaces } from './checks/device/lb-interfaces';
import { checkClusterIp } from './checks/device/cluster-ip';
import { checkEncryption } from './checks/device/encryption';
import { checkParticipation } from './checks/device/participation';
import { checkRedirectFqdnDns } from './checks/device/redirect-fqdn-dns';
import { checkGroupUrls } from './checks/device/group-url';
import { checkTranscriptOrder } from './checks/device/transcript-order';
import { replayScript, type Replay } from './script/replay';
import { placeInScript } from './script/base-marks';

export interface DeviceAnalysis {
  uri: string;
  tree: SyntaxTree;
  device: DeviceModel;
  diagnostics: Diagnostic[];
  /**
   * For a change script applied on its device's configuration: the device after the script (the checks and the
   * group checks judge this one; `device` is what the script alone says, for the editor's features).
   */
  merged?: DeviceModel;
}

export interface AnalyzeOptions {
  /** For a transcript: the configuration of the same device, when the workspace has it. */
  base?: DeviceModel | null;
  /** Where `base` comes from, for related information that points into it. */
  baseUri?: string;
  /** The tree of the same document before an edit: unchanged lines are reused instead of parsed again. */
  previousTree?: SyntaxTree;
}

type Check = (ctx: DeviceContext) => void;

/** Every single-device check, in the order their diagnostics are listed. */
export const DEVICE_CHECKS: readonly [string, Check][] = [
  ['block-syntax', checkBlockSyntax],
  ['lb-header-typo', checkLbHeaderTypo],
  ['duplicate-command', checkDuplicateCommand],
  ['lb-interfaces', checkLbInterfaces],
  ['cluster-ip', checkClusterIp],
  ['encryption', checkEncryption],
  ['participation', checkParticipation],
  ['redirect-fqdn-dns', checkRedirectFqdnDns],
  ['group-url', checkGroupUrls],
  ['transcript-order', checkTranscriptOrder],
];

// Text that is not an ASA config at all (a binary opened by mistake) is not checked: it gets no diagnostics and no
// load-balancing model.
// Judged on the first 8 KiB, read from the lines (never joined: an edited tree's text is not joined for it, and a
// run over many small files joined nearly every file once more).
const SAMPLE = 8192;

function looksBinary(tree: SyntaxTree): boolean {
  let length = 0;
  let control = 0;
  for (let i = 0; i < tree.lineCount; i++) {
    const line = tree.line(i);
    for (let k = 0; k < 2; k++) {
      const part = k === 0 ? line.text : line.eol;
      const end = Math.min(part.length, SAMPLE - length);
      for (let i = 0; i < end; i++) {
        const c = part.charCodeAt(i);
        if (c === 0) return true;
        if (c < 9 || (c > 13 && c < 32)) control++;
      }
      length += end;
    }
    if (length >= SAMPLE) break;
  }
  return length > 0 && control / length > 0.1;
}

export function analyzeDocument(uri: string, text: string, options: AnalyzeOptions = {}): DeviceAnalysis {
  return analyzeTree(uri, buildTree(text, options.previousTree), options);
}

/** Analyses a tree already built (by an edit, say). With `previous`, the analysis of the tree before the edit. */
export function analyzeTree(
  uri: string,
  tree: SyntaxTree,
  options: { base?: DeviceModel | null; baseUri?: string; previous?: DeviceAnalysis } = {},
): DeviceAnalysis {
  const device = buildDevice(tree, options.previous && !options.base ? options.previous : undefined);
  const diagnostics: Diagnostic[] = [];
  if (looksBinary(tree)) return { uri, tree, device: { ...device, lb: null }, diagnostics };
  const base = options.base ?? null;
  // A change script is replayed as the device applies it; on a known configuration, the result is what is judged.
  const replay: Replay | undefined = tree.kind === 'transcript' ? replayScript(tree, base) : undefined;
  const merged = base && replay ? replay.device : undefined;
  const ctx = createContext(uri, tree, merged ?? device, base, diagnostics);
  ctx.replay = replay;
  runChecks(DEVICE_CHECKS, ctx, (name, detail) => {
    diagnostics.push(
      internalError(
        `The '${name}' check failed on this file (${detail}). The other checks still ran; please report this.`,
      ),
    );
  });
  for (let i = 0; i < diagnostics.length; i++) diagnostics[i] = readableDiagnostic(diagnostics[i]!);
  if (merged) {
    const placed = diagnostics
      .map((d) => placeInScript(d, uri, options.baseUri ?? ''))
      .filter((d): d is Diagnostic => d !== null);
    diagnostics.length = 0;
    diagnostics.push(...placed);
  }
  diagnostics.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.code.localeCompare(b.code),
  );
  return merged ? { uri, tree, device, diagnostics, merged } : { uri, tree, device, diagnostics };
}
