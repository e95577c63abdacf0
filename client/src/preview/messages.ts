// The messages between the extension host and the redirect preview page, typed once for both sides.
// Plain types and guards only (no editor or DOM imports): the host, the page bundle and the tests import this module.
import type { GroupInfoResult, ParseShowResult, SimulateResult } from '../../../server/src/protocol';

/** The webview panel's view type; also its serializer's key and the `onWebviewPanel:` activation event. */
export const PREVIEW_VIEW_TYPE = 'asaLb.redirectPreview';

/** Session counts of one type as the scenario JSON of `asa-lb simulate` takes them. */
export interface ScenarioCounts {
  active: number;
  limit: number;
  inactive?: number;
}

/** One member of a scenario (`asa-lb simulate`). */
export interface ScenarioMemberJson {
  name: string;
  publicIp: string;
  priority: number;
  up: boolean;
  ssl: ScenarioCounts;
  ipsec: Omit<ScenarioCounts, 'inactive'>;
}

/** A scenario in the JSON form of `asa-lb simulate`, which `asaLb/simulate` runs unchanged. */
export interface ScenarioJson {
  type: 'ssl' | 'ipsec';
  /** Omitted: the members elect one. */
  director?: string;
  connections: number;
  members: ScenarioMemberJson[];
  events?: { before: number; fail: string }[];
}

/** The group the page shows, and the defaults it needs to fill in what the configs do not say. */
export interface GroupMessage {
  type: 'group';
  /** The document the preview follows. */
  uri: string;
  /** A short name of that document for the title (its file name). */
  label: string;
  /** Null while the language server is not ready; `error` then says why. */
  info: GroupInfoResult | null;
  error?: string;
  /** The `asaLb.preview.defaultSessionLimit` setting. */
  defaultSessionLimit: number;
}

/** `asaLb.importShowOutput` ran: the host already parsed the text through the server. */
export interface ShowImportedMessage {
  type: 'showImported';
  /** Where the text came from, in words ("the selection in lb.txt"). */
  source: string;
  result: ParseShowResult;
}

export interface SimulatedMessage {
  type: 'simulated';
  id: number;
  result: SimulateResult;
}

export interface ParsedShowMessage {
  type: 'parsedShow';
  id: number;
  result: ParseShowResult;
}

/** `asaLb.importShowOutput` chose "paste": the page scrolls to its import box and focuses it. */
export interface FocusImportMessage {
  type: 'focusImport';
}

/** Everything the host sends to the page. */
export type HostMessage =
  GroupMessage | ShowImportedMessage | SimulatedMessage | ParsedShowMessage | FocusImportMessage;

/**
 * The part of the page's saved state (`vscode.setState`) the host reads back: after a reload the panel serializer
 * reopens the preview on the same document. The page keeps more (its edits), which the host never reads.
 */
export interface PersistedPreviewState {
  uri: string | null;
}

export function persistedUri(state: unknown): string | null {
  if (typeof state !== 'object' || state === null) return null;
  const uri = (state as Record<string, unknown>)['uri'];
  return typeof uri === 'string' && uri !== '' ? uri : null;
}

/** The page has loaded its script and listens: the host answers with a `group` message. */
export interface ReadyMessage {
  type: 'ready';
}

/** Runs a scenario through `asaLb/simulate`; the host answers with `simulated` and the same id. */
export interface SimulateMessage {
  type: 'simulate';
  id: number;
  scenario: ScenarioJson;
}

/** Parses pasted `show vpn load-balancing` text through `asaLb/parseShow`; answered by `parsedShow`. */
export interface ParseShowMessage {
  type: 'parseShow';
  id: number;
  text: string;
}

/** Opens a member's configuration in an editor. */
export interface OpenMemberMessage {
  type: 'openMember';
  uri: string;
}

/** An import matched no member: the host says so in a notification too, as the page may be scrolled anywhere. */
export interface ImportMatchedNothingMessage {
  type: 'importMatchedNothing';
  source: string;
  /** The capture's `Cluster IP` (an address, or a name in the newer layout), or null when it prints none. */
  captureClusterIp: string | null;
  /** The public addresses of the capture's peers. */
  peers: string[];
  groupClusterIp: string;
}

/** Everything the page sends to the host. */
export type PageMessage =
  ReadyMessage | SimulateMessage | ParseShowMessage | OpenMemberMessage | ImportMatchedNothingMessage;

/**
 * The one sentence, for the page's notice and the host's notification alike, on a capture that fills no member:
 * both cluster addresses, so a capture of another group (or the wrong device) shows at once.
 */
export function importMatchedNothingText(m: Omit<ImportMatchedNothingMessage, 'type'>): string {
  const cluster = m.captureClusterIp
    ? `the cluster at ${m.captureClusterIp}`
    : 'a cluster whose address it does not show';
  const peers = m.peers.length ? ` (peers ${m.peers.join(', ')})` : ' (no peers)';
  return `Nothing imported from ${m.source}: it shows ${cluster}${peers}, but this group's virtual address is ${m.groupClusterIp}, and no peer has the public address of one of its members.`;
}

/** The longest `show vpn load-balancing` text the preview accepts (real outputs are a few kilobytes). */
export const MAX_SHOW_TEXT = 1_000_000;

/**
 * Checks a message from the page before the host acts on it. The page is our own code, but its content comes from
 * configs and pasted text, so the host accepts only well-formed messages and ignores anything else.
 */
export function isPageMessage(value: unknown): value is PageMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  switch (message['type']) {
    case 'ready':
      return true;
    case 'simulate':
      return Number.isInteger(message['id']) && typeof message['scenario'] === 'object' && message['scenario'] !== null;
    case 'parseShow':
      return (
        Number.isInteger(message['id']) &&
        typeof message['text'] === 'string' &&
        (message['text'] as string).length <= MAX_SHOW_TEXT
      );
    case 'openMember':
      return typeof message['uri'] === 'string';
    case 'importMatchedNothing': {
      const short = (v: unknown, max: number): boolean => typeof v === 'string' && v.length <= max;
      const peers = message['peers'];
      return (
        short(message['source'], 300) &&
        (message['captureClusterIp'] === null || short(message['captureClusterIp'], 255)) &&
        short(message['groupClusterIp'], 64) &&
        Array.isArray(peers) &&
        peers.length <= 64 &&
        peers.every((p) => short(p, 64))
      );
    }
    default:
      return false;
  }
}

/** Checks a message from the host on the page side, for the same reason in the other direction. */
export function isHostMessage(value: unknown): value is HostMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  switch (message['type']) {
    case 'group':
      return typeof message['uri'] === 'string' && typeof message['defaultSessionLimit'] === 'number';
    case 'showImported':
      return typeof message['result'] === 'object' && message['result'] !== null;
    case 'focusImport':
      return true;
    case 'simulated':
    case 'parsedShow':
      return Number.isInteger(message['id']) && typeof message['result'] === 'object' && message['result'] !== null;
    default:
      return false;
  }
}
