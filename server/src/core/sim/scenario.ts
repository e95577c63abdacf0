// The validated redirect scenario: the plain data the simulation runs on, with every default already applied.

/** The two session types that take part in load balancing. */
export type SessionType = 'ssl' | 'ipsec';

export const SESSION_TYPES: readonly SessionType[] = ['ssl', 'ipsec'];

/** How the product names each type in sentences. */
export const SESSION_TYPE_LABEL: Readonly<Record<SessionType, string>> = { ssl: 'SSL', ipsec: 'IPsec' };

/** One member's sessions of one type. Only SSL sessions can be inactive; for IPsec `inactive` is always 0. */
export interface SessionCounts {
  active: number;
  limit: number;
  inactive: number;
}

export interface ScenarioMember {
  name: string;
  /** As written in the scenario; compared by value, never as text. */
  publicIp: string;
  priority: number;
  up: boolean;
  ssl: SessionCounts;
  ipsec: SessionCounts;
}

/** Fails `fail` just before new session number `before` (0-based; equal to `connections` means after the last one). */
export interface FailEvent {
  before: number;
  fail: string;
}

export interface Scenario {
  type: SessionType;
  /** The running director, or null to use the election result. */
  director: string | null;
  connections: number;
  /** In the order the scenario lists them; the simulation sorts its own copy by address. */
  members: ScenarioMember[];
  /** In the order they happen: by `before`, then as listed. */
  events: FailEvent[];
}
