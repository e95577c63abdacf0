// The custom requests between the extension (client) and the language server, declared once for both sides: each is
// an object pairing its method with its parameter and result types, which the client sends and the server handles,
// so a method can never be paired with other types on one side. No LSP library import: the client and the server
// use different major versions of the JSON-RPC library, whose request classes do not type-check against each other,
// and the webview imports this module's types too.
import type { KeepaliveEvent, SimulateJson } from './core/sim/index';
import type { ShowOutput } from './core/show/types';

import type { GroupInfoResult } from './core/features/group-info';

/** A request from the client to the server: its method, and its parameter and result types for the type checker. */
export interface CustomRequest<P, R> {
  readonly method: string;
  /** Never set: carries the types so that `P` and `R` are part of the object's type. */
  readonly types?: { params: P; result: R };
}

/** A notification without parameters. */
export interface CustomNotification {
  readonly method: string;
}
export type { GroupInfoResult, PreviewGroup, PreviewMember } from './core/features/group-info';

export interface GroupInfoParams {
  uri: string;
}

/**
 * `asaLb/groupInfo` — sent by the client for the status bar, code lens commands and the preview,
 * to learn the active document's group without re-implementing grouping.
 */
export const GROUP_INFO_REQUEST: CustomRequest<GroupInfoParams, GroupInfoResult> = { method: 'asaLb/groupInfo' };

/** `asaLb/simulate` params: a scenario in the JSON form of `asa-lb simulate` (`core/sim/validate-scenario.ts`). */
export interface SimulateParams {
  scenario: unknown;
}

export interface SimulatedDecision {
  index: number;
  target: string | null;
  rule: string;
  loads: Record<string, number>;
  reconnect?: true;
  director?: string | null;
  /** The decision in plain words, e.g. "asa1 gets it: lowest load (3 %) among eligible members". */
  explanation: string;
}

export type SimulateResult =
  | { ok: true; result: SimulateJson; decisions: SimulatedDecision[]; elections: string[]; keepalive: KeepaliveEvent[] }
  | { ok: false; error: string };

/**
 * `asaLb/simulate` — sent by the client on behalf of the redirect preview; the server runs the core's
 * simulation so the preview never re-implements the rules.
 */
export const SIMULATE_REQUEST: CustomRequest<SimulateParams, SimulateResult> = { method: 'asaLb/simulate' };

export interface ParseShowParams {
  text: string;
}

export type ParseShowResult = { ok: true; value: ShowOutput; warnings: string[] } | { ok: false; error: string };

/** `asaLb/parseShow` — sent by the client when the user imports `show vpn load-balancing` output into the preview. */
export const PARSE_SHOW_REQUEST: CustomRequest<ParseShowParams, ParseShowResult> = { method: 'asaLb/parseShow' };

/** `asaLb/changeScript` params: the device's configuration before (the last commit, or the saved file) and now. */
export interface ChangeScriptParams {
  /** The configuration's document, which names it in the script's header. */
  uri: string;
  /** How the base is named: "last commit" or "saved file". */
  baseLabel: string;
  baseText: string;
  targetText: string;
  /**
   * When true, `targetText` is a generated member configuration (New Load-Balancing Group): the target is the base
   * with that configuration's load-balancing parts put in, everything else left as the device has it.
   */
  joinGroup?: boolean;
}

export type ChangeScriptResult =
  | {
      ok: true;
      /** The script as a transcript with the device's prompts, which the server checks as a change script. */ text: string;
      steps: number;
      unscripted: string[];
      targetErrors: number;
      hostname: string;
    }
  | { ok: false; error: string };

/** `asaLb/changeScript` — the client asks for the change script between two versions of a configuration. */
export const CHANGE_SCRIPT_REQUEST: CustomRequest<ChangeScriptParams, ChangeScriptResult> = {
  method: 'asaLb/changeScript',
};

/** `asaLb/scriptBase` params: judge the change script in `uri` on top of `baseText` (the configuration it came from). */
export interface ScriptBaseParams {
  uri: string;
  baseUri: string;
  baseText: string;
}

/** `asaLb/scriptBase` — a client notification: the base a change-script document is to be judged on. */
export const SCRIPT_BASE_NOTIFICATION: CustomNotification = { method: 'asaLb/scriptBase' };

/** `asaLb/groupsChanged` — a notification from the server after any re-analysis that may change a group, so open previews refresh. */
export const GROUPS_CHANGED_NOTIFICATION: CustomNotification = { method: 'asaLb/groupsChanged' };

/** A notification with parameters: its method, and its parameter type for the type checker. */
export interface CustomParamsNotification<P> {
  readonly method: string;
  /** Never set: carries the type so that `P` is part of the object's type. */
  readonly types?: { params: P };
}

/** One workspace file the extension read through the editor; `text` null when it is gone (deleted, or too large). */
export interface WorkspaceFile {
  uri: string;
  /** The path relative to its workspace folder, with `/`: the device-file patterns are matched against it. */
  relativePath: string;
  text: string | null;
}

export interface WorkspaceFilesParams {
  files: WorkspaceFile[];
}

/**
 * `asaLb/workspaceFiles` — sent by the client for workspace folders the server cannot read itself (every folder when
 * the server runs in a web worker; folders of a virtual file system in Node): the files matching `asaLb.deviceFiles`,
 * read through the editor within the indexing size limit, then again as the editor's watcher reports changes. The
 * server keeps those that look like ASA, exactly as it does with the files it reads from disk.
 */
export const WORKSPACE_FILES_NOTIFICATION: CustomParamsNotification<WorkspaceFilesParams> = {
  method: 'asaLb/workspaceFiles',
};

/** The command a code lens runs to open the preview, contributed in package.json. */
export const SHOW_REDIRECT_PREVIEW_COMMAND = 'asaLb.showRedirectPreview';
export const NEW_GROUP_COMMAND = 'asaLb.newGroup';
export const IMPORT_SHOW_OUTPUT_COMMAND = 'asaLb.importShowOutput';
export const COPY_CHANGE_SCRIPT_COMMAND = 'asaLb.copyChangeScript';
