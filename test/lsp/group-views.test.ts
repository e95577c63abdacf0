// What the code lens and the group information say over a real connection, as the editor sees them after the files
// of a group appear one by one (the new-group command opens one editor per member) or disagree on a group setting.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { CodeAction, CodeLens, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol/node';
import type { GroupInfoResult } from '../../server/src/protocol';
import { generateGroup, type GroupSpec } from '../../client/src/authoring/generate-group';
import { TestClient } from './client';

/** Three members, as the new-group command writes them (key left out of the files). */
export function newGroupSpec(): GroupSpec {
  return {
    vip: '198.51.100.1',
    vipv6: null,
    port: 9023,
    encryption: true,
    key: { kind: 'placeholder' },
    publicInterface: { hardware: 'GigabitEthernet0/0', nameif: 'outside' },
    privateInterface: { hardware: 'GigabitEthernet0/1', nameif: 'inside' },
    members: [1, 2, 3].map((n) => ({
      hostname: `vpn-${n}`,
      public: { address: `198.51.100.${10 + n}`, prefix: 24 },
      publicV6: null,
      private: { address: `10.20.0.${10 + n}`, prefix: 24 },
      priority: 11 - n,
    })),
  };
}

async function lensTitle(client: TestClient, uri: string): Promise<string> {
  const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
  assert.equal(lenses.length, 1, `${uri}: one lens`);
  return lenses[0]!.command!.title;
}

describe('the code lens follows its group', () => {
  let client: TestClient;
  after(async () => {
    await client.stop();
  });

  it('after new untitled members open one by one, the first one is asked to refresh its lens, which then counts them all', async () => {
    client = await TestClient.start();
    const configs = generateGroup(newGroupSpec());
    const uris = configs.map((_, i) => `untitled:Untitled-${i + 1}`);
    await client.open(uris[0]!, configs[0]!.text);
    await client.diagnostics(uris[0]!);
    assert.match(await lensTitle(client, uris[0]!), /· 1 member ·/);
    const refresh = client.waitForMessage('workspace/codeLens/refresh');
    for (let i = 1; i < configs.length; i++) await client.open(uris[i]!, configs[i]!.text);
    // The editor asks for a document's lenses again only when that document changes, or when the server asks.
    await refresh;
    assert.match(
      await lensTitle(client, uris[0]!),
      /· 3 members · director: vpn-1 \(predicted\) · this device: predicted director/,
    );
    assert.match(await lensTitle(client, uris[2]!), /· 3 members · .* this device: member/);
  });
});

/** A member written as an engineer would, on the chapter's example addresses. */
function member(
  hostname: string,
  publicIp: string,
  priority: number,
  port: number | null,
  block = 'vpn load-balancing',
): string {
  return [
    `hostname ${hostname}`,
    'interface GigabitEthernet0/0',
    ' nameif outside',
    ' security-level 0',
    ` ip address ${publicIp} 255.255.255.224`,
    'interface GigabitEthernet0/1',
    ' nameif inside',
    ' security-level 100',
    ` ip address 10.20.0.${publicIp.split('.')[3]} 255.255.255.0`,
    block,
    ' interface lbpublic outside',
    ' interface lbprivate inside',
    ` priority ${priority}`,
    ' cluster ip address 209.165.202.140',
    ...(port === null ? [] : [` cluster port ${port}`]),
    ' participate',
    '',
  ].join('\n');
}

describe('a split group, as the server reports it', () => {
  let client: TestClient;
  after(async () => {
    await client.stop();
  });

  it('the member on another port is split off in the words of its problem, and the others elect their director among themselves', async () => {
    client = await TestClient.start();
    const uri = (h: string): string => `untitled:${h}.cfg`;
    await client.open(uri('asa-a'), member('asa-a', '209.165.202.130', 5, null));
    await client.open(uri('asa-b'), member('asa-b', '209.165.202.131', 7, 9023));
    await client.open(uri('asa-c'), member('asa-c', '209.165.202.132', 9, 4444));
    const problems = await client.diagnostics(uri('asa-c'), (ds) =>
      ds.some((d) => d.code === 'group-setting-mismatch'),
    );
    const problem = problems.find((d) => d.code === 'group-setting-mismatch')!;
    const message = typeof problem.message === 'string' ? problem.message : problem.message.value;
    const info = await client.request<GroupInfoResult>('asaLb/groupInfo', { uri: uri('asa-c') });
    assert.ok(info.inGroup);
    assert.equal(info.role, 'split off');
    const split = info.group.members.find((m) => m.name === 'asa-c')!.split;
    assert.deepEqual(split, ['uses port 4444, but 2 of 3 members use port 9023']);
    assert.ok(message.includes('uses cluster port 4444, but 2 of 3 members use port 9023'), message);
    // asa-c has the highest priority, but cannot hear the others.
    assert.equal(info.group.predictedDirector, 'asa-b');
    assert.match(
      await lensTitle(client, uri('asa-a')),
      /3 members \(1 split off\) · director: asa-b \(predicted\) · this device: member$/,
    );
    assert.match(
      await lensTitle(client, uri('asa-c')),
      /this device: split off: it uses port 4444, but 2 of 3 members use port 9023$/,
    );
  });
});

describe('a misspelled block header, as the server reports it', () => {
  let client: TestClient;
  after(async () => {
    await client.stop();
  });

  it('is one error on the header with a fix that restores the block, and the group information says why the file is in no group', async () => {
    client = await TestClient.start();
    const uri = 'untitled:typo.cfg';
    await client.open(uri, member('asa-t', '209.165.202.133', 5, null, 'vpn load-balacing'));
    const diagnostics = await client.diagnostics(uri, (ds) => ds.length > 0);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.character]),
      [['lb-header-typo', 1, 9, 0, 17]],
    );
    const info = await client.request<GroupInfoResult>('asaLb/groupInfo', { uri });
    assert.deepEqual(info, { inGroup: false, reason: "its 'vpn load-balancing' line is misspelled (line 10)" });
    const [action] = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]!.range,
      context: { diagnostics: [diagnostics[0]], only: ['quickfix'] },
    });
    assert.equal(action?.title, "Change to 'vpn load-balancing'");
    const edit = action!.edit!;
    const edits =
      (edit.documentChanges
        ? (edit.documentChanges as TextDocumentEdit[]).flatMap((d) => d.edits as TextEdit[])
        : edit.changes![uri]!) ?? [];
    const fixed = client.nextDiagnostics(uri, (ds) => !ds.some((d) => d.code === 'lb-header-typo'));
    await client.edit(uri, edits);
    await fixed;
    assert.equal(client.text(uri).split('\n')[9], 'vpn load-balancing');
    const after = await client.request<GroupInfoResult>('asaLb/groupInfo', { uri });
    assert.equal(after.inGroup, true);
  });
});
