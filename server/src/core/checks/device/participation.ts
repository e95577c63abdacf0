// not-participating, multiple-context-mode and local-ca-conflict: whether load balancing can run on this device at all.
import { insertLinesAfter } from '../../fixes/edits';
import { here, lbLinePrefix, type DeviceContext } from '../context';

export function checkParticipation(ctx: DeviceContext): void {
  const lb = ctx.device.lb;
  if (!lb) return;
  if (!lb.participate && !(ctx.tree.kind === 'transcript' && !ctx.base)) {
    ctx.report('not-participating', lb.headerRange, "This block has no 'participate', so load balancing is configured but off on this device: it takes no sessions from the director and never becomes director.", {
      fixes: [{ title: "Append 'participate' to the block", edits: [insertLinesAfter(ctx.tree, lb.lastLine, [`${lbLinePrefix(ctx)}participate`])] }],
    });
  }
  const multiple = ctx.device.multipleContext;
  if (multiple) {
    ctx.report('multiple-context-mode', lb.headerRange, 'VPN load balancing is not supported in multiple context mode, and this configuration defines security contexts.', {
      related: [here(ctx, multiple.lineRange, 'Multiple context mode is configured here.')],
    });
  }
  const ca = ctx.device.localCa;
  if (ca) {
    ctx.report('local-ca-conflict', ca.lineRange, 'The Local CA (`crypto ca server`) is not supported on a device that does VPN load balancing.', {
      related: [here(ctx, lb.headerRange, 'Load balancing is configured here.')],
    });
  }
}
