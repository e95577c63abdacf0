// The custom requests between the extension (client) and the language server, shared by both sides.
// Plain types and method names only: no editor or LSP library imports, so the client, the server, the webview
// and the tests can all import this module.
import type { KeepaliveEvent, SimulateJson } from './core/sim/index';
import type { ShowOutput } from './core/show/types';

export type { GroupInfoResult, PreviewGroup, PreviewMember } from './core/features/group-info';

export interface GroupInfoParams {
  uri: string;
}

/**
 * `asaLb/groupInfo` — sent by the client for the status bar, code lens commands and the preview,
 * to learn the active document's group without re-implementing grouping.
 */
export const GROUP_INFO_REQUEST = 'asaLb/groupInfo';

/** `asaLb/simulate` params: a scenario in the JSON form of `asa-lb simulate` (CONTRACT §1). */
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
export const SIMULATE_REQUEST = 'asaLb/simulate';

export interface ParseShowParams {
  text: string;
}

export type ParseShowResult = { ok: true; value: ShowOutput; warnings: string[] } | { ok: false; error: string };

/** `asaLb/parseShow` — sent by the client when the user imports `show vpn load-balancing` output into the preview. */
export const PARSE_SHOW_REQUEST = 'asaLb/parseShow';

/** `asaLb/groupsChanged` — a notification from the server after any re-analysis that may change a group, so open previews refresh. */
export const GROUPS_CHANGED_NOTIFICATION = 'asaLb/groupsChanged';

/** The command a code lens runs to open the preview (CONTRACT §3). */
export const SHOW_REDIRECT_PREVIEW_COMMAND = 'asaLb.showRedirectPreview';
export const NEW_GROUP_COMMAND = 'asaLb.newGroup';
export const IMPORT_SHOW_OUTPUT_COMMAND = 'asaLb.importShowOutput';
