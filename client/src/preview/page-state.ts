// The redirect preview page's state: the user's edits (sessions, limits, up/down, director, placement settings),
// saved with `vscode.setState` so a reload keeps them, and merged with each new group the host sends.
// Pure: the page and the node tests share it. Members are kept in an array, not an object keyed by name,
// because a name comes from a config and a key such as `__proto__` must not reach an object's prototype.
import type { PreviewGroup, PreviewMember } from '../../../server/src/protocol';
import type { GroupMessage, PersistedPreviewState } from './messages';

export type SessionTypeKey = 'ssl' | 'ipsec';

/** Where a member's limits come from; config and default limits follow the config, the others are kept. */
export type LimitSource = 'config' | 'default' | 'edited' | 'imported';

export interface MemberEdit {
  name: string;
  up: boolean;
  ipsec: { active: number; limit: number };
  ssl: { active: number; limit: number; inactive: number };
  ipsecLimitSource: LimitSource;
  sslLimitSource: LimitSource;
}

/** A failure target: '' for none, FAIL_DIRECTOR for whoever directs, or a member's name. */
export const FAIL_DIRECTOR = '@director';

export interface PlacementSettings {
  type: SessionTypeKey;
  count: number;
  fail: string;
  failBefore: number;
}

export interface PageState extends PersistedPreviewState {
  version: 1;
  clusterIp: string | null;
  members: MemberEdit[];
  /** The director the user chose, or null for the predicted one. */
  director: string | null;
  placement: PlacementSettings;
  /** The decision the step-through shows (0-based). */
  step: number;
  /** The text in the import box. */
  showText: string;
}

export const DEFAULT_PLACEMENT: PlacementSettings = { type: 'ssl', count: 20, fail: '', failBefore: 10 };
/** The largest stream the page asks for: enough to see a trend, small enough to list every decision. */
export const MAX_PLACEMENT = 1000;
/** The largest count an input accepts, as the simulation's validator does. */
export const MAX_COUNT = 10_000_000;

export function initialState(): PageState {
  return {
    version: 1,
    uri: null,
    clusterIp: null,
    members: [],
    director: null,
    placement: { ...DEFAULT_PLACEMENT },
    step: 0,
    showText: '',
  };
}

/** Reads a saved state defensively: anything malformed falls back to the initial value, field by field. */
export function loadState(raw: unknown): PageState {
  const state = initialState();
  if (!isRecord(raw) || raw['version'] !== 1) return state;
  if (typeof raw['uri'] === 'string') state.uri = raw['uri'];
  if (typeof raw['clusterIp'] === 'string') state.clusterIp = raw['clusterIp'];
  if (typeof raw['director'] === 'string') state.director = raw['director'];
  if (typeof raw['showText'] === 'string') state.showText = raw['showText'];
  if (isCount(raw['step'])) state.step = raw['step'];
  const placement = raw['placement'];
  if (isRecord(placement)) {
    if (placement['type'] === 'ssl' || placement['type'] === 'ipsec') state.placement.type = placement['type'];
    if (isCount(placement['count']) && placement['count'] >= 1 && placement['count'] <= MAX_PLACEMENT)
      state.placement.count = placement['count'];
    if (typeof placement['fail'] === 'string') state.placement.fail = placement['fail'];
    if (isCount(placement['failBefore'])) state.placement.failBefore = placement['failBefore'];
  }
  if (Array.isArray(raw['members']))
    state.members = raw['members'].map(loadMember).filter((m): m is MemberEdit => m !== null);
  return state;
}

function loadMember(raw: unknown): MemberEdit | null {
  if (!isRecord(raw) || typeof raw['name'] !== 'string' || typeof raw['up'] !== 'boolean') return null;
  const ipsec = raw['ipsec'];
  const ssl = raw['ssl'];
  if (!isRecord(ipsec) || !isRecord(ssl)) return null;
  if (![ipsec['active'], ipsec['limit'], ssl['active'], ssl['limit'], ssl['inactive']].every(isCount)) return null;
  const source = (v: unknown): LimitSource =>
    v === 'config' || v === 'default' || v === 'edited' || v === 'imported' ? v : 'edited';
  return {
    name: raw['name'],
    up: raw['up'],
    ipsec: { active: ipsec['active'] as number, limit: ipsec['limit'] as number },
    ssl: { active: ssl['active'] as number, limit: ssl['limit'] as number, inactive: ssl['inactive'] as number },
    ipsecLimitSource: source(raw['ipsecLimitSource']),
    sslLimitSource: source(raw['sslLimitSource']),
  };
}

/**
 * Combines the saved edits with a fresh group: members keep their edits by name; limits that came from the config
 * or the default follow the new config; edits of members that left the group are dropped; another group starts afresh.
 */
export function mergeGroup(previous: PageState, message: GroupMessage): PageState {
  const state: PageState = { ...previous, uri: message.uri };
  if (!message.info?.inGroup) return state;
  const group = message.info.group;
  const sameGroup = previous.clusterIp === group.clusterIp;
  state.clusterIp = group.clusterIp;
  state.members = group.members.map((member) => {
    const old = sameGroup ? previous.members.find((m) => m.name === member.name) : undefined;
    return mergeMember(old, member, message.defaultSessionLimit);
  });
  if (!sameGroup) {
    state.director = null;
    state.step = 0;
  }
  if (state.director !== null && !group.members.some((m) => m.name === state.director)) state.director = null;
  if (
    state.placement.fail !== '' &&
    state.placement.fail !== FAIL_DIRECTOR &&
    !group.members.some((m) => m.name === state.placement.fail)
  ) {
    state.placement = { ...state.placement, fail: '' };
  }
  return state;
}

function mergeMember(old: MemberEdit | undefined, member: PreviewMember, defaultLimit: number): MemberEdit {
  const ipsecConfig = member.limits.ipsec;
  const sslConfig = member.limits.ssl;
  const fresh = {
    ipsecLimit: ipsecConfig ?? defaultLimit,
    ipsecSource: (ipsecConfig !== null ? 'config' : 'default') as LimitSource,
    sslLimit: sslConfig ?? defaultLimit,
    sslSource: (sslConfig !== null ? 'config' : 'default') as LimitSource,
  };
  if (!old) {
    return {
      name: member.name,
      up: true,
      ipsec: { active: 0, limit: fresh.ipsecLimit },
      ssl: { active: 0, limit: fresh.sslLimit, inactive: 0 },
      ipsecLimitSource: fresh.ipsecSource,
      sslLimitSource: fresh.sslSource,
    };
  }
  const keepIpsec = old.ipsecLimitSource === 'edited' || old.ipsecLimitSource === 'imported';
  const keepSsl = old.sslLimitSource === 'edited' || old.sslLimitSource === 'imported';
  return {
    ...old,
    ipsec: { active: old.ipsec.active, limit: keepIpsec ? old.ipsec.limit : fresh.ipsecLimit },
    ssl: { active: old.ssl.active, inactive: old.ssl.inactive, limit: keepSsl ? old.ssl.limit : fresh.sslLimit },
    ipsecLimitSource: keepIpsec ? old.ipsecLimitSource : fresh.ipsecSource,
    sslLimitSource: keepSsl ? old.sslLimitSource : fresh.sslSource,
  };
}

/** Back to the config's limits and no sessions, keeping who is up and the placement settings. */
export function resetSessions(state: PageState, group: PreviewGroup, defaultLimit: number): PageState {
  return {
    ...state,
    members: group.members.map((m) => ({
      ...mergeMember(undefined, m, defaultLimit),
      up: state.members.find((e) => e.name === m.name)?.up ?? true,
    })),
  };
}

export function memberEdit(state: PageState, name: string): MemberEdit | undefined {
  return state.members.find((m) => m.name === name);
}

/** Replaces one member's edit, returning a new state. */
export function withMember(state: PageState, name: string, change: (edit: MemberEdit) => MemberEdit): PageState {
  return { ...state, members: state.members.map((m) => (m.name === name ? change(m) : m)) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_COUNT;
}
