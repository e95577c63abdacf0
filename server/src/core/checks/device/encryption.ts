// encryption-without-key, encryption-without-ikev1, encryption-with-fips and plaintext-cluster-key: what cluster
// encryption needs on one device, and the rule that keeps the group's secret out of shared files.
// In a transcript the order matters and transcript-order.ts judges key and IKEv1; here the file is judged as a whole.
import { insertLinesBefore } from '../../fixes/edits';
import { globalLinePrefix, here, interfaceByNameif, lbLinePrefix, type DeviceContext } from '../context';

export function checkEncryption(ctx: DeviceContext): void {
  const lb = ctx.device.lb;
  if (!lb) return;
  if (lb.key?.value.form === 'clear') {
    // The message names the line, never the key.
    ctx.report('plaintext-cluster-key', lb.key.range, 'The cluster key is stored in clear text. Config files get archived, shared and pasted into tickets, so anyone who reads this file learns the group secret; keep the encrypted form (`cluster key 8 …`) or the masked `*****` from `show running-config` in files.');
  }
  const encryption = lb.encryption;
  if (!encryption) return;
  if (ctx.device.fips) {
    ctx.report('encryption-with-fips', encryption.lineRange, 'Cluster encryption is not supported while FIPS mode is on (`fips enable`): the device cannot encrypt load-balancing messages in FIPS mode. Turn off one of them.', {
      related: [here(ctx, ctx.device.fips.lineRange, 'FIPS mode is enabled here.')],
    });
  }
  if (ctx.tree.kind === 'transcript') return;
  if (!lb.key) {
    ctx.report('encryption-without-key', encryption.lineRange, "'cluster encryption' needs a 'cluster key': members encrypt their messages with this shared secret, and the device refuses encryption without it.", {
      fixes: [{ title: "Insert 'cluster key' before 'cluster encryption' (type the group's key)", edits: [insertLinesBefore(ctx.tree, encryption.line, [`${lbLinePrefix(ctx)}cluster key CHANGE-ME`])] }],
    });
  }
  const privateName = lb.lbprivate?.value;
  // When the private interface does not exist, lb-interface-undefined says so; asking for IKEv1 on it would mislead.
  const privateExists = privateName !== undefined && interfaceByNameif(ctx.device, privateName) !== undefined;
  if (privateName && privateExists && !ctx.device.ikev1Enabled.some((e) => e.value === privateName)) {
    const before = lb.headerLine ?? encryption.line;
    ctx.report('encryption-without-ikev1', encryption.lineRange, `Cluster encryption runs IPsec over IKEv1 on the private interface '${privateName}', but IKEv1 is not enabled there. The device refuses 'cluster encryption' (and later 'participate') until 'crypto ikev1 enable ${privateName}' is configured.`, {
      related: lb.lbprivate ? [here(ctx, lb.lbprivate.lineRange, `'${privateName}' is the private load-balancing interface.`)] : [],
      fixes: [{ title: `Insert 'crypto ikev1 enable ${privateName}' before the load-balancing block`, edits: [insertLinesBefore(ctx.tree, before, [`${globalLinePrefix(ctx)}crypto ikev1 enable ${privateName}`])], preferred: true }],
    });
  }
}
