// The extension's snippets, expanded with their defaults, pass the core's checks with no error, alone and combined
// as an engineer would use them (a member, then its group URLs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandedSnippets, type ExpandedSnippet } from '../grammar/snippet-expand';
import { analyzeDocument } from '../../server/src/core/analyze';
import type { Diagnostic } from '../../server/src/core/types';

const snippets = expandedSnippets();
const byPrefix = (prefix: string): ExpandedSnippet => {
  const found = snippets.find((s) => s.prefix.includes(prefix));
  assert.ok(found, `no snippet has the prefix ${prefix}`);
  return found;
};
const describe = (d: Diagnostic): string => `${d.range.start.line + 1}: ${d.severity} ${d.code}`;

for (const snippet of snippets) {
  test(`snippet "${snippet.name}" expanded with its defaults has no error`, () => {
    const { diagnostics } = analyzeDocument(`snippet/${snippet.prefix[0]}.asa`, `${snippet.text}\n`);
    assert.deepEqual(diagnostics.filter((d) => d.severity === 'error').map(describe), [], snippet.text);
  });
}

interface Combination {
  prefixes: string[];
  /** Everything above information that may remain: the placeholder key is in clear text on purpose. */
  allowed: string[];
}

const COMBINATIONS: Combination[] = [
  { prefixes: ['lb-member', 'lb-group-urls'], allowed: ['warning plaintext-cluster-key'] },
  { prefixes: ['lb-member-plain'], allowed: [] },
];

for (const combination of COMBINATIONS) {
  test(`expanded together, ${combination.prefixes.join(' + ')} leave${combination.allowed.length ? ` only ${combination.allowed.join(', ')}` : ' nothing above information'}`, () => {
    const text = `${combination.prefixes.map((p) => byPrefix(p).text).join('\n!\n')}\n`;
    const { diagnostics } = analyzeDocument('snippet/combined.asa', text);
    const loud = diagnostics
      .filter((d) => d.severity === 'error' || d.severity === 'warning')
      .map((d) => `${d.severity} ${d.code}`);
    assert.deepEqual(loud, combination.allowed, text);
  });
}
