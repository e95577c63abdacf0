// `asaLb/groupInfo`: the group of a document for the preview and status bar, with member URIs in the client's spelling.
import { groupInfo } from '../core/features/index';
import type { GroupInfoParams, GroupInfoResult } from '../protocol';
import type { Session } from './session';

export function groupInfoRequest(session: Session, params: GroupInfoParams | null | undefined): GroupInfoResult {
  if (typeof params?.uri !== 'string') return { inGroup: false, reason: 'the request names no document' };
  const key = session.uris.key(params.uri);
  if (!session.workspace.has(key))
    return { inGroup: false, reason: 'the document is not a device file of the workspace' };
  const info = groupInfo(session.workspace, key);
  if (!info.inGroup) return info;
  return {
    ...info,
    group: { ...info.group, members: info.group.members.map((m) => ({ ...m, uri: session.uris.toClient(m.uri) })) },
  };
}
