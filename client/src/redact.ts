// Replaces secrets in text bound for a log: the cluster key and the other keys and passwords a config may hold.
// The server trace carries document text; this keeps the group secret out of it (ARCHITECTURE.md, secrets stay secret).

/** What replaces a secret. */
export const REDACTED = '<redacted>';

// A keyword that introduces a secret, an optional encryption type (`8`, `7`, `0`), then the secret itself.
// The secret may sit inside JSON (trace output), so it ends at whitespace, a quote or a JSON line-break escape,
// and keeps escaped quotes and backslashes as part of itself.
const SECRET = /\b(key|password|passwd|pre-shared-key|secret|community)((?:[ \t]+[0-9])?[ \t]+)((?:\\["\\/]|\\u[0-9a-fA-F]{4}|[^\s"\\])+)/gi;

/** Masked secrets (`*****`) and words that only name the kind of a secret are not secrets. */
const NOT_A_SECRET = /^(?:\*+|encrypted|pbkdf2|nt-encrypted|hex|ascii|none)$/i;

export function redactSecrets(text: string): string {
  return text.replace(SECRET, (match: string, keyword: string, gap: string, secret: string) => (NOT_A_SECRET.test(secret) ? match : `${keyword}${gap}${REDACTED}`));
}
