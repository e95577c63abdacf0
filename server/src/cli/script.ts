// `asa-lb script BASE TARGET`: the change script that turns the device whose running-config is BASE into TARGET,
// as text to paste, as a transcript `check` reads, or as JSON steps with reasons.
import { analyzeDocument } from '../core/analyze';
import { changeScript } from '../core/script/generate';
import { renderJson, renderText, renderTranscript } from '../core/script/render';
import { badInput, readInput, type CommandResult } from './command-result';

export type ScriptFormat = 'text' | 'transcript' | 'json';

export interface ScriptOptions {
  format: ScriptFormat;
  force?: boolean;
}

/** The change script as text, from texts already in hand; `basePath`/`targetPath` name them in messages. */
export function scriptTexts(basePath: string, baseText: string, targetPath: string, targetText: string, options: ScriptOptions): CommandResult {
  if (!['text', 'transcript', 'json'].includes(options.format)) return badInput(`unknown format "${String(options.format)}" (use text, transcript or json)`);
  const base = analyzeDocument(basePath, baseText);
  const target = analyzeDocument(targetPath, targetText);
  for (const [path, analysis] of [[basePath, base], [targetPath, target]] as const) {
    if (analysis.tree.kind !== 'config') return badInput(`${path}: a change script, not a running-config; give the device's configuration before and after`);
  }
  const force = options.force === true;
  const bName = base.device.hostname?.value ?? null;
  const tName = target.device.hostname?.value ?? null;
  if (!force && bName?.toLowerCase() !== tName?.toLowerCase()) {
    return badInput(`${basePath} is ${bName ? `'${bName}'` : 'a device without hostname'} and ${targetPath} is ${tName ? `'${tName}'` : 'a device without hostname'}: not the same device (use --force to script anyway)`);
  }
  const errors = target.diagnostics.filter((d) => d.severity === 'error');
  if (!force && errors.length > 0) {
    const first = errors[0]!;
    return badInput(`${targetPath} has ${errors.length} error${errors.length === 1 ? '' : 's'} (first: line ${first.range.start.line + 1}, ${first.code}); fix them first, or use --force`);
  }
  const script = changeScript(base, target);
  const stdout = options.format === 'json' ? renderJson(script) : options.format === 'transcript' ? renderTranscript(script, basePath, targetPath) : renderText(script, basePath, targetPath);
  // The script is built from command texts that never include the key, but a key must not leak by any path.
  if (/^(?:\S+\(config[a-z-]*\)# |\s*)cluster key (?!\*+\s*$)\S/m.test(stdout)) return badInput('internal error: the script would show a cluster key; nothing printed');
  return { stdout, stderr: '', exitCode: 0 };
}

export async function runScript(basePath: string, targetPath: string, options: ScriptOptions): Promise<CommandResult> {
  const base = await readInput(basePath);
  if (!base.ok) return badInput(base.error);
  const target = await readInput(targetPath);
  if (!target.ok) return badInput(target.error);
  return scriptTexts(basePath, base.text, targetPath, target.text, options);
}
