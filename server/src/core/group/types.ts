// A group of devices as the workspace forms it: its members in the director's order and the predicted director.
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
  /** The uri of the predicted director (`sim/election.ts`: highest priority, then lowest public address), or null when no member participates. */
  predictedDirector: string | null;
  /** What decided the prediction: `priority` or `lowest-ip`. */
  electionRule: 'priority' | 'lowest-ip' | null;
}
