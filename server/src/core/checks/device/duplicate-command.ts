// duplicate-command: the same setting twice in one load-balancing block of a config; only the later line counts.
// Transcripts are exempt: a change script that sets a value twice is changing it, which is what scripts do.
import { deleteLine } from '../../fixes/edits';
import type { LbOccurrence } from '../../model/device';
import { here, lineNumber, type DeviceContext } from '../context';

export function checkDuplicateCommand(ctx: DeviceContext): void {
  const lb = ctx.device.lb;
  if (!lb || ctx.tree.kind === 'transcript') return;
  const last = new Map<string, LbOccurrence>();
  // Walk backwards so each earlier duplicate is compared with the line that wins.
  for (let i = lb.occurrences.length - 1; i >= 0; i--) {
    const occurrence = lb.occurrences[i]!;
    if (occurrence.command.negated) continue;
    const winner = last.get(occurrence.command.id);
    if (!winner) {
      last.set(occurrence.command.id, occurrence);
      continue;
    }
    const name = occurrence.command.keywords.map((k) => k.text).join(' ');
    ctx.report(
      'duplicate-command',
      occurrence.lineRange,
      `'${name}' appears again on line ${lineNumber(winner.line)}; the device keeps only the later line, so this one has no effect.`,
      {
        related: [here(ctx, winner.lineRange, 'This later line is the one that takes effect.')],
        fixes: [
          {
            title: `Delete this earlier '${name}' line`,
            edits: [deleteLine(ctx.tree, occurrence.line)],
            preferred: true,
          },
        ],
      },
    );
  }
}
