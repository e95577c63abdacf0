// `asaLb/changeScript` and `asaLb/scriptBase`: the change script between two versions of a configuration, and the
// base an editor's change-script document is judged on (the version the script starts from).
import { scriptBetween, showsKey } from '../core/script/between';
import { memberTarget } from '../core/script/member';
import { renderTranscript } from '../core/script/render';
import type { ChangeScriptParams, ChangeScriptResult, ScriptBaseParams } from '../protocol';
import type { Session } from './session';

function fileName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

export function changeScriptRequest(params: ChangeScriptParams | null | undefined): ChangeScriptResult {
  if (typeof params?.uri !== 'string' || typeof params.baseText !== 'string' || typeof params.targetText !== 'string')
    return { ok: false, error: 'the request needs uri, baseText and targetText' };
  const name = fileName(params.uri);
  const base = {
    name: `${name} (${typeof params.baseLabel === 'string' ? params.baseLabel : 'base'})`,
    text: params.baseText,
  };
  const target =
    params.joinGroup === true
      ? { name: `${name} (as a group member)`, text: memberTarget(params.baseText, params.targetText) }
      : { name: `${name} (editor)`, text: params.targetText };
  // The editor scripts whatever the file says now; errors in it are reported with the script, not refused.
  const result = scriptBetween(base, target, true);
  if (!result.ok) return result;
  const text = renderTranscript(result.script, base.name, target.name);
  if (showsKey(text)) return { ok: false, error: 'the script would show a cluster key; nothing was produced' };
  return {
    ok: true,
    text,
    steps: result.script.steps.length,
    unscripted: result.script.unscripted,
    targetErrors: result.targetErrors,
    hostname: result.script.hostname,
  };
}

export function scriptBaseNotification(session: Session, params: ScriptBaseParams | null | undefined): void {
  if (typeof params?.uri !== 'string' || typeof params.baseUri !== 'string' || typeof params.baseText !== 'string')
    return;
  const key = session.uris.remember(params.uri);
  session.workspace.setScriptBase(key, { uri: session.uris.remember(params.baseUri), text: params.baseText });
  session.scheduler.schedule();
}
