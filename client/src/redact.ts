// Keeps configuration text and secrets out of the language-server trace (ARCHITECTURE.md, secrets stay secret).
// The trace's messages carry whole documents (didOpen, and the files handed over in `asaLb/workspaceFiles`), typed
// characters (didChange) and edits: their text is replaced by its length, since a key typed one character at a time
// or pasted whole is in no other way visible.
// What remains (log lines, names in results) is still searched for the secret-bearing commands the product knows of.

/** What replaces a secret. */
export const REDACTED = '<redacted>';

// The JSON properties of LSP messages that carry document text: didOpen/didChange `text`, edits' `newText`,
// completions' `insertText`. The string body is a run of plain characters or escapes, which never overlap.
const DOCUMENT_TEXT = /"(text|newText|insertText)"([ \t]*:[ \t]*)"((?:[^"\\]|\\.)*)"/g;

/** The message with every document text replaced by its length. */
export function withoutDocumentText(message: string): string {
  return message.replace(
    DOCUMENT_TEXT,
    (_match: string, name: string, colon: string, body: string) =>
      `"${name}"${colon}"<${decodedLength(body).toLocaleString('en')} characters>"`,
  );
}

function decodedLength(body: string): number {
  try {
    return (JSON.parse(`"${body}"`) as string).length;
  } catch {
    return body.length;
  }
}

// Words of a config line, possibly inside JSON: a word keeps escaped quotes and backslashes as part of itself, and
// ends at white space, a quote or an escaped line break (`\n` in a JSON string).
const PIECES = /(\\[nrt])|([\s"]+)|((?:\\["\\/]|\\u[0-9a-fA-F]{4}|[^\s"\\])+)|(\\)/g;

/** Masked secrets (`*****`) and words that only name the kind of a secret are not secrets. */
const NOT_A_SECRET = /^(?:\*+|encrypted|pbkdf2|nt-encrypted|hex|ascii|none)$/i;
const ALGORITHM = /^(?:md5|sha|sha1|sha-1|sha224|sha256|sha384|sha512|des|3des|aes|aes128|aes192|aes256)$/i;
const NUMBER = /^\d+$/;
const TYPE = /^[0-9]$/;

/**
 * For a keyword at `i`, the indexes of the words holding secrets after it, or null when `words[i]` introduces none.
 * Each rule names the command it is for; words such as an encryption type, a key id or an algorithm are skipped.
 */
function secretsAfter(words: readonly string[], i: number): number[] | null {
  const w = words[i]!.toLowerCase();
  const next = (k: number): string => (words[k] ?? '').toLowerCase();
  let k = i + 1;
  const skip = (test: (word: string) => boolean): void => {
    while (k < words.length && test(words[k]!)) k++;
  };
  if (w === 'key') {
    // key config-key password-encryption NEW [OLD]: the master passphrase, new and old.
    if (next(k) === 'config-key' && next(k + 1) === 'password-encryption') return [k + 2, k + 3];
    // authentication key eigrp AS KEY key-id N (EIGRP).
    if (next(k) === 'eigrp') {
      k += 1;
      skip((x) => NUMBER.test(x));
      return [k];
    }
    // failover key [hex] KEY; cluster key [8] KEY; aaa-server … key KEY; isakmp key KEY address …; key chain ID.
    skip((x) => TYPE.test(x) || /^hex$/i.test(x));
    return [k];
  }
  // ntp authentication-key ID md5 KEY; ospf authentication-key [8] KEY; ospf message-digest-key ID md5 [8] KEY;
  // pre-shared-key [0|8] KEY (ikev1, ikev2 local/remote-authentication); key-string [8] KEY; cluster-key and other *-key.
  if ((w.endsWith('-key') && w !== 'config-key') || w === 'key-string') {
    skip((x) => NUMBER.test(x) || ALGORITHM.test(x));
    return [k];
  }
  // password / passwd KEY (enable, username, neighbor …, and a `*-password` or `*-pw`: ldap-login-password,
  // radius-common-pw, challenge-password); secret KEY; community KEY (snmp-server community, host … community).
  if (/^(?:password|passwd|secret|community|[a-z-]+-password|[a-z-]+-pw)$/.test(w)) {
    skip((x) => TYPE.test(x));
    return [k];
  }
  // SNMPv3: snmp-server user U G v3 [encrypted] auth ALG KEY priv ALG [128|192|256] KEY.
  if ((w === 'auth' || w === 'priv') && ALGORITHM.test(next(k))) {
    k += 1;
    skip((x) => NUMBER.test(x));
    return [k];
  }
  return null;
}

export function redactSecrets(text: string): string {
  const pieces: { text: string; word: boolean }[] = [];
  for (const m of text.matchAll(PIECES)) pieces.push({ text: m[0], word: m[3] !== undefined });
  // Words of one line at a time: a keyword on one line never reaches into the next.
  let line: number[] = [];
  const flush = (): void => {
    const words = line.map((p) => pieces[p]!.text);
    for (let i = 0; i < words.length; i++) {
      for (const s of secretsAfter(words, i) ?? []) {
        if (s < words.length && !NOT_A_SECRET.test(words[s]!)) pieces[line[s]!]!.text = REDACTED;
      }
    }
    line = [];
  };
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p]!;
    if (piece.word) line.push(p);
    else if (/\\[nr]|[\n\r"]/.test(piece.text)) flush();
  }
  flush();
  return pieces.map((p) => p.text).join('');
}

/** What the trace channel writes: no document text, and no secret in what is left. */
export function traceSafe(message: string): string {
  return redactSecrets(withoutDocumentText(message));
}
