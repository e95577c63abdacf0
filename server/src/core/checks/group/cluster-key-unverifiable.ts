// cluster-key-unverifiable: between members that encrypt, a key that is masked (`*****`) or encrypted (`8 …`) cannot be
// compared with another member's key, so the group's key equality is unknown; each such member is told, once, on its
// key line, and which members it could not be compared with. No key text ever appears.
import type { KeyForm } from '../../model/device';
import type { DeviceSummary } from '../../group/summary';
import type { GroupContext } from './context';
import { distinctDevices, listNames, memberName, relatedAt, report } from './members';

const FORM_WORDS: Record<KeyForm, string> = {
  clear: 'in clear text',
  encrypted: "encrypted, 'cluster key 8 …'",
  masked: 'masked, as show running-config prints it',
};

/**
 * Whether two keys can be compared from the files: two clear keys always can; two encrypted keys only when their
 * ciphertexts are equal (each device encrypts with its own master passphrase, so equal secrets may still differ);
 * a masked key never can.
 */
export function keysComparable(a: NonNullable<DeviceSummary['key']>, b: NonNullable<DeviceSummary['key']>): boolean {
  if (a.form === 'clear' && b.form === 'clear') return true;
  return a.form === 'encrypted' && b.form === 'encrypted' && a.secret === b.secret;
}

export function checkClusterKeyUnverifiable(ctx: GroupContext): void {
  // The key only matters on members that encrypt; elsewhere it is never used.
  const keyed = distinctDevices(ctx.members).filter((m) => m.encryption && m.key);
  for (const member of keyed) {
    const key = member.key!;
    const unknown = keyed.filter((other) => other !== member && !keysComparable(key, other.key!));
    if (unknown.length === 0) continue;
    const names = listNames(unknown.map((o) => `${memberName(o, ctx.members)} (${FORM_WORDS[o.key!.form]})`));
    const forms = new Set([key.form, ...unknown.map((o) => o.key!.form)]);
    const why = [
      forms.has('masked') ? 'a masked key hides the secret' : '',
      forms.has('encrypted') ? 'encrypted keys differ from device to device even when the secret is the same' : '',
    ].filter((w) => w !== '');
    report(ctx, member, 'cluster-key-unverifiable', key.range, `This member's cluster key (${FORM_WORDS[key.form]}) cannot be compared with the key of ${names}: ${why.join(', and ')}. Members with different keys cannot read each other's encrypted messages, so check on the devices that every member has the same key.`, {
      related: unknown.map((o) => relatedAt(o, o.key!.range, `${memberName(o, ctx.members)}'s key is ${FORM_WORDS[o.key!.form]}.`)),
    });
  }
}
