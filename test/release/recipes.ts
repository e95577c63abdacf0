// The README's recipes for pre-commit and CI, read from the README itself so the tests run what users copy: each is
// the fenced block after a `<!-- recipe:NAME -->` line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './packaged';

export function recipe(name: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const match = new RegExp(`<!-- recipe:${name} -->\\n\`\`\`yaml\\n([\\s\\S]*?)\\n\`\`\`\\n`).exec(readme);
  if (!match) throw new Error(`README.md has no yaml block after <!-- recipe:${name} -->`);
  return `${match[1]}\n`;
}
