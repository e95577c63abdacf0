// The plain text of a snippet (what a client without snippet support inserts) equals what the editor inserts when every
// placeholder keeps its default; the test's own snippet parser (the editor's grammar) is the reference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { choice, escapeSnippet, placeholder, snippetToPlainText } from '../../../server/src/core/features/snippet-text';
import { expandSnippet } from '../../grammar/snippet-expand';

const SNIPPETS: [string, string][] = [
  ['plain text', 'participate'],
  ['a placeholder', 'priority ${1:5}'],
  ['a choice', 'redirect-fqdn ${1|enable,disable|}'],
  ['a mirror after its placeholder', 'tunnel-group ${1:RA} type remote-access\ntunnel-group ${1} webvpn-attributes'],
  ['a mirror before its placeholder', 'group-url https://x/$1 enable\ntunnel-group ${1:RA}'],
  ['nested placeholders', 'ip address ${1:${2:10.0.0.1} ${3:255.0.0.0}}'],
  ['escapes', 'echo \\$HOME \\} \\\\ ${1:a\\}b}'],
  ['an escaped comma in a choice', 'x ${1|a\\,b,c|}'],
  ['a final tab stop', 'interface ${1:Gi0/0}$0'],
  ['a lone dollar', 'cost $ 5'],
];

for (const [what, snippet] of SNIPPETS) {
  test(`snippet to plain text: ${what}`, () => {
    assert.equal(snippetToPlainText(snippet), expandSnippet(snippet));
  });
}

test('values put into snippets come out unchanged', () => {
  for (const value of ['plain', 'a$b', 'c}d', 'e\\f', 'g,h', 'i|j']) {
    assert.equal(snippetToPlainText(placeholder(1, value)), value);
    assert.equal(snippetToPlainText(`x ${escapeSnippet(value)}`), `x ${value}`);
    assert.equal(snippetToPlainText(choice(1, [value, 'other'], 'fallback')), value);
  }
  assert.equal(choice(1, [], 'outside'), '${1:outside}');
  assert.equal(choice(2, ['inside', 'inside'], 'x'), '${2:inside}');
});
