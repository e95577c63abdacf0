// cluster-key-unverifiable: between members that encrypt, a key that is masked (`*****`) or encrypted (`8 …`) cannot be
// compared with another member's key, so the group's key equality is unknown; each such member is told, once, on its
// key line, and which members it could not be compared with. No key text ever appears.
import type { KeyForm } from '../../model/device';
import type { DeviceSummary } from '../../group/summary';
import type { GroupContext } from './context';
import {
  distinctDevices,
  listNames,
  MAX_LISTED,
  MAX_RELATED,
  memberName,
  relatedAt,
  relatedFew,
  report,
} from './members';

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
  // Counted once: how many keys there are of each form, and of each encrypted text, so that each member's count of
  // keys it cannot be compared with is a lookup rather than a pass over the group.
  const forms = new Map<string, number>();
  const encrypted = new Map<string, number>();
  for (const m of keyed) {
    forms.set(m.key!.form, (forms.get(m.key!.form) ?? 0) + 1);
    if (m.key!.form === 'encrypted') encrypted.set(m.key!.secret, (encrypted.get(m.key!.secret) ?? 0) + 1);
  }
  for (const member of keyed) {
    const key = member.key!;
    const comparable =
      key.form === 'clear' ? forms.get('clear')! : key.form === 'encrypted' ? encrypted.get(key.secret)! : 1;
    const total = keyed.length - comparable;
    if (total === 0) continue;
    // The first few members it cannot be compared with, for the message and the related entries.
    const unknown: DeviceSummary[] = [];
    for (const other of keyed) {
      if (unknown.length > MAX_RELATED) break;
      if (other !== member && !keysComparable(key, other.key!)) unknown.push(other);
    }
    const names = listNames(
      unknown.slice(0, MAX_LISTED).map((o) => `${memberName(o, ctx.members)} (${FORM_WORDS[o.key!.form]})`),
      total,
    );
    // A masked or encrypted key anywhere among them is either this one or one it cannot be compared with.
    const formsSeen = forms;
    const why = [
      formsSeen.has('masked') ? 'a masked key hides the secret' : '',
      formsSeen.has('encrypted') ? 'encrypted keys differ from device to device even when the secret is the same' : '',
    ].filter((w) => w !== '');
    report(
      ctx,
      member,
      'cluster-key-unverifiable',
      key.range,
      `This member's cluster key (${FORM_WORDS[key.form]}) cannot be compared with the key of ${names}: ${why.join(', and ')}. Members with different keys cannot read each other's encrypted messages, so check on the devices that every member has the same key.`,
      {
        related: relatedFew(
          unknown,
          null,
          (o) => relatedAt(o, o.key!.range, `${memberName(o, ctx.members)}'s key is ${FORM_WORDS[o.key!.form]}.`),
          (o, count) =>
            relatedAt(
              o,
              o.key!.range,
              `${memberName(o, ctx.members)} and ${(count - 1).toLocaleString('en')} more members whose keys cannot be compared with this one (not listed).`,
            ),
          total,
        ),
      },
    );
  }
}
