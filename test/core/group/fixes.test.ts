// Quick fixes of the group checks: applied to the member's own text, the workspace re-run, the diagnostic is gone and
// no error appears that was not there before. Also the edge cases of building edits without the tree.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits } from '../../../server/src/core/fixes/edits';
import type { Diagnostic } from '../../../server/src/core/types';
import { memberConfig } from './generate';
import { groupDiagnostics, loadScenario, scenarioNames, uriOf, workspaceOf } from './workspace-fixtures';

/** "uri code" for every error in the workspace, with repetitions. */
function errors(texts: Map<string, string>): string[] {
  const ws = workspaceOf(texts);
  return ws.uris().flatMap((uri) =>
    ws
      .result(uri)!
      .diagnostics.filter((d) => d.severity === 'error')
      .map((d) => `${uri} ${d.code}`),
  );
}

function withFix(
  texts: Map<string, string>,
  uri: string,
  edits: Diagnostic['fixes'][number]['edits'],
): Map<string, string> {
  const next = new Map(texts);
  next.set(uri, applyEdits(texts.get(uri)!, edits));
  return next;
}

/** Removes from `after` one occurrence of each entry of `before`; what remains is new. */
function added(before: string[], after: string[]): string[] {
  const left = [...before];
  return after.filter((e) => {
    const i = left.indexOf(e);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

test('every group fix of every fixture removes its diagnostic and adds no error', () => {
  let applied = 0;
  for (const name of scenarioNames()) {
    const { texts } = loadScenario(name);
    const ws = workspaceOf(texts);
    const before = errors(texts);
    for (const uri of texts.keys()) {
      for (const diagnostic of groupDiagnostics(ws, uri)) {
        for (const fix of diagnostic.fixes) {
          const fixed = withFix(texts, uri, fix.edits);
          const count = (w: ReturnType<typeof workspaceOf>): number =>
            groupDiagnostics(w, uri).filter((d) => d.code === diagnostic.code).length;
          assert.ok(count(workspaceOf(fixed)) < count(ws), `${name} ${uri}: '${fix.title}' left ${diagnostic.code}`);
          assert.deepEqual(added(before, errors(fixed)), [], `${name} ${uri}: '${fix.title}' added errors`);
          applied++;
        }
      }
    }
  }
  // The fixtures hold fixes for port, encryption, IPv6, redirect-fqdn and the virtual address typo.
  assert.ok(applied >= 5, `only ${applied} fixes applied`);
});

test('the port fix sets the majority value on the member, and the group is then clean', () => {
  const { texts } = loadScenario('group-setting-mismatch--port-majority');
  const uri = uriOf('group-setting-mismatch--port-majority', 'asa4.cfg');
  const [diagnostic] = groupDiagnostics(workspaceOf(texts), uri);
  assert.equal(diagnostic!.fixes.length, 1);
  const fix = diagnostic!.fixes[0]!;
  assert.equal(fix.title, "Set 'cluster port 9023' (3 of 4 members use port 9023)");
  assert.equal(fix.preferred, true);
  const fixed = withFix(texts, uri, fix.edits);
  assert.match(fixed.get(uri)!, /\n cluster port 9023\n/);
  const ws = workspaceOf(fixed);
  for (const u of fixed.keys()) assert.deepEqual(groupDiagnostics(ws, u), [], u);
});

test('the tie-break fix inserts the director’s port into a CRLF block that ends the file without a newline', () => {
  const director = memberConfig({ host: 11, priority: 9, lb: [' cluster port 9024'] });
  const member = memberConfig({ host: 12, priority: 4 })
    .replace(/\n!\n: end\n$/, '')
    .replace(/\n/g, '\r\n');
  assert.ok(member.endsWith(' participate'));
  const texts = new Map([
    ['lab/asa11.cfg', director],
    ['lab/asa12.cfg', member],
  ]);
  const [diagnostic] = groupDiagnostics(workspaceOf(texts), 'lab/asa12.cfg');
  assert.equal(diagnostic!.code, 'group-setting-mismatch');
  assert.match(diagnostic!.message, /the predicted director asa11 uses port 9024/);
  const fix = diagnostic!.fixes[0]!;
  assert.equal(fix.preferred, false, 'a tie-break is not the obviously right fix');
  const fixed = withFix(texts, 'lab/asa12.cfg', fix.edits);
  assert.ok(fixed.get('lab/asa12.cfg')!.endsWith(' participate\r\n cluster port 9024'));
  assert.deepEqual(groupDiagnostics(workspaceOf(fixed), 'lab/asa12.cfg'), []);
});

test('turning encryption off deletes the line, even when it is the last line of the file', () => {
  const off = (host: number): string => memberConfig({ host, priority: 10 - host + 11 });
  const on = memberConfig({
    host: 13,
    priority: 3,
    lb: [' cluster key 8 Xq0BpcVJ3c8dWfzT2wN5hA==', ' participate', ' cluster encryption'],
    participate: false,
  }).replace(/\n!\n: end\n$/, '');
  assert.ok(on.endsWith(' cluster encryption'));
  const texts = new Map([
    ['lab/asa11.cfg', off(11)],
    ['lab/asa12.cfg', off(12)],
    ['lab/asa13.cfg', on],
  ]);
  const [diagnostic] = groupDiagnostics(workspaceOf(texts), 'lab/asa13.cfg');
  assert.match(diagnostic!.message, /2 of 3 members have cluster encryption off/);
  assert.equal(diagnostic!.fixes[0]!.title, "Delete 'cluster encryption' (2 of 3 members have cluster encryption off)");
  const fixed = withFix(texts, 'lab/asa13.cfg', diagnostic!.fixes[0]!.edits);
  assert.ok(fixed.get('lab/asa13.cfg')!.endsWith(' participate\n'));
  assert.deepEqual(groupDiagnostics(workspaceOf(fixed), 'lab/asa13.cfg'), []);
});

test('the virtual address typo fix joins the group', () => {
  const { texts } = loadScenario('probable-vip-typo--alone');
  const uri = uriOf('probable-vip-typo--alone', 'asa3.cfg');
  const typo = groupDiagnostics(workspaceOf(texts), uri).find((d) => d.code === 'probable-vip-typo')!;
  assert.equal(typo.fixes[0]!.title, 'Change the virtual address to 192.0.2.100 (the group of asa1 and asa2)');
  const ws = workspaceOf(withFix(texts, uri, typo.fixes[0]!.edits));
  assert.equal(ws.groups().length, 1);
  assert.equal(ws.groups()[0]!.members.length, 3);
  for (const u of texts.keys()) assert.deepEqual(groupDiagnostics(ws, u), [], u);
});
