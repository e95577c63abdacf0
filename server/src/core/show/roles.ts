// The role words ASA releases print, mapped to the product's two roles.
import type { ShowRole } from './types';

/** Older releases say Master/Backup; newer documentation says Director/Member; some outputs say Slave. */
const ROLE_WORDS: Readonly<Record<string, ShowRole>> = {
  master: 'director',
  director: 'director',
  backup: 'member',
  member: 'member',
  slave: 'member',
};

/** The normalised role of a word from the output, or null when it is not a role word. */
export function normaliseRole(word: string): ShowRole | null {
  return ROLE_WORDS[word.toLowerCase()] ?? null;
}
