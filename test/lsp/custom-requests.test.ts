// The custom requests of server/src/protocol.ts and the code lens, over a real connection. The simulation and the
// show parser must answer exactly what the CLI prints for the same input: one core behind both.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeLens } from 'vscode-languageserver-protocol/node';
import type { GroupInfoResult, ParseShowResult, SimulateResult } from '../../server/src/protocol';
import { CLI, copyFixture, fileUri, removeFolder, ROOT, TestClient } from './client';

const scenarios = join(ROOT, 'test', 'fixtures', 'scenarios');
const shows = join(ROOT, 'test', 'fixtures', 'show');

function cli(...args: string[]): unknown {
  return JSON.parse(execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8' }));
}

describe('custom requests', () => {
  let dir: string;
  let client: TestClient;
  const uri = (name: string): string => fileUri(join(dir, name));
  before(async () => {
    dir = copyFixture('group');
    client = await TestClient.start({ folder: dir });
    // The first groupsChanged follows indexing, so later waits see only the changes their own edits cause.
    await client.waitForMessage('asaLb/groupsChanged');
  });
  after(async () => {
    await client.stop();
    removeFolder(dir);
  });

  for (const name of ['contract-example', 'four-units-director-fails', 'ipsec-full-group']) {
    it(`asaLb/simulate runs ${name} exactly as 'asa-lb simulate' does, and explains it`, async () => {
      const scenario = JSON.parse(readFileSync(join(scenarios, `${name}.json`), 'utf8'));
      const answer = await client.request<SimulateResult>('asaLb/simulate', { scenario });
      assert.ok(answer.ok);
      assert.deepEqual(answer.result, cli('simulate', '--format', 'json', join(scenarios, `${name}.json`)));
      assert.deepEqual(
        answer.decisions.map(({ explanation: _, ...contract }) => contract),
        answer.result.decisions,
      );
      assert.ok(answer.decisions.every((d) => d.explanation.length > 0));
      assert.deepEqual(answer.keepalive.map((e) => e.kind).slice(-2), ['director-gone', 'election']);
    });
  }

  it('asaLb/simulate names the failing director and the new election', async () => {
    const scenario = JSON.parse(readFileSync(join(scenarios, 'four-units-director-fails.json'), 'utf8'));
    const answer = await client.request<SimulateResult>('asaLb/simulate', { scenario });
    assert.ok(answer.ok);
    assert.deepEqual(answer.elections, [
      'At the start: dc1-asa1 has the highest priority (9).',
      'When director dc1-asa1 fails after 3 new sessions, dc1-asa3 is elected: dc1-asa3 has the lowest public IP of the 2 units at priority 7. Assumption: Of units with the same priority the one with the lower IP address is elected; the chapter does not say which address, the product compares public addresses.',
    ]);
  });

  it('asaLb/simulate answers an invalid scenario with the field at fault', async () => {
    const scenario = JSON.parse(readFileSync(join(scenarios, 'unknown-director.json'), 'utf8'));
    assert.deepEqual(await client.request('asaLb/simulate', { scenario }), {
      ok: false,
      error: 'director: no member is named "asa3"',
    });
  });

  it("asaLb/parseShow reads a capture as 'asa-lb show' does", async () => {
    const file = join(shows, 'genie-show-vpn-lb-1.txt');
    const answer = await client.request<ParseShowResult>('asaLb/parseShow', { text: readFileSync(file, 'utf8') });
    assert.ok(answer.ok);
    assert.deepEqual(answer.value, cli('show', '--format', 'json', file));
    const refused = await client.request<ParseShowResult>('asaLb/parseShow', {
      text: readFileSync(join(shows, 'not-show-output.txt'), 'utf8'),
    });
    assert.equal(refused.ok, false);
  });

  it("asaLb/groupInfo gives a member's group, role and predicted director", async () => {
    const info = await client.request<GroupInfoResult>('asaLb/groupInfo', { uri: uri('site-b/asa3.conf') });
    assert.ok(info.inGroup);
    assert.equal(info.self, 'asa3');
    // asa3 listens on port 9024, the other two on 9023: it is split off the group, and says why.
    assert.equal(info.role, 'split off');
    assert.deepEqual(info.group.members.find((m) => m.name === 'asa3')!.split, [
      'uses port 9024, but 2 of 3 members use port 9023',
    ]);
    assert.equal(info.group.clusterIp, '192.0.2.100');
    assert.equal(info.group.predictedDirector, 'asa1');
    assert.deepEqual(
      info.group.members.map((m) => [m.name, m.uri, m.priority]),
      [
        ['asa1', uri('asa1.cfg'), 10],
        ['asa2', uri('asa2.cfg'), 9],
        ['asa3', uri('site-b/asa3.conf'), 8],
      ],
    );
  });

  it('puts a code lens on the vpn load-balancing line that opens the redirect preview', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', {
      textDocument: { uri: uri('asa1.cfg') },
    });
    assert.equal(lenses.length, 1);
    const [lens] = lenses;
    assert.equal(lens!.range.start.line, 20);
    assert.equal(lens!.command!.command, 'asaLb.showRedirectPreview');
    assert.deepEqual(lens!.command!.arguments, [uri('asa1.cfg')]);
    assert.match(lens!.command!.title, /192\.0\.2\.100.*3 members.*asa1.*predicted director/);
  });

  it('sends asaLb/groupsChanged when an edit changes a group', async () => {
    const asa3 = uri('site-b/asa3.conf');
    await client.open(asa3, readFileSync(join(dir, 'site-b/asa3.conf'), 'utf8'));
    const changed = client.waitForMessage('asaLb/groupsChanged');
    // asa3's priority 8 becomes 10, tying with asa1 for director.
    await client.edit(asa3, [
      { range: { start: { line: 21, character: 10 }, end: { line: 21, character: 11 } }, newText: '10' },
    ]);
    await changed;
    const info = await client.request<GroupInfoResult>('asaLb/groupInfo', { uri: asa3 });
    assert.ok(info.inGroup);
    assert.equal(info.group.members.find((m) => m.name === 'asa3')!.priority, 10);
    await client.close(asa3);
  });
});
