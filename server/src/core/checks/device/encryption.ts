// encryption-without-key, encryption-without-ikev1, encryption-with-fips and plaintext-cluster-key: what cluster
// encryption needs on one device, and the rule that keeps the group's secret out of shared files.
// In a transcript the order matters and transcript-order.ts judges key and IKEv1; here the file is judged as a whole.
import { insertLinesBefore } from '../../fixes/edits';
import { ikev1Keyword } from '../../model/device';
import { lbInterface } from '../../model/lb-interface';
import { globalLinePrefix, here, lbLinePrefix, type DeviceContext } from '../context';

export function checkEncryption(ctx: DeviceContext): void {
  const lb = ctx.device.lb;
  if (!lb) return;
  if (lb.key?.value.form === 'clear') {
    // The message names the line, never the key.
    ctx.report(
      'plaintext-cluster-key',
      lb.key.range,
      'The cluster key is stored in clear text. Config files get archived, shared and pasted into tickets, so anyone who reads this file learns the group secret; keep the encrypted form (`cluster key 8 …`) or the masked `*****` from `show running-config` in files.',
    );
  }
  const encryption = lb.encryption;
  if (!encryption) return;
  if (ctx.device.fips) {
    ctx.report(
      'encryption-with-fips',
      encryption.lineRange,
      'Cluster encryption is not supported with FIPS, and FIPS mode is on (`fips enable`). Turn off one of them.',
      {
        related: [here(ctx, ctx.device.fips.lineRange, 'FIPS mode is enabled here.')],
      },
    );
  }
  if (ctx.tree.kind === 'transcript') return;
  if (!lb.key) {
    ctx.report(
      'encryption-without-key',
      encryption.lineRange,
      "'cluster encryption' needs a 'cluster key': the key is the shared secret of the IPsec peers, and the chapter requires it to be set before encryption is enabled.",
      {
        fixes: [
          {
            title: "Insert 'cluster key' before 'cluster encryption' (type the group's key)",
            edits: [insertLinesBefore(ctx.tree, encryption.line, [`${lbLinePrefix(ctx)}cluster key CHANGE-ME`])],
          },
        ],
      },
    );
  }
  // A fragment does not show the crypto lines, so it cannot show that IKEv1 is off.
  if (ctx.device.fragment) return;
  // When the private interface does not exist, lb-interface-undefined says so; asking for IKEv1 on it would mislead.
  // It may be named by its address (the chapter allows that); IKEv1 is enabled by nameif.
  const privateName = lbInterface(ctx.device, 'lbprivate')?.nameif?.value;
  if (privateName && !ctx.device.ikev1Enabled.some((e) => e.value === privateName)) {
    const before = lb.headerLine ?? encryption.line;
    // `crypto isakmp enable` is the same command before ASA 8.4: the fix writes the file's own spelling.
    const command = `crypto ${ikev1Keyword(ctx.device)} enable ${privateName}`;
    ctx.report(
      'encryption-without-ikev1',
      encryption.lineRange,
      `Cluster encryption needs IKEv1 enabled on the private interface '${privateName}', and it is not ('${command}'). The chapter: without it the device gives an error message when 'cluster encryption' is entered.`,
      {
        related: lb.lbprivate
          ? [here(ctx, lb.lbprivate.lineRange, `'${privateName}' is the private load-balancing interface.`)]
          : [],
        fixes: [
          {
            title: `Insert '${command}' before the load-balancing block`,
            edits: [insertLinesBefore(ctx.tree, before, [`${globalLinePrefix(ctx)}${command}`])],
            preferred: true,
          },
        ],
      },
    );
  }
}
