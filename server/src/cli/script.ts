// `asa-lb script BASE TARGET`: the change script that turns the device whose running-config is BASE into TARGET,
// as text to paste, as a transcript `check` reads, or as JSON steps with reasons.
import { scriptBetween, showsKey } from '../core/script/between';
import { renderJson, renderText, renderTranscript } from '../core/script/render';
import { badInput, readInput, type CommandResult } from './command-result';

export type ScriptFormat = 'text' | 'transcript' | 'json';

export interface ScriptOptions {
  format: ScriptFormat;
  force?: boolean;
}

/** The change script as text, from texts already in hand; `basePath`/`targetPath` name them in messages. */
export function scriptTexts(
  basePath: string,
  baseText: string,
  targetPath: string,
  targetText: string,
  options: ScriptOptions,
): CommandResult {
  if (!['text', 'transcript', 'json'].includes(options.format))
    return badInput(`unknown format "${String(options.format)}" (use text, transcript or json)`);
  const result = scriptBetween(
    { name: basePath, text: baseText },
    { name: targetPath, text: targetText },
    options.force === true,
  );
  if (!result.ok) return badInput(result.error);
  const { script } = result;
  const stdout =
    options.format === 'json'
      ? renderJson(script)
      : options.format === 'transcript'
        ? renderTranscript(script, basePath, targetPath)
        : renderText(script, basePath, targetPath);
  // The script is built from command texts that never include the key, but a key must not leak by any path.
  if (showsKey(stdout)) return badInput('internal error: the script would show a cluster key; nothing printed');
  return { stdout, stderr: '', exitCode: 0 };
}

export async function runScript(basePath: string, targetPath: string, options: ScriptOptions): Promise<CommandResult> {
  const base = await readInput(basePath);
  if (!base.ok) return badInput(base.error);
  const target = await readInput(targetPath);
  if (!target.ok) return badInput(target.error);
  return scriptTexts(basePath, base.text, targetPath, target.text, options);
}
