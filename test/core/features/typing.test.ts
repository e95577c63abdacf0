// Types two members of a new group into empty files with completion alone: each step opens a new line in the given
// context (global, or indented in the block), accepts the first item offered with its snippet defaults, and goes on.
// The result must be a working group: zero errors on either device, one group, a predicted director.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { complete, groupInfo } from '../../../server/src/core/features/index';
import { applyEdits } from '../../../server/src/core/fixes/edits';
import { analyzeDocument } from '../../../server/src/core/analyze';
import { Workspace } from '../../../server/src/core/workspace';
import { expandSnippet } from '../../grammar/snippet-expand';

type Context = 'global' | 'block';

/** Opens a new line at the end in `context`, accepts the first item; returns its label and the new text, or null when nothing is offered. */
function acceptFirst(
  ws: Workspace,
  uri: string,
  text: string,
  context: Context,
): { label: string; text: string } | null {
  const base = (text.length > 0 && !text.endsWith('\n') ? text + '\n' : text) + (context === 'block' ? ' ' : '');
  ws.set(uri, base);
  const line = base.split('\n').length - 1;
  const list = complete(ws, uri, { line, character: context === 'block' ? 1 : 0 });
  const first = [...list.items].sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0))[0];
  if (!first) {
    ws.set(uri, text);
    return null;
  }
  const inserted = first.insertTextFormat === 'snippet' ? expandSnippet(first.insertText) : first.insertText;
  const range = first.textEdit?.range ?? {
    start: { line, character: base.length },
    end: { line, character: base.length },
  };
  const next = applyEdits(base, [{ range, newText: inserted }, ...(first.additionalTextEdits ?? [])]);
  ws.set(uri, next);
  return { label: first.label, text: next };
}

/** The steps of a member: global commands up to the block, every command the block offers, then the rest. */
function typeMember(ws: Workspace, uri: string): { labels: string[]; text: string } {
  let text = '';
  const labels: string[] = [];
  const step = (context: Context): boolean => {
    const accepted = acceptFirst(ws, uri, text, context);
    if (!accepted) return false;
    labels.push(accepted.label);
    text = accepted.text;
    return true;
  };
  for (let i = 0; i < 5; i++) step('global');
  // The block offers only what it lacks, so it runs dry; the bound only guards against a loop.
  for (let i = 0; i < 20 && step('block'); i++);
  for (let i = 0; i < 4; i++) step('global');
  return { labels, text };
}

const EXPECTED_STEPS = [
  'hostname',
  'interface',
  'interface',
  'crypto ikev1 enable',
  'vpn load-balancing',
  'cluster ip address',
  'priority',
  'cluster port',
  'cluster key',
  'cluster encryption',
  'redirect-fqdn',
  'nat',
  'participate',
  'dns domain-lookup',
  'dns server-group DefaultDNS',
  'ip local pool',
  'tunnel-group webvpn-attributes',
];

function errors(ws: Workspace, uri: string): string[] {
  return ws
    .result(uri)!
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.range.start.line + 1}: ${d.code}: ${d.message}`);
}

test('typing a new group from empty files with completion alone gives two members without an error', () => {
  const ws = new Workspace();
  const first = typeMember(ws, 'file:///lab/asa1.cfg');
  assert.deepEqual(first.labels, EXPECTED_STEPS);
  assert.deepEqual(errors(ws, 'file:///lab/asa1.cfg'), [], first.text);
  // The single-device analysis agrees with the workspace's.
  assert.deepEqual(
    analyzeDocument('asa1.cfg', first.text).diagnostics.filter((d) => d.severity === 'error'),
    [],
  );

  const second = typeMember(ws, 'file:///lab/asa2.cfg');
  assert.deepEqual(second.labels, EXPECTED_STEPS);
  assert.deepEqual(errors(ws, 'file:///lab/asa1.cfg'), [], first.text);
  assert.deepEqual(errors(ws, 'file:///lab/asa2.cfg'), [], second.text);

  // The second member found the first one's group through its public subnet.
  const info = groupInfo(ws, 'file:///lab/asa2.cfg');
  assert.ok(info.inGroup, JSON.stringify(info));
  assert.deepEqual(
    info.group.members.map((m) => m.name),
    ['asa1', 'asa2'],
  );
  assert.equal(info.group.predictedDirector, 'asa1');
  assert.equal(info.role, 'member');
  assert.equal(ws.groups().length, 1);
});

test('the typed member reads like a config an engineer would write', () => {
  const ws = new Workspace();
  const { text } = typeMember(ws, 'file:///lab/asa1.cfg');
  assert.equal(
    text,
    [
      'hostname asa1',
      'interface GigabitEthernet0/0',
      ' nameif outside',
      ' security-level 0',
      ' ip address 203.0.113.2 255.255.255.0',
      'interface GigabitEthernet0/1',
      ' nameif inside',
      ' security-level 100',
      ' ip address 192.0.2.2 255.255.255.0',
      'crypto ikev1 enable inside',
      'vpn load-balancing',
      ' interface lbpublic outside',
      ' interface lbprivate inside',
      ' cluster ip address 203.0.113.254',
      ' priority 5',
      ' cluster port 9023',
      ' cluster key CHANGE-ME',
      ' cluster encryption',
      ' redirect-fqdn enable',
      ' nat 198.51.100.2',
      ' participate',
      'dns domain-lookup inside',
      'dns server-group DefaultDNS',
      ' name-server 192.0.2.53',
      'ip local pool VPN-POOL 10.100.1.1-10.100.1.254 mask 255.255.255.0',
      'tunnel-group RA-VPN type remote-access',
      'tunnel-group RA-VPN webvpn-attributes',
      ' group-url https://203.0.113.254/RA-VPN enable',
      ' group-url https://198.51.100.2/RA-VPN enable',
    ].join('\n'),
  );
  // What remains are reminders, not errors: the placeholder key is in clear text.
  assert.deepEqual(
    ws
      .result('file:///lab/asa1.cfg')!
      .diagnostics.map((d) => d.code)
      .sort(),
    ['plaintext-cluster-key', 'single-member-group'],
  );
});
