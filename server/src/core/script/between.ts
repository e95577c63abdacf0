// The change script between two texts of one device, with the refusals `asa-lb script` and the editor share: two
// different devices, a change script given as a configuration, or a TARGET with errors (unless forced).
import { analyzeDocument } from '../analyze';
import { changeScript, type ChangeScript } from './generate';

export interface ScriptSide {
  /** How messages and the script's header name this text (a path, or "asa1.cfg (last commit)"). */
  name: string;
  text: string;
}

export type ScriptBetween = { ok: true; script: ChangeScript; targetErrors: number } | { ok: false; error: string };

export function scriptBetween(base: ScriptSide, target: ScriptSide, force = false): ScriptBetween {
  const before = analyzeDocument(base.name, base.text);
  const after = analyzeDocument(target.name, target.text);
  for (const [side, analysis] of [
    [base, before],
    [target, after],
  ] as const) {
    if (analysis.tree.kind !== 'config')
      return {
        ok: false,
        error: `${side.name}: a change script, not a running-config; give the device's configuration before and after`,
      };
  }
  const bName = before.device.hostname?.value ?? null;
  const tName = after.device.hostname?.value ?? null;
  if (!force && bName?.toLowerCase() !== tName?.toLowerCase()) {
    return {
      ok: false,
      error: `${base.name} is ${bName ? `'${bName}'` : 'a device without hostname'} and ${target.name} is ${tName ? `'${tName}'` : 'a device without hostname'}: not the same device (use --force to script anyway)`,
    };
  }
  const errors = after.diagnostics.filter((d) => d.severity === 'error');
  if (!force && errors.length > 0) {
    const first = errors[0]!;
    return {
      ok: false,
      error: `${target.name} has ${errors.length} error${errors.length === 1 ? '' : 's'} (first: line ${first.range.start.line + 1}, ${first.code}); fix them first, or use --force`,
    };
  }
  return { ok: true, script: changeScript(before, after), targetErrors: errors.length };
}

/** Whether a printed script shows a cluster key anywhere (a guard: scripts are built never to). */
export function showsKey(printed: string): boolean {
  return /^(?:[^\s(]+\(config[a-z-]*\)# |[ \t]*)cluster key (?!\*+[ \t]*$)\S/m.test(printed);
}
