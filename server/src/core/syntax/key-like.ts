// Words after which a config line carries a secret (`key`, `password`, `community`, …), misspelled too: a message
// that quotes a line the product does not know stops at such a word, so a key behind a typo is never printed.

// Parts of the keywords that introduce secrets in ASA commands (cluster key, pre-shared-key, authentication-key,
// message-digest-key, password, secret, snmp community, SNMPv3 auth/priv, ldap-login-password …).
const SECRET_PARTS = [
  'key',
  'kye',
  'pass',
  'pwd',
  'secret',
  'communit',
  'psk',
  'auth',
  'priv',
  'md5',
  'digest',
  'cred',
  'token',
];

/** Whether a word is, or could be a typo of, a keyword that a secret follows. */
export function isKeyLike(word: string): boolean {
  const w = word.toLowerCase();
  if (SECRET_PARTS.some((part) => w.includes(part))) return true;
  // One letter off `key`: `ky`, `kee`, `kay`, `keys`.
  return w.length >= 2 && w.length <= 4 && oneEditFromKey(w);
}

function oneEditFromKey(w: string): boolean {
  const target = 'key';
  const row = [0, 1, 2, 3];
  for (let i = 1; i <= w.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= 3; j++) {
      const saved = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (w[i - 1] === target[j - 1] ? 0 : 1));
      previous = saved;
    }
  }
  return row[3]! <= 1;
}

/** At most this many words of an unknown line are quoted. */
const QUOTED_WORDS = 3;

/** The first words of a line as a message may quote them: at most three, none after a key-like word, `…` for the rest. */
export function quotedStart(words: readonly string[]): string {
  const out: string[] = [];
  for (const word of words) {
    if (out.length === QUOTED_WORDS) break;
    out.push(word);
    if (isKeyLike(word)) break;
  }
  return out.length < words.length ? `${out.join(' ')} …` : out.join(' ');
}
