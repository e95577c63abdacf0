// What the code lens and the group information say over a real connection, as the editor sees them after the files
// of a group appear one by one (the new-group command opens one editor per member) or disagree on a group setting.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { CodeLens } from 'vscode-languageserver-protocol/node';
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
    members: [1, 2, 3].map((n) => ({ hostname: `vpn-${n}`, public: { address: `198.51.100.${10 + n}`, prefix: 24 }, publicV6: null, private: { address: `10.20.0.${10 + n}`, prefix: 24 }, priority: 11 - n })),
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
    assert.match(await lensTitle(client, uris[0]!), /· 3 members · director: vpn-1 \(predicted\) · this device: predicted director/);
    assert.match(await lensTitle(client, uris[2]!), /· 3 members · .* this device: member/);
  });
});
