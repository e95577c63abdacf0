// Reports what the change-script engine (script/replay.ts) found about a transcript's order: prerequisites applied
// after the lines that need them (interfaces, the key, IKEv1), and prerequisites removed before what depends on
// them. Without the device's prior configuration a prerequisite counts as missing only when the script itself shows
// it was (it adds it later, or removed it earlier); see SPEC §4.2.
import { insertLinesBefore } from '../../fixes/edits';
import { ikev1Keyword } from '../../model/device';
import { replayScript, type OrderProblem } from '../../script/replay';
import type { Fix } from '../../types';
import { globalLinePrefix, here, lbLinePrefix, type DeviceContext } from '../context';

export function checkTranscriptOrder(ctx: DeviceContext): void {
  if (ctx.tree.kind !== 'transcript') return;
  const replay = ctx.replay ?? replayScript(ctx.tree, ctx.base);
  for (const problem of replay.problems) {
    ctx.report(problem.code, problem.range, problem.message, {
      related: problem.related.map((r) =>
        here(
          ctx,
          {
            start: { line: r.line, character: 0 },
            end: { line: r.line, character: ctx.tree.line(r.line).text.length },
          },
          r.message,
        ),
      ),
      fixes: fixesFor(ctx, problem),
    });
  }
}

function fixesFor(ctx: DeviceContext, problem: OrderProblem): Fix[] {
  if (problem.enableIkev1) {
    const { nameif, before } = problem.enableIkev1;
    // `crypto isakmp enable` is the same command before ASA 8.4: the fix writes the script's own spelling, else the
    // device's.
    const command = `crypto ${ikev1Keyword(ctx.base && !ctx.device.ikev1Spelling ? ctx.base : ctx.device)} enable ${nameif}`;
    return [
      {
        title: `Insert '${command}' before the load-balancing commands`,
        edits: [insertLinesBefore(ctx.tree, before, [`${globalLinePrefix(ctx)}${command}`])],
        preferred: true,
      },
    ];
  }
  if (problem.insertKeyBefore !== undefined) {
    return [
      {
        title: "Insert 'cluster key' before 'cluster encryption' (type the group's key)",
        edits: [insertLinesBefore(ctx.tree, problem.insertKeyBefore, [`${lbLinePrefix(ctx)}cluster key CHANGE-ME`])],
      },
    ];
  }
  return [];
}
