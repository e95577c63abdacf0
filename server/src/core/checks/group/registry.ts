// The cross-device checks, run once per group over the members' summaries.
// Each check reports on every member involved, with related information pointing at the other members' lines.
import type { GroupCheck } from './context';
import { checkClusterKeyUnverifiable } from './cluster-key-unverifiable';
import { checkDuplicateHostname } from './duplicate-hostname';
import { checkDuplicatePublicAddress } from './duplicate-public-address';
import { checkGroupSettingMismatch } from './group-setting-mismatch';
import { checkGroupTooLarge } from './group-too-large';
import { checkPoolOverlap } from './pool-overlap';
import { checkPriorityTie } from './priority-tie';
import { checkProbableVipTypo } from './probable-vip-typo';
import { checkRedirectFqdnMismatch } from './redirect-fqdn-mismatch';
import { checkSingleMemberGroup } from './single-member-group';
import { checkSubnetMismatch } from './subnet-mismatch';

export type { GroupCheck, GroupContext } from './context';

/** Every cross-device check, one per code, in the order of the README's diagnostics table. */
export const GROUP_CHECKS: [string, GroupCheck][] = [
  ['group-setting-mismatch', checkGroupSettingMismatch],
  ['cluster-key-unverifiable', checkClusterKeyUnverifiable],
  ['redirect-fqdn-mismatch', checkRedirectFqdnMismatch],
  ['duplicate-public-address', checkDuplicatePublicAddress],
  ['duplicate-hostname', checkDuplicateHostname],
  ['subnet-mismatch', checkSubnetMismatch],
  ['pool-overlap', checkPoolOverlap],
  ['group-too-large', checkGroupTooLarge],
  ['probable-vip-typo', checkProbableVipTypo],
  ['priority-tie', checkPriorityTie],
  ['single-member-group', checkSingleMemberGroup],
];
