// not-participating, multiple-context-mode and local-ca-conflict: whether load balancing can run on this device at all.
// The chapter says "not supported" for both multiple context mode and the Local CA, so both are errors.
import { insertLinesAfter } from '../../fixes/edits';
import { here, lbLinePrefix, type DeviceContext } from '../context';

export function checkParticipation(ctx: DeviceContext): void {
  const lb = ctx.device.lb;
  if (!lb) return;
  if (!lb.participate && !(ctx.tree.kind === 'transcript' && !ctx.base)) {
    ctx.report(
      'not-participating',
      lb.headerRange,
      "This block has no 'participate', so load balancing is configured but off on this device: it takes no sessions from the director and never becomes director.",
      {
        fixes: [
          {
            title: "Append 'participate' to the block",
            edits: [insertLinesAfter(ctx.tree, lb.lastLine, [`${lbLinePrefix(ctx)}participate`])],
          },
        ],
      },
    );
  }
  const multiple = ctx.device.multipleContext;
  const contextHeader = ctx.device.header.contextLine;
  if (multiple) {
    ctx.report(
      'multiple-context-mode',
      lb.headerRange,
      'VPN load balancing is not supported in multiple context mode, and this configuration defines security contexts.',
      {
        related: [here(ctx, multiple.lineRange, 'Multiple context mode is configured here.')],
      },
    );
  } else if (contextHeader) {
    // A context's own running-config says so in its header (`ASA Version 9.8(4)20 <context>`).
    ctx.report(
      'multiple-context-mode',
      lb.headerRange,
      "VPN load balancing is not supported in multiple context mode, and this is a security context's configuration (its header reads '<context>').",
      {
        related: [here(ctx, contextHeader.lineRange, 'The header marks a security context.')],
      },
    );
  }
  const ca = ctx.device.localCa;
  if (ca) {
    ctx.report(
      'local-ca-conflict',
      ca.lineRange,
      'The Local CA feature (`crypto ca server`) is not supported if you use VPN load balancing, and this device does both.',
      {
        related: [here(ctx, lb.headerRange, 'Load balancing is configured here.')],
      },
    );
  }
}
