// A group of devices as the workspace forms it: its members in the director's order and the predicted director.
export interface GroupMember {
  uri: string;
  hostname: string | null;
  publicIp: string | null;
  priority: number;
  priorityConfigured: boolean;
  participates: boolean;
  /**
   * Why the member splits off the group (group-setting-mismatch on cluster port, encryption or key, in its
   * words), or empty when it talks with the group. A split member takes no part in the group's election.
   */
  split: string[];
}

export interface GroupSummary {
  clusterIp: string;
  /** Members in ascending public-address order, as the director keeps them. */
  members: GroupMember[];
  /**
   * The uri of the predicted director (`sim/election.ts`: highest priority, then lowest public address) among the
   * members that do not split off, or null when none of them participates.
   */
  predictedDirector: string | null;
  /** What decided the prediction: `priority` or `lowest-ip`. */
  electionRule: 'priority' | 'lowest-ip' | null;
}
