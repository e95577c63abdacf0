// Checks the grammar file itself: metadata, every regex compiles in Oniguruma, every include resolves, every scope is ours.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { before, test } from 'node:test';
import type * as Oniguruma from 'vscode-oniguruma';
import { GRAMMAR_FILE, loadAsaGrammar } from './textmate';

const oniguruma = createRequire(import.meta.url)('vscode-oniguruma') as typeof Oniguruma;
const grammar = JSON.parse(readFileSync(GRAMMAR_FILE, 'utf8')) as Record<string, unknown>;

/** Every object in the grammar that is a rule or a capture, with its path for messages. */
function walk(node: unknown, path: string, visit: (rule: Record<string, unknown>, path: string) => void): void {
  if (Array.isArray(node)) node.forEach((child, i) => walk(child, `${path}[${i}]`, visit));
  else if (node !== null && typeof node === 'object') {
    visit(node as Record<string, unknown>, path);
    for (const [key, child] of Object.entries(node)) walk(child, `${path}.${key}`, visit);
  }
}

before(async () => {
  // loadAsaGrammar initialises the WebAssembly engine that createOnigScanner below needs.
  await loadAsaGrammar();
});

test('the grammar is source.asa', () => {
  assert.equal(grammar.scopeName, 'source.asa');
  assert.equal(typeof grammar.name, 'string');
  assert.ok(Array.isArray(grammar.patterns) && grammar.patterns.length > 0);
});

test('every regex compiles in Oniguruma', () => {
  const failures: string[] = [];
  walk(grammar, '$', (rule, path) => {
    for (const key of ['match', 'begin', 'end', 'while'] as const) {
      const source = rule[key];
      if (typeof source !== 'string') continue;
      try {
        oniguruma.createOnigScanner([source]).dispose();
      } catch (error) {
        failures.push(`${path}.${key}: ${(error as Error).message}`);
      }
    }
  });
  assert.deepEqual(failures, []);
});

test('every include names a repository rule, and every repository rule is used', () => {
  const repository = grammar.repository as Record<string, unknown>;
  const used = new Set<string>();
  const missing: string[] = [];
  walk(grammar, '$', (rule, path) => {
    const include = rule.include;
    if (typeof include !== 'string') return;
    assert.ok(include.startsWith('#'), `${path}: only local includes are expected, found ${include}`);
    used.add(include.slice(1));
    if (!(include.slice(1) in repository)) missing.push(`${path}: ${include}`);
  });
  assert.deepEqual(missing, []);
  assert.deepEqual(
    Object.keys(repository).filter((name) => !used.has(name)),
    [],
  );
});

test('every scope name ends in .asa and begin/end rules are paired', () => {
  const bad: string[] = [];
  walk(grammar, '$', (rule, path) => {
    for (const key of ['name', 'contentName'] as const) {
      const scope = rule[key];
      if (typeof scope === 'string' && path !== '$' && !scope.split(' ').every((s) => s.endsWith('.asa')))
        bad.push(`${path}.${key}: ${scope}`);
    }
    if ('begin' in rule !== ('end' in rule || 'while' in rule)) bad.push(`${path}: begin without end`);
  });
  assert.deepEqual(bad, []);
});
