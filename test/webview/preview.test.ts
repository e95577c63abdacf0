// The redirect preview page in real headless Chromium, fed by a stand-in host that runs the real core: it renders
// the group, shows the same decisions as the core for the same scenarios, draws the placement chart and the
// keepalive figure, keeps hostile names as text, blocks injected scripts by policy, loads nothing from outside,
// keeps its state across a reload and follows live updates. Screenshots go to .artifacts/webview/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioJson } from '../../client/src/preview/messages';
import { ARTIFACTS, Harness, type PreviewPage } from './harness';
import type { ThemeName } from './themes';
import { FIXTURES, runScenario, StandInHost } from './standin-host';

let harness: Harness;
const CONTRAST_SCRIPT = readFileSync(join(import.meta.dirname, 'contrast.js'), 'utf8');

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  harness = await Harness.start();
});

after(async () => {
  await harness?.stop();
});

const GROUP = 'preview-group';
const uriOf = (folder: string, file: string): string => `file:///fixtures/${folder}/${file}`;

async function openGroup(
  options: Parameters<Harness['open']>[2] = {},
  host = StandInHost.fromFolder(GROUP),
): Promise<{ preview: PreviewPage; host: StandInHost }> {
  const preview = await harness.open(host, uriOf(GROUP, 'dc-vpn-1.cfg'), options);
  return { preview, host };
}

/** What every page must satisfy: only local requests, no dialog, no console error, no policy violation of its own. */
async function assertClean(preview: PreviewPage, { violationsExpected = false } = {}): Promise<void> {
  const outside = preview.requests.filter((url) => !url.startsWith(`${harness.origin}/`));
  assert.deepEqual(outside, [], 'the page requested something from outside the local server');
  assert.deepEqual(preview.dialogs, [], 'a dialog opened');
  // Chromium also reports each blocked action on the console; those are the expected ones in the policy test.
  const errors = preview.consoleErrors.filter(
    (e) => !(violationsExpected && /violates the following Content Security Policy directive/.test(e)),
  );
  assert.deepEqual(errors, [], 'the console reported errors');
  if (!violationsExpected)
    assert.deepEqual(await violations(preview), [], 'the page itself broke its content-security policy');
}

function violations(preview: PreviewPage): Promise<{ directive: string; blocked: string; sample: string }[]> {
  return preview.page.evaluate(
    () =>
      (window as unknown as { __cspViolations: { directive: string; blocked: string; sample: string }[] })
        .__cspViolations,
  );
}

// The fixture group, as the core reads it: dc-vpn-1 has vpn-sessiondb limits 250, dc-vpn-2 none (the default
// setting, 250, applies), dc-vpn-3 limits 100 and no priority (5 assumed). dc-vpn-1 is the predicted director.
const MEMBERS = [
  { name: 'dc-vpn-1', publicIp: '209.165.202.130', priority: 9, limit: 250 },
  { name: 'dc-vpn-2', publicIp: '209.165.202.131', priority: 7, limit: 250 },
  { name: 'dc-vpn-3', publicIp: '209.165.202.132', priority: 5, limit: 100 },
];

interface Edits {
  /** Input label → value, e.g. "dc-vpn-2 SSL active sessions": "12". */
  fill?: Record<string, string>;
  down?: string[];
  director?: string;
}

/** The scenario the page should send for these edits, written out independently of the page's own code. */
function expectedScenario(type: 'ssl' | 'ipsec', edits: Edits, connections = 1): ScenarioJson {
  const value = (label: string, fallback: number): number => Number(edits.fill?.[label] ?? fallback);
  const members = MEMBERS.map((m) => ({
    name: m.name,
    publicIp: m.publicIp,
    priority: m.priority,
    up: !(edits.down ?? []).includes(m.name),
    ssl: {
      active: value(`${m.name} SSL active sessions`, 0),
      limit: value(`${m.name} SSL session limit`, m.limit),
      inactive: value(`${m.name} SSL inactive sessions`, 0),
    },
    ipsec: {
      active: value(`${m.name} IPsec active sessions`, 0),
      limit: value(`${m.name} IPsec session limit`, m.limit),
    },
  }));
  const chosen = edits.director ?? 'dc-vpn-1';
  const director = members.find((m) => m.name === chosen && m.up) ? chosen : undefined;
  return { type, connections, members, ...(director ? { director } : {}) };
}

async function applyEdits(preview: PreviewPage, edits: Edits): Promise<void> {
  const { page } = preview;
  for (const [label, value] of Object.entries(edits.fill ?? {}))
    await preview.settle(() => page.getByLabel(label, { exact: true }).fill(value));
  for (const name of edits.down ?? [])
    await preview.settle(() => page.getByLabel(`${name} is up`, { exact: true }).uncheck());
  if (edits.director) await preview.settle(() => page.selectOption('#director', edits.director!));
}

async function card(
  preview: PreviewPage,
  type: 'ssl' | 'ipsec',
): Promise<{ target: string; rule: string | null; explanation: string }> {
  const root = preview.page.locator(`.card[data-type="${type}"]`);
  return {
    target: (await root.locator('.target').textContent())?.trim() ?? '',
    rule: await root.locator('.rule-badge').getAttribute('data-rule'),
    explanation: (await root.locator('.explanation').textContent()) ?? '',
  };
}

const NEXT_SESSION_CASES: { name: string; edits: Edits }[] = [
  { name: 'an idle group', edits: {} },
  {
    name: 'the director busier than the others',
    edits: {
      fill: {
        'dc-vpn-1 SSL active sessions': '40',
        'dc-vpn-1 IPsec active sessions': '25',
        'dc-vpn-2 SSL active sessions': '10',
      },
    },
  },
  {
    name: 'a director 1 % below everyone',
    edits: {
      fill: {
        'dc-vpn-2 SSL active sessions': '5',
        'dc-vpn-3 SSL active sessions': '2',
        'dc-vpn-2 IPsec active sessions': '3',
        'dc-vpn-3 IPsec active sessions': '2',
      },
    },
  },
  {
    name: 'the predicted director down',
    edits: { down: ['dc-vpn-1'], fill: { 'dc-vpn-2 SSL active sessions': '30' } },
  },
  {
    name: 'another director chosen and a member without IPsec',
    edits: { director: 'dc-vpn-3', fill: { 'dc-vpn-2 IPsec session limit': '0', 'dc-vpn-3 SSL active sessions': '1' } },
  },
  {
    name: 'every member full',
    edits: {
      fill: {
        'dc-vpn-1 SSL active sessions': '250',
        'dc-vpn-2 SSL active sessions': '250',
        'dc-vpn-3 SSL active sessions': '100',
      },
    },
  },
  {
    name: 'inactive sessions at the limit',
    edits: {
      fill: {
        'dc-vpn-3 SSL inactive sessions': '100',
        'dc-vpn-1 SSL active sessions': '5',
        'dc-vpn-2 SSL active sessions': '5',
      },
    },
  },
];

describe('the redirect preview page', () => {
  test('renders the group: members, addresses, assumed priority, limit sources and the predicted director', async () => {
    const { preview } = await openGroup();
    const { page } = preview;
    assert.equal(await page.locator('#title').textContent(), 'Redirect preview: group 209.165.202.140');
    const rows = page.locator('#members-overview tbody tr');
    assert.equal(await rows.count(), 3);
    assert.deepEqual(await page.locator('#members tbody th button').allTextContents(), [
      'dc-vpn-1',
      'dc-vpn-2',
      'dc-vpn-3',
    ]);
    assert.deepEqual(
      await page.locator('#members td.address').allTextContents(),
      MEMBERS.map((m) => m.publicIp),
    );
    assert.match((await rows.nth(2).locator('td').nth(1).textContent()) ?? '', /5 assumed/);
    // The IPsec table, then the SSL table: dc-vpn-2 has no vpn-sessiondb limits.
    assert.deepEqual(await page.locator('#members .source').allTextContents(), [
      'config',
      'default',
      'config',
      'config',
      'default',
      'config',
    ]);
    assert.deepEqual(
      (await page.locator('#members-ipsec tbody th').allInnerTexts()).map((t) => t.trim()),
      ['dc-vpn-1', 'dc-vpn-2', 'dc-vpn-3'],
    );
    assert.equal(await page.locator('#director option').first().textContent(), 'Predicted: dc-vpn-1');
    assert.match((await rows.nth(0).locator('td').nth(2).textContent()) ?? '', /director/);
    await page.screenshot({ path: join(ARTIFACTS, 'preview-idle.png'), fullPage: true });
    await assertClean(preview);
    await preview.close();
  });

  for (const c of NEXT_SESSION_CASES) {
    test(`the next IPsec and SSL sessions shown equal the core's decision: ${c.name}`, async () => {
      const { preview, host } = await openGroup();
      await applyEdits(preview, c.edits);
      for (const type of ['ipsec', 'ssl'] as const) {
        const scenario = expectedScenario(type, c.edits);
        // The page built the same scenario from its fields…
        const sent = host.scenarios
          .filter((s) => (s as ScenarioJson).connections === 1 && (s as ScenarioJson).type === type)
          .at(-1);
        assert.deepEqual(sent, scenario);
        // …and shows the core's answer for it.
        const core = runScenario(scenario);
        assert.ok(core.ok, core.ok ? '' : core.error);
        const decision = core.decisions[0]!;
        const shown = await card(preview, type);
        assert.equal(shown.target, decision.target ?? 'Refused');
        assert.equal(shown.rule, decision.rule);
        assert.equal(shown.explanation, `${decision.explanation}.`);
      }
      await assertClean(preview);
      await preview.close();
    });
  }

  test('placing N sessions draws one line per member and lists every decision as the core made it', async () => {
    const { preview } = await openGroup();
    const { page } = preview;
    await page.fill('#place-count', '30');
    await preview.settle(() => page.click('#place-run'));
    assert.equal(await page.locator('#chart svg.chart path.series').count(), 3);
    assert.deepEqual(await page.locator('#chart .legend li > span:not(.muted)').allTextContents(), [
      'dc-vpn-1',
      'dc-vpn-2',
      'dc-vpn-3',
    ]);
    const core = runScenario({ ...expectedScenario('ssl', {}, 30), director: 'dc-vpn-1' });
    assert.ok(core.ok);
    const targets = await page
      .locator('#steps .step-target')
      .evaluateAll((spans) => spans.map((s) => (s.querySelector('.target-name') ?? s).textContent));
    assert.deepEqual(
      targets,
      core.decisions.map((d) => d.target ?? 'refused'),
    );
    assert.deepEqual(
      await page.locator('#steps .step-text').allTextContents(),
      core.decisions.map((d) => d.explanation),
    );
    // The chart ends where the core's run ends.
    const legend = await page.locator('#chart .legend li > span.muted').allTextContents();
    assert.deepEqual(
      legend.map((t) => Number(/(\d+)$/.exec(t)?.[1])),
      Object.values(core.result.final).map((f) => f.active),
    );
    await assertClean(preview);
    await preview.close();
  });

  test('failing the director shows the election, the reconnects and the keepalive timeline', async () => {
    const { preview } = await openGroup();
    const { page } = preview;
    const edits: Edits = { fill: { 'dc-vpn-1 SSL active sessions': '6', 'dc-vpn-2 SSL active sessions': '4' } };
    await applyEdits(preview, edits);
    await preview.settle(() => page.selectOption('#fail-member', '@director'));
    await page.fill('#place-count', '20');
    await page.fill('#fail-before', '8');
    await preview.settle(() => page.click('#place-run'));
    const core = runScenario({
      ...expectedScenario('ssl', edits, 20),
      director: 'dc-vpn-1',
      events: [{ before: 8, fail: 'dc-vpn-1' }],
    });
    assert.ok(core.ok);
    const newDirector = core.decisions.find((d) => d.director !== undefined)?.director;
    assert.ok(newDirector, 'the core elects a new director');
    assert.equal(await page.locator('#failure').isVisible(), true);
    assert.equal(await page.locator('#failure-heading').textContent(), 'The director fails');
    const facts = (await page.locator('#failure-facts').textContent()) ?? '';
    assert.match(facts, new RegExp(`elect ${newDirector} as the new director`));
    // The page's fact and the server's election sentence count the failure the same way.
    assert.match(facts, /dc-vpn-1 fails after 8 new sessions; it was the director\./);
    assert.match(facts, new RegExp(`When director dc-vpn-1 fails after 8 new sessions, ${newDirector} is elected: `));
    assert.doesNotMatch(facts, /before session/);
    // Each decision the director passes on says against whom it is not 1 % lower, never "below it" at the same load.
    const steps = await page.locator('#steps .step-text').allTextContents();
    assert.ok(
      steps.some((t) =>
        /director dc-vpn-1 passes it on: at \d+ % it is not at least 1 % below dc-vpn-\d at \d+ %/.test(t),
      ),
      steps.join('\n'),
    );
    assert.ok(
      steps.every((t) => !/below it$/.test(t)),
      steps.join('\n'),
    );
    assert.equal(
      await page.locator('#steps .badge.reconnect').count(),
      core.decisions.filter((d) => d.reconnect).length,
    );
    // Every session the director held reconnects: its 6 at the start and those it kept from the first 8.
    assert.equal(
      await page.locator('#steps .badge.reconnect').count(),
      6 + core.decisions.slice(0, 8).filter((d) => d.target === 'dc-vpn-1').length,
    );
    // Five retries, the director declared gone, an election; the list says the same in words.
    assert.equal(await page.locator('#keepalive svg.keepalive .ka-retry').count(), 5);
    assert.equal(await page.locator('#keepalive svg.keepalive .ka-election').count(), 1);
    assert.deepEqual(
      await page.locator('#keepalive-steps li .ka-time').allTextContents(),
      core.keepalive.map((e) => `t = ${e.t} s`),
    );
    assert.equal(await page.locator('#chart .failure-line').count(), 1);
    await page.locator('#failure').screenshot({ path: join(ARTIFACTS, 'failure.png') });
    await page.screenshot({ path: join(ARTIFACTS, 'failure-page.png'), fullPage: true });
    await assertClean(preview);
    await preview.close();
  });

  test('the decisions can be stepped through with the keyboard', async () => {
    const { preview } = await openGroup();
    const { page } = preview;
    await page.focus('#steps');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('#step-position').textContent(), 'Decision 3 of 20');
    assert.match((await page.locator('#steps li[aria-selected="true"] .step-index').textContent()) ?? '', /^#3\b/);
    await page.keyboard.press('End');
    assert.equal(await page.locator('#step-position').textContent(), 'Decision 20 of 20');
    await page.keyboard.press('Home');
    assert.equal(await page.locator('#step-position').textContent(), 'Decision 1 of 20');
    // Every control is reachable with Tab and has a name.
    const unnamed = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('input, select, button, textarea'))
        .filter(
          (e) =>
            !e.hidden &&
            !(e as HTMLInputElement).labels?.length &&
            !e.getAttribute('aria-label') &&
            !e.textContent?.trim(),
        )
        .map((e) => e.outerHTML),
    );
    assert.deepEqual(unnamed, []);
    await assertClean(preview);
    await preview.close();
  });

  test('importing show vpn load-balancing output fills sessions and limits by address and sets the director', async () => {
    const { preview } = await openGroup();
    const { page } = preview;
    const text = readFileSync(join(FIXTURES, GROUP, 'show-vpn-lb.txt'), 'utf8');
    await page.fill('#show-text', text);
    await preview.settle(() => page.click('#show-import'));
    const value = (label: string): Promise<string> => page.getByLabel(label, { exact: true }).inputValue();
    assert.equal(await value('dc-vpn-1 SSL active sessions'), '40');
    assert.equal(await value('dc-vpn-2 SSL session limit'), '500');
    assert.equal(await value('dc-vpn-3 IPsec active sessions'), '3');
    assert.equal(await page.locator('#director').inputValue(), 'dc-vpn-2');
    const report = (await page.locator('#import-result').textContent()) ?? '';
    assert.match(
      report,
      /Imported from the pasted text: dc-vpn-1 \(209\.165\.202\.130\), dc-vpn-2 \(209\.165\.202\.131\), dc-vpn-3 \(209\.165\.202\.132\)/,
    );
    assert.match(report, /Not members of this group: 203\.0\.113\.77/);
    assert.match(report, /marks dc-vpn-2 as director/);
    // The next SSL session follows the imported numbers, as the core decides.
    const core = runScenario({
      ...expectedScenario('ssl', {
        fill: {
          'dc-vpn-1 SSL active sessions': '40',
          'dc-vpn-2 SSL active sessions': '120',
          'dc-vpn-2 SSL session limit': '500',
          'dc-vpn-3 SSL active sessions': '30',
        },
      }),
      director: 'dc-vpn-2',
    });
    assert.ok(core.ok);
    assert.equal((await card(preview, 'ssl')).target, core.decisions[0]!.target);

    // The state survives a reload, as VS Code keeps setState.
    await page.reload();
    await page.waitForFunction(() => document.getElementById('app')?.dataset['runs'] !== undefined);
    assert.equal(await value('dc-vpn-1 SSL active sessions'), '40');
    assert.equal(await page.locator('#director').inputValue(), 'dc-vpn-2');
    assert.equal(await page.locator('#show-text').inputValue(), text);
    await assertClean(preview);
    await preview.close();
  });

  test("a member on another cluster port is shown split off, in the diagnostic's words, and takes no part in the decisions or the election", async () => {
    const host = StandInHost.fromFolder('split-group');
    const preview = await harness.open(host, uriOf('split-group', 'dc-vpn-1.cfg'));
    const { page } = preview;
    // dc-vpn-3 has the highest priority (10) but listens on port 4444: the other two elect dc-vpn-1.
    const split = (await page.locator('#split').textContent()) ?? '';
    assert.equal(await page.locator('#split').isVisible(), true);
    const words = 'dc-vpn-3 uses port 4444, but 2 of 3 members use port 9023';
    assert.match(
      split,
      new RegExp(
        `^The group splits: ${words}\\. It cannot talk to the director, so the decisions, the election and the failure below use only dc-vpn-1 and dc-vpn-2\\.$`,
      ),
    );
    const problem = host.workspace
      .diagnostics(uriOf('split-group', 'dc-vpn-3.cfg'))!
      .find((d) => d.code === 'group-setting-mismatch')!;
    assert.match(
      problem.message,
      /uses cluster port 4444, but 2 of 3 members use port 9023\./,
      'the Problems panel says the same',
    );
    assert.match((await page.locator('#subtitle').textContent()) ?? '', /port 9023/);
    const row = page.locator('#members tbody tr', { has: page.getByRole('button', { name: 'dc-vpn-3', exact: true }) });
    assert.equal((await row.locator('td').nth(2).textContent())?.trim(), 'split off');
    assert.deepEqual(await page.locator('#director option').allTextContents(), [
      'Predicted: dc-vpn-1',
      'dc-vpn-1',
      'dc-vpn-2',
    ]);
    // Fail the director: the election is among the two that can talk, never dc-vpn-3.
    await preview.settle(() => page.selectOption('#fail-member', '@director'));
    await page.fill('#place-count', '10');
    await page.fill('#fail-before', '2');
    await preview.settle(() => page.click('#place-run'));
    const facts = (await page.locator('#failure-facts').textContent()) ?? '';
    assert.match(facts, /elect dc-vpn-2 as the new director/);
    const targets = await page.locator('#steps .step-target').allTextContents();
    assert.ok(targets.length > 0 && targets.every((t) => !t.includes('dc-vpn-3')), targets.join(', '));
    assert.ok(
      host.scenarios.every((sc) => !JSON.stringify(sc).includes('dc-vpn-3')),
      'no scenario sent to the server includes the split member',
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, 'split-group.png') });
    await assertClean(preview);
    await preview.close();
  });

  test("an older-layout capture starts each member at the capture's own load, not one recomputed from the configured limit", async () => {
    const { preview } = await openGroup();
    const { page } = preview;
    await page.fill('#show-text', readFileSync(join(FIXTURES, GROUP, 'show-vpn-lb-older.txt'), 'utf8'));
    await preview.settle(() => page.click('#show-import'));
    const value = (label: string): Promise<string> => page.getByLabel(label, { exact: true }).inputValue();
    assert.equal(await value('dc-vpn-1 IPsec active sessions'), '216');
    // 216 of the configured 250 would be 86 %; the capture says 4 %, and so does the table.
    // Loads stand in the per-type tables, whose rows name the member in their header cell.
    const loadIn = async (table: string): Promise<string> =>
      (await page
        .locator(`#${table} tbody tr`, { has: page.locator('th', { hasText: 'dc-vpn-1' }) })
        .locator('.load')
        .textContent()) ?? '';
    assert.deepEqual([await loadIn('members-ipsec'), await loadIn('members-ssl')], ['4 %', '2 %']);
    assert.equal(await value('dc-vpn-1 IPsec session limit'), '5400');
    const report = (await page.locator('#import-result').textContent()) ?? '';
    assert.match(
      report,
      /limits were set that give the loads it prints: dc-vpn-1 IPsec 5400 \(for 4 %\), dc-vpn-1 SSL 5000 \(for 2 %\)/,
    );
    assert.equal(await page.locator('#import-notice').isVisible(), false);
    await page.locator('#members-section').screenshot({ path: join(ARTIFACTS, 'import-older-layout.png') });
    await assertClean(preview);
    await preview.close();
  });

  test('a capture of another cluster says so at the top of the page and in a notification, with both cluster addresses', async () => {
    const { preview, host } = await openGroup();
    const { page } = preview;
    // The chapter's own example: the cluster 192.168.1.100, not this group's 209.165.202.140.
    const seed = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'show', 'seed-older-layout.txt'), 'utf8');
    await page.fill('#show-text', seed);
    await preview.settle(() => page.click('#show-import'));
    const notice = page.locator('#import-notice');
    assert.equal(await notice.isVisible(), true);
    const text = (await notice.textContent()) ?? '';
    assert.match(
      text,
      /^Nothing imported from the pasted text: it shows the cluster at 192\.168\.1\.100 \(peers 192\.168\.1\.9, 192\.168\.1\.19\), but this group's virtual address is 209\.165\.202\.140/,
    );
    // Above the members, where the page starts, and the same words in the notification the host shows.
    const box = await notice.boundingBox();
    const members = await page.locator('#members-section').boundingBox();
    assert.ok(box && members && box.y < members.y, 'the notice is at the top of the page');
    assert.deepEqual(host.notifications, [text]);
    assert.equal(
      await page.getByLabel('dc-vpn-1 IPsec active sessions', { exact: true }).inputValue(),
      '0',
      'nothing was imported',
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, 'import-other-cluster.png') });
    await assertClean(preview);
    await preview.close();
  });

  test('a group change from the server updates the page live and keeps the edits', async () => {
    const { preview, host } = await openGroup();
    const { page } = preview;
    await preview.settle(() => page.getByLabel('dc-vpn-2 SSL active sessions', { exact: true }).fill('17'));
    const uri3 = uriOf(GROUP, 'dc-vpn-3.cfg');
    const text = readFileSync(join(FIXTURES, GROUP, 'dc-vpn-3.cfg'), 'utf8').replace(
      'vpn load-balancing\n',
      'vpn load-balancing\n priority 10\n',
    );
    host.workspace.set(uri3, text);
    await preview.settle(() => preview.push(host.groupMessage(uriOf(GROUP, 'dc-vpn-1.cfg'))));
    assert.equal(await page.locator('#director option').first().textContent(), 'Predicted: dc-vpn-3');
    assert.doesNotMatch(
      (await page.locator('#members tbody tr').nth(2).locator('td').nth(1).textContent()) ?? '',
      /assumed/,
    );
    assert.equal(await page.getByLabel('dc-vpn-2 SSL active sessions', { exact: true }).inputValue(), '17');
    // A field being typed in keeps what is typed when an update arrives, even an unfinished (empty) value.
    const typing = page.getByLabel('dc-vpn-3 IPsec session limit', { exact: true });
    await typing.fill('');
    await preview.settle(() => preview.push(host.groupMessage(uriOf(GROUP, 'dc-vpn-1.cfg'))));
    assert.equal(await typing.inputValue(), '');
    assert.equal(await typing.getAttribute('aria-invalid'), 'true');
    // The next session now comes from the new predicted director, as the core decides.
    const base = expectedScenario('ssl', { fill: { 'dc-vpn-2 SSL active sessions': '17' } });
    const core = runScenario({
      ...base,
      director: 'dc-vpn-3',
      members: base.members.map((m) => (m.name === 'dc-vpn-3' ? { ...m, priority: 10 } : m)),
    });
    assert.ok(core.ok);
    assert.deepEqual(await card(preview, 'ssl'), {
      target: core.decisions[0]!.target!,
      rule: core.decisions[0]!.rule,
      explanation: `${core.decisions[0]!.explanation}.`,
    });
    await assertClean(preview);
    await preview.close();
  });

  test('a file outside any group says why', async () => {
    const host = new StandInHost({
      'file:///fixtures/lone.cfg': 'hostname lone\ninterface GigabitEthernet0/0\n nameif outside\n',
    });
    const preview = await harness.open(host, 'file:///fixtures/lone.cfg');
    assert.match(
      (await preview.page.locator('#notice').textContent()) ?? '',
      /^lone\.cfg is not in a VPN load-balancing group: /,
    );
    assert.equal(await preview.page.locator('#members-section').isVisible(), false);
    await assertClean(preview);
    await preview.close();
  });

  const HOSTILE: { name: string; host: () => StandInHost; names: string[] }[] = [
    {
      name: 'hostnames from the configs',
      host: () => StandInHost.fromFolder('hostile-group'),
      names: ['<img/src=x/onerror=alert(1)>', '<script>document.title="pwned"</script>'],
    },
    {
      name: 'names with spaces, as a server could report them',
      host: () =>
        StandInHost.fromFolder('hostile-group', {
          rename: {
            '<img/src=x/onerror=alert(1)>': '<img src=x onerror=alert(1)>',
            '<script>document.title="pwned"</script>': '<script>alert(2)</script>',
          },
        }),
      names: ['<img src=x onerror=alert(1)>', '<script>alert(2)</script>'],
    },
  ];

  for (const h of HOSTILE) {
    test(`hostile member names are shown as text and run nothing: ${h.name}`, async () => {
      const host = h.host();
      const preview = await harness.open(host, host.uris[0]!);
      const { page } = preview;
      assert.deepEqual(await page.locator('#members tbody th button').allTextContents(), h.names);
      assert.equal((await card(preview, 'ssl')).target, h.names[1]);
      const counts = await page.evaluate(() => ({
        images: document.images.length,
        scripts: document.scripts.length,
        title: document.title,
      }));
      assert.deepEqual(counts, { images: 0, scripts: 1, title: 'Redirect preview' });
      assert.ok(((await page.locator('#steps').textContent()) ?? '').includes(h.names[0]!));
      await page.screenshot({ path: join(ARTIFACTS, `hostile-${HOSTILE.indexOf(h) + 1}.png`), fullPage: true });
      await assertClean(preview);
      await preview.close();
    });
  }

  test('the content-security policy blocks an injected inline script, event handler and style attribute', async () => {
    const { preview } = await openGroup();
    const { page } = preview;
    await assertClean(preview);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = "script ran"';
      document.body.append(script);
      const button = document.createElement('button');
      button.setAttribute('onclick', 'window.__injected = "handler ran"');
      document.body.append(button);
      button.click();
      const styled = document.createElement('div');
      styled.setAttribute('style', 'color: red');
      document.body.append(styled);
    });
    await page.waitForFunction(() => (window as unknown as { __cspViolations: unknown[] }).__cspViolations.length >= 3);
    const seen = (await violations(preview)).map((v) => v.directive).sort();
    assert.deepEqual(seen, ['script-src-attr', 'script-src-elem', 'style-src-attr']);
    assert.equal(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected), undefined);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(
      policy ?? '',
      /^default-src 'none'; script-src 'nonce-[A-Za-z0-9+/=]{24}'; style-src http:\/\/127\.0\.0\.1:\d+ 'nonce-[A-Za-z0-9+/=]{24}'; img-src http:\/\/127\.0\.0\.1:\d+ data:;$/,
    );
    await assertClean(preview, { violationsExpected: true });
    await preview.close();
  });

  test('each load gets a new nonce', async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const { preview } = await openGroup();
      nonces.add((await preview.page.locator('script[src$="webview.js"]').getAttribute('nonce')) ?? '');
      await preview.close();
    }
    assert.equal(nonces.size, 3);
  });

  // WCAG 2 contrast for every visible text, the failure section included: AA (4.5) in the usual themes, AAA (7) in
  // high contrast, where readers depend on it.
  const THEME_CASES: { theme: ThemeName; minimum: number; background: string }[] = [
    { theme: 'dark', minimum: 4.5, background: 'rgb(31, 31, 31)' },
    { theme: 'light', minimum: 4.5, background: 'rgb(255, 255, 255)' },
    { theme: 'high-contrast', minimum: 7, background: 'rgb(0, 0, 0)' },
    { theme: 'high-contrast-light', minimum: 7, background: 'rgb(255, 255, 255)' },
  ];
  const CONTRAST_BORDERS: Partial<Record<ThemeName, string>> = {
    'high-contrast': 'rgb(111, 195, 223)',
    'high-contrast-light': 'rgb(15, 74, 133)',
  };

  for (const c of THEME_CASES) {
    test(`${c.theme} theme: colours come from the theme and every text has a contrast of at least ${c.minimum}`, async () => {
      const { preview } = await openGroup({ theme: c.theme });
      const { page } = preview;
      await preview.settle(() => page.selectOption('#fail-member', '@director'));
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), c.background);
      const lowest = (await page.evaluate(CONTRAST_SCRIPT)) as { text: string; ratio: number }[];
      assert.ok(lowest.length > 0);
      assert.deepEqual(
        lowest.filter((t) => t.ratio < c.minimum),
        [],
        `text below ${c.minimum}:1`,
      );
      const contrastBorder = CONTRAST_BORDERS[c.theme];
      if (contrastBorder) {
        // Surfaces that other themes tell apart by background get the theme's contrast border.
        const border = await page.evaluate(() => {
          const card = getComputedStyle(document.querySelector('.card')!);
          return `${card.borderTopStyle} ${card.borderTopColor}`;
        });
        assert.equal(border, `solid ${contrastBorder}`);
      }
      await page.screenshot({ path: join(ARTIFACTS, `preview-${c.theme}.png`), fullPage: true });
      await assertClean(preview);
      await preview.close();
    });
  }

  test('a busy group after an import, then its director failing (the screenshots for the README)', async () => {
    const { preview } = await openGroup({ width: 1100 });
    const { page } = preview;
    await page.fill('#show-text', readFileSync(join(FIXTURES, GROUP, 'show-vpn-lb.txt'), 'utf8'));
    await preview.settle(() => page.click('#show-import'));
    await page.fill('#place-count', '60');
    await preview.settle(() => page.click('#place-run'));
    assert.equal(await page.locator('#steps li').count(), 60);
    // The top of the page, down to the chart's legend: what a reader needs to see at a glance.
    await page.evaluate(() => window.scrollTo(0, 0));
    const chart = await page.locator('#chart-figure').boundingBox();
    assert.ok(chart);
    await page.screenshot({
      path: join(ARTIFACTS, 'preview.png'),
      fullPage: true,
      clip: { x: 0, y: 0, width: 1100, height: Math.ceil(chart.y + chart.height) },
    });

    await preview.settle(() => page.selectOption('#fail-member', '@director'));
    await page.fill('#fail-before', '30');
    await preview.settle(() => page.click('#place-run'));
    assert.equal(await page.locator('#failure-heading').textContent(), 'The director fails');
    assert.equal(await page.locator('#keepalive svg.keepalive').isVisible(), true);
    await page.locator('#place-section').screenshot({ path: join(ARTIFACTS, 'preview-failure.png') });
    await assertClean(preview);
    await preview.close();
  });

  test('only the page, its script and its stylesheet were served', () => {
    // Chromium asks for /favicon.ico on its own (VS Code's webviews do not); the server answers it with no content.
    const paths = new Set(harness.served.filter((p) => p !== '/favicon.ico'));
    assert.deepEqual([...paths].sort(), ['/', '/dist/webview.js', '/media/preview.css']);
  });
});
