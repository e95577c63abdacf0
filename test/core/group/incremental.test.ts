// A workspace kept up to date edit after edit gives every document the same diagnostics and groups as a workspace
// built afresh from the same texts: group checks are reused only for groups whose members did not change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Workspace } from '../../../server/src/core/workspace';

const dir = join(import.meta.dirname, '..', '..', 'examples');
const base: Record<string, string> = Object.fromEntries(
  ['dc-vpn-1.cfg', 'dc-vpn-2.cfg', 'dc-vpn-3.cfg', 'add-dc-vpn-4.txt'].map((name) => [
    name,
    readFileSync(join(dir, name), 'utf8'),
  ]),
);

// Edits that move devices between groups, change what group checks compare, or make one device a group of its own.
const rewrites: [RegExp, string[]][] = [
  [/^ priority \d+$/m, [' priority 1', ' priority 9', ' priority 5']],
  [/^ cluster port \d+$/m, [' cluster port 9023', ' cluster port 9024']],
  [
    /^ cluster ip address \S+/m,
    [' cluster ip address 192.0.2.200', ' cluster ip address 203.0.113.200', ' cluster ip address 198.51.100.200'],
  ],
  [/^hostname \S+$/m, ['hostname dc-vpn-1', 'hostname dc-vpn-2', 'hostname spare']],
  [/^ participate$/m, [' participate', ' no participate']],
];

function snapshot(ws: Workspace, uris: string[]): unknown {
  return { groups: ws.groups(), diagnostics: uris.map((uri) => ws.diagnostics(uri)) };
}

test('group diagnostics after a series of edits equal those of a fresh workspace', () => {
  const uris = Object.keys(base);
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom(...uris), fc.nat({ max: rewrites.length - 1 }), fc.nat({ max: 2 })), {
        minLength: 1,
        maxLength: 12,
      }),
      (steps) => {
        const texts = { ...base };
        const ws = new Workspace();
        for (const uri of uris) ws.set(uri, texts[uri]!, { retain: uri !== 'dc-vpn-3.cfg' });
        snapshot(ws, uris);
        for (const [uri, which, choice] of steps) {
          const [pattern, options] = rewrites[which]!;
          texts[uri] = texts[uri]!.replace(pattern, options[choice % options.length]!);
          ws.set(uri, texts[uri]!, { retain: uri !== 'dc-vpn-3.cfg' });
          const fresh = new Workspace();
          for (const u of uris) fresh.set(u, texts[u]!);
          assert.deepEqual(snapshot(ws, uris), snapshot(fresh, uris));
        }
      },
    ),
    { numRuns: 150 },
  );
});
