// Every regular expression in the product's sources runs in linear time on text a repository controls: the lint
// rules that guard it are configured for every source file and catch the patterns that once took minutes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { looksLikeAsa } from '../../server/src/core/detect';

const ROOT = join(import.meta.dirname, '..', '..');
const RULES = ['regexp/no-super-linear-backtracking', 'regexp/no-super-linear-move'];

async function regexpProblems(code: string, file: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return result!.messages.filter((m) => RULES.includes(m.ruleId ?? '')).map((m) => `${m.ruleId}: ${m.message}`);
}

test('the project lint configuration rejects the quadratic patterns found in the product', async () => {
  const found = [
    // File detection: `\s*` with the m flag crosses line ends, quadratic on a file of blank lines.
    'export const LB_BLOCK = /^\\s*vpn load-balancing\\s*$/m;',
    // Completion: the lazy stem and the digits compete for a long run of digits.
    'export const HWID = /^(.*?)(\\d+)$/;',
    // The old glob translation of `**a**a**b`.
    'export const GLOB = /^.*a.*a.*a.*b$/i;',
  ];
  for (const code of found) {
    for (const file of ['server/src/core/detect.ts', 'server/src/lsp/x.ts', 'client/src/x.ts']) {
      assert.ok((await regexpProblems(code, file)).length > 0, `${file}: ${code} passes the lint`);
    }
  }
});

test('the linear replacements pass the same rules', async () => {
  for (const code of [
    'export const LB_BLOCK = /^[ \\t]*vpn load-balancing[ \\t]*\\r?$/m;',
    'export const KEY_VALUE = /^(status|role)[ \\t]*:(.*)$/i;',
  ]) {
    assert.deepEqual(await regexpProblems(code, 'server/src/core/detect.ts'), []);
  }
});

test('a load-balancing block is still found with any indentation and line end, and blank lines are not ASA', () => {
  assert.ok(looksLikeAsa(`${'x\n'.repeat(40_000)}vpn load-balancing\n`));
  assert.ok(looksLikeAsa(`${'x\r\n'.repeat(40_000)}  vpn load-balancing \t\r\n cluster ip address 192.0.2.1\r\n`));
  assert.ok(!looksLikeAsa('\n'.repeat(200_000)));
  assert.ok(!looksLikeAsa(`${'\n'.repeat(1000)}  vpn load-balancing extra\n`));
});
