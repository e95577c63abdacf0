// The preview page used without a mouse or without sight, in real Chromium, checked against Chromium's own
// accessibility tree: a keyboard walk (order, visible focus), the decisions read one by one, the invalid-input
// message, a live region that speaks only when the next session changes, the chart's text and table alternatives,
// the Place form's names, high contrast, a member marked down, and the 600 px split.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ScenarioJson } from '../../client/src/preview/messages';
import { ruleWords } from '../../client/src/preview/rule-words';
import { ARTIFACTS, Harness, type PreviewPage } from './harness';
import { THEMES, type ThemeName } from './themes';
import { runScenario, StandInHost } from './standin-host';
import { enterState } from './audit';
import { axOf, axOfSelector } from './ax-tree';

let harness: Harness;
const CONTRAST_SCRIPT = readFileSync(join(import.meta.dirname, 'contrast.js'), 'utf8');

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  harness = await Harness.start();
});

after(async () => {
  await harness?.stop();
});

function open(
  options: { theme?: ThemeName; width?: number } = {},
  host = StandInHost.fromFolder('preview-group'),
): Promise<PreviewPage> {
  return harness.open(host, 'file:///fixtures/preview-group/dc-vpn-1.cfg', options);
}

/** The fixture group as scenario members (see preview.test.ts): limits 250, 250 (the default) and 100. */
function members(active: Record<string, number> = {}): ScenarioJson['members'] {
  return [
    { name: 'dc-vpn-1', publicIp: '209.165.202.130', priority: 9, limit: 250 },
    { name: 'dc-vpn-2', publicIp: '209.165.202.131', priority: 7, limit: 250 },
    { name: 'dc-vpn-3', publicIp: '209.165.202.132', priority: 5, limit: 100 },
  ].map((m) => ({
    name: m.name,
    publicIp: m.publicIp,
    priority: m.priority,
    up: true,
    ssl: { active: active[m.name] ?? 0, limit: m.limit, inactive: 0 },
    ipsec: { active: 0, limit: m.limit },
  }));
}

/** Whether the focused element shows a focus indicator: an outline of at least 1 px, in a colour, not `none`. */
function focusShown(page: Page): Promise<{ shown: boolean; inView: boolean; what: string }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const style = getComputedStyle(element);
    const rect = element.getBoundingClientRect();
    const shown =
      style.outlineStyle !== 'none' &&
      parseFloat(style.outlineWidth) >= 1 &&
      !/rgba\(.*, 0\)$/.test(style.outlineColor);
    const inView = rect.bottom > 0 && rect.top < innerHeight && rect.right > 0 && rect.left < innerWidth;
    return { shown, inView, what: `${element.tagName.toLowerCase()}#${element.id}` };
  });
}

/** Counts what each live region of the page announces from now on: every change of its text. */
async function watchLiveRegions(page: Page): Promise<() => Promise<Record<string, string[]>>> {
  await page.evaluate(() => {
    const said: Record<string, string[]> = {};
    (window as unknown as { __said: typeof said }).__said = said;
    const regions = document.querySelectorAll('[aria-live], [role="status"], [role="alert"], [role="log"]');
    regions.forEach((region, i) => {
      const key = region.id || `region-${i}`;
      said[key] = [];
      let last = region.textContent ?? '';
      new MutationObserver(() => {
        const text = region.textContent ?? '';
        // A region re-filled with the same text is announced again, so every rewrite counts.
        said[key]!.push(text);
        last = text;
      }).observe(region, { childList: true, subtree: true, characterData: true });
      void last;
    });
  });
  return () => page.evaluate(() => (window as unknown as { __said: Record<string, string[]> }).__said);
}

describe('the redirect preview without a mouse or without sight', () => {
  test('a keyboard walk reaches every control in reading order, each with a visible focus and a name', async () => {
    const preview = await open({ width: 1400 });
    const { page } = preview;
    await enterState(preview, 'director failing');
    // Start from the top of the page, as a user arriving in the view does.
    await page.click('#title');
    const names = ['dc-vpn-1', 'dc-vpn-2', 'dc-vpn-3'];
    const caption = (await page.locator('#chart-caption').textContent()) ?? '';
    const expected = [
      'combobox Current director',
      ...names.flatMap((n) => [`button ${n}`, `checkbox ${n} is up`]),
      ...names.flatMap((n) => [`spinbutton ${n} IPsec active sessions`, `spinbutton ${n} IPsec session limit`]),
      ...names.flatMap((n) => [
        `spinbutton ${n} SSL active sessions`,
        `spinbutton ${n} SSL inactive sessions`,
        `spinbutton ${n} SSL session limit`,
      ]),
      'spinbutton New sessions',
      'combobox Session type',
      'combobox Member that fails',
      'spinbutton Fails after new sessions',
      'button Place sessions',
      `image ${caption}`,
      'button Show as table',
      'DisclosureTriangle The timeline in words',
      'button First',
      'button Previous decision',
      'button Next decision',
      'button Last',
      'listbox Decisions, one by one',
      'textbox show vpn load-balancing output',
      'button Import',
      'button Reset sessions',
    ];
    const walked: string[] = [];
    const unseen: string[] = [];
    for (let i = 0; i < expected.length; i++) {
      await page.keyboard.press('Tab');
      const ax = await axOf(page);
      walked.push(`${ax.role} ${ax.name}`);
      const focus = await focusShown(page);
      if (!focus.shown || !focus.inView) unseen.push(`${focus.what} shown=${focus.shown} inView=${focus.inView}`);
    }
    assert.deepEqual(walked, expected);
    assert.deepEqual(unseen, [], 'focused without a visible indicator in view');
    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => document.activeElement === document.body || document.activeElement === null),
      true,
      'the walk ends after the last control',
    );
    await preview.close();
  });

  test('moving through the decisions reads each decision, as the core made it', async () => {
    const preview = await open();
    const { page } = preview;
    await enterState(preview, 'director failing');
    const core = runScenario({
      type: 'ssl',
      connections: 30,
      members: members(),
      director: 'dc-vpn-1',
      events: [{ before: 12, fail: 'dc-vpn-1' }],
    });
    assert.ok(core.ok);
    await page.focus('#steps');
    const spoken = (decision: (typeof core.decisions)[number], i: number): string =>
      [
        `#${i + 1}: `,
        decision.reconnect ? 'reconnect, ' : '',
        decision.director !== undefined
          ? `${decision.director === null ? 'no director left' : `new director ${decision.director}`}, `
          : '',
        decision.target === null ? 'refused, ' : `to ${decision.target}, `,
        `${ruleWords(decision.rule)}. `,
        decision.explanation,
      ].join('');
    for (let i = 0; i < core.decisions.length; i++) {
      if (i > 0) await page.keyboard.press('ArrowDown');
      const listbox = await axOf(page);
      assert.equal(listbox.role, 'listbox');
      assert.equal(listbox.states['focused'], true);
      assert.ok(listbox.activeDescendant, `no active option at decision ${i + 1}`);
      assert.equal(listbox.activeDescendant.role, 'option');
      assert.equal(listbox.activeDescendant.states['selected'], true);
      assert.equal(listbox.activeDescendant.name, spoken(core.decisions[i]!, i));
    }
    await page.keyboard.press('Home');
    assert.equal((await axOf(page)).activeDescendant?.name, spoken(core.decisions[0]!, 0));
    await page.keyboard.press('PageDown');
    assert.equal((await axOf(page)).activeDescendant?.name, spoken(core.decisions[10]!, 10));
    // The buttons keep the focus on themselves: the decision they reach is said through the live region.
    await page.click('#step-next');
    assert.equal(
      await page.locator('#announce').textContent(),
      `Decision 12 of ${core.decisions.length}: ${spoken(core.decisions[11]!, 11).replace(/^#\d+: /, '')}`,
    );
    // The selected decision is marked by more than its colour: a bar at its start.
    assert.match(
      await page.locator('#steps li[aria-selected="true"]').evaluate((li) => getComputedStyle(li).boxShadow),
      /inset/,
    );
    await preview.close();
  });

  test('an invalid number of sessions is marked, explained, and the summary does not pass the last run off as current', async () => {
    const host = StandInHost.fromFolder('preview-group');
    const preview = await open({}, host);
    const { page } = preview;
    await page.fill('#place-count', '30');
    await preview.settle(() => page.click('#place-run'));
    const asked = (): number => host.scenarios.length;
    const summaryBefore = (await page.locator('#place-summary').textContent()) ?? '';
    assert.match(summaryBefore, /^30 new SSL sessions/);
    const requests = asked();
    await page.fill('#place-count', '0');
    await page.press('#place-count', 'Enter');
    const count = page.locator('#place-count');
    assert.equal(await count.getAttribute('aria-invalid'), 'true');
    // The field's border takes the theme's validation colour (Dark Modern: #be1100).
    assert.equal(await count.evaluate((e) => getComputedStyle(e).borderTopColor), 'rgb(190, 17, 0)');
    const message = page.locator('#place-count-error');
    assert.equal(await message.isVisible(), true);
    assert.equal(await message.textContent(), 'New sessions must be a whole number from 1 to 1000.');
    const ax = await axOfSelector(page, '#place-count');
    assert.equal(ax.states['invalid'], 'true');
    assert.equal(ax.description, 'New sessions must be a whole number from 1 to 1000.');
    const summary = (await page.locator('#place-summary').textContent()) ?? '';
    assert.match(
      summary,
      /^Not placed: New sessions must be a whole number from 1 to 1000\. Shown below is still the previous run: 30 new SSL sessions/,
    );
    assert.equal(
      await page.locator('#announce').textContent(),
      'Not placed: New sessions must be a whole number from 1 to 1000.',
    );
    assert.equal(asked(), requests, 'nothing was run for the invalid count');
    // An edit elsewhere runs the last valid placement again, and the summary still says the form was not used.
    await preview.settle(() => page.getByLabel('dc-vpn-2 SSL active sessions', { exact: true }).fill('4'));
    assert.match((await page.locator('#place-summary').textContent()) ?? '', /^Not placed: /);
    // Corrected, the run happens and the marks go.
    await page.fill('#place-count', '25');
    await preview.settle(() => page.press('#place-count', 'Enter'));
    assert.equal(await count.getAttribute('aria-invalid'), null);
    assert.equal(await message.isVisible(), false);
    assert.match((await page.locator('#place-summary').textContent()) ?? '', /^25 new SSL sessions/);
    assert.match((await page.locator('#announce').textContent()) ?? '', /^Placed: 25 new SSL sessions/);
    // "Fails after" beyond the count is explained the same way.
    await preview.settle(() => page.selectOption('#fail-member', '@director'));
    await page.fill('#fail-before', '40');
    await page.press('#fail-before', 'Enter');
    assert.equal(await page.locator('#fail-before').getAttribute('aria-invalid'), 'true');
    assert.equal(
      (await axOfSelector(page, '#fail-before')).description,
      'Fails after must be a whole number from 0 to 25, the number of new sessions.',
    );
    await preview.close();
  });

  test('a member count that is not a count is marked and explained, and the last count stays in use', async () => {
    const host = StandInHost.fromFolder('preview-group');
    const preview = await open({}, host);
    const { page } = preview;
    const field = page.getByLabel('dc-vpn-2 SSL active sessions', { exact: true });
    await preview.settle(() => field.fill('7'));
    const runs = host.scenarios.length;
    await field.fill('-3');
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    const message =
      'Each count is a whole number from 0 to 10,000,000; until corrected, the preview keeps the last count of dc-vpn-2 SSL active sessions.';
    assert.equal(await page.locator('#count-error').textContent(), message);
    assert.equal(await page.locator('#count-error').isVisible(), true);
    assert.equal((await axOfSelector(page, '#members-ssl input[aria-invalid="true"]')).description, message);
    assert.equal(host.scenarios.length, runs, 'nothing was run for the invalid count');
    await preview.settle(() => field.fill('8'));
    assert.equal(await field.getAttribute('aria-invalid'), null);
    assert.equal(await page.locator('#count-error').isVisible(), false);
    await preview.close();
  });

  test('typing a count announces the next session only when its member or rule changes', async () => {
    const preview = await open();
    const { page } = preview;
    const said = await watchLiveRegions(page);
    const field = page.getByLabel('dc-vpn-3 SSL active sessions', { exact: true });
    await field.fill('');
    // What the core decides after each keystroke of "125", and so how often the next SSL session changes.
    const typed = ['1', '12', '125'];
    const nextOf = (active: number): string => {
      const result = runScenario({
        type: 'ssl',
        connections: 1,
        members: members({ 'dc-vpn-3': active }),
        director: 'dc-vpn-1',
      });
      assert.ok(result.ok);
      return `Next SSL session: ${result.decisions[0]!.target}, ${ruleWords(result.decisions[0]!.rule)}.`;
    };
    const expected: string[] = [];
    let previous = nextOf(0);
    for (const text of typed) {
      const now = nextOf(Number(text));
      if (now !== previous) expected.push(now);
      previous = now;
    }
    await field.focus();
    for (const key of ['1', '2', '5']) await preview.settle(() => page.keyboard.press(key));
    const announced = await said();
    // Emptying the field changed nothing (an empty count is not run); three keystrokes, one change of rule.
    assert.ok(
      expected.length >= 1 && expected.length < typed.length,
      `the fixture should change the decision once: ${expected.join(' | ')}`,
    );
    assert.deepEqual(announced['announce'], expected);
    for (const [region, texts] of Object.entries(announced))
      if (region !== 'announce') assert.deepEqual(texts, [], `${region} announced while typing`);
    await preview.close();
  });

  test('the chart is focusable, named by its caption, described in words, and shown as a table on request', async () => {
    const preview = await open();
    const { page } = preview;
    await enterState(preview, 'director failing');
    const core = runScenario({
      type: 'ssl',
      connections: 30,
      members: members(),
      director: 'dc-vpn-1',
      events: [{ before: 12, fail: 'dc-vpn-1' }],
    });
    assert.ok(core.ok);
    await page.focus('#chart svg.chart');
    const chart = await axOf(page);
    assert.equal(chart.role, 'image');
    assert.equal(chart.name, await page.locator('#chart-caption').textContent());
    const final = core.result.final;
    for (const name of ['dc-vpn-2', 'dc-vpn-3'])
      assert.match(
        chart.description,
        new RegExp(`${name} from 0 to ${final[name]!.active}, at most ${final[name]!.active}`),
      );
    assert.match(chart.description, /dc-vpn-1 fails before decision 13\./);

    const toggle = page.locator('#chart-table-toggle');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('#chart-table-wrap').isVisible(), false);
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    const table = page.locator('#chart-table');
    assert.equal(await table.isVisible(), true);
    assert.deepEqual(await table.locator('thead th').allTextContents(), [
      'Decision',
      'Placed on',
      'dc-vpn-1',
      'dc-vpn-2',
      'dc-vpn-3',
    ]);
    // Counted here from the core's decisions: one more for each target, the failed member's sessions gone at the failure.
    const counts: Record<string, number> = { 'dc-vpn-1': 0, 'dc-vpn-2': 0, 'dc-vpn-3': 0 };
    const rows: string[][] = [['Start', '—', '0', '0', '0']];
    let fresh = 0;
    let failed = false;
    core.decisions.forEach((d, i) => {
      // The failure comes just before the 13th new session.
      const failsNow = !failed && fresh === 12;
      if (failsNow) {
        failed = true;
        counts['dc-vpn-1'] = 0;
      }
      if (d.target) counts[d.target]! += 1;
      if (!d.reconnect) fresh++;
      rows.push([
        `#${i + 1}${failsNow ? ', after dc-vpn-1 fails' : ''}`,
        `${d.target ?? 'refused'}${d.reconnect ? ' (reconnect)' : ''}`,
        ...Object.values(counts).map(String),
      ]);
    });
    const shown = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent ?? '')));
    assert.deepEqual(shown, rows);
    assert.deepEqual(
      rows.at(-1)!.slice(2).map(Number),
      Object.values(final).map((f) => f.active),
    );
    // A region that scrolls is reachable by keyboard and named by the table's caption.
    const region = await axOfSelector(page, '#chart-table-wrap');
    assert.equal(region.role, 'region');
    assert.equal(region.name, 'Active SSL sessions of each member after each decision');
    await toggle.click();
    assert.equal(await page.locator('#chart-table-wrap').isVisible(), false);
    await preview.close();
  });

  test('the Place form names each control for what it holds, the count field and the button apart', async () => {
    const preview = await open();
    const { page } = preview;
    const names: Record<string, string> = {};
    for (const id of ['place-count', 'place-type', 'fail-member', 'fail-before', 'place-run'])
      names[id] = (await axOfSelector(page, `#${id}`)).name;
    assert.deepEqual(names, {
      'place-count': 'New sessions',
      'place-type': 'Session type',
      'fail-member': 'Member that fails',
      'fail-before': 'Fails after new sessions',
      'place-run': 'Place sessions',
    });
    await preview.close();
  });

  test('a member marked down says so in words, in solid colours, in every table', async () => {
    const preview = await open();
    const { page } = preview;
    await enterState(preview, 'member down');
    const rows = page.locator('#members tbody tr', { hasText: 'dc-vpn-2' });
    assert.equal(await rows.count(), 3, 'one row in each table: members, IPsec, SSL');
    for (const row of await rows.all()) {
      assert.match(await row.locator('th').innerText(), /^dc-vpn-2\s+down$/);
      const faded = await row.evaluate(
        (tr) => [tr, ...tr.querySelectorAll('*')].filter((e) => Number(getComputedStyle(e).opacity) < 1).length,
      );
      assert.equal(faded, 0, 'faded elements');
    }
    for (const row of await page.locator('#members tbody tr', { hasText: 'dc-vpn-1' }).all())
      assert.match(await row.locator('th').innerText(), /^dc-vpn-1$/);
    const lowest = (await page.evaluate(CONTRAST_SCRIPT)) as { text: string; ratio: number }[];
    assert.deepEqual(
      lowest.filter((t) => t.ratio < 4.5),
      [],
    );
    await preview.close();
  });

  // The hovered buttons keep their own background (the theme's button colour, or the editor's where the theme sets
  // none); only the dashed active border marks the hover.
  const HIGH_CONTRAST: { theme: ThemeName; active: string; backgrounds: Record<string, string> }[] = [
    {
      theme: 'high-contrast',
      active: 'rgb(243, 133, 24)',
      backgrounds: { 'place-run': 'rgb(0, 0, 0)', 'show-import': 'rgb(0, 0, 0)', 'step-next': 'rgb(0, 0, 0)' },
    },
    {
      theme: 'high-contrast-light',
      active: 'rgb(0, 107, 189)',
      backgrounds: {
        'place-run': 'rgb(15, 74, 133)',
        'show-import': 'rgb(15, 74, 133)',
        'step-next': 'rgb(255, 255, 255)',
      },
    },
  ];

  for (const c of HIGH_CONTRAST) {
    test(`${c.theme}: the theme's borders mark hover and selection, with no fallback colour behind the text`, async () => {
      const preview = await open({ theme: c.theme });
      const { page } = preview;
      await enterState(preview, '100 placed');
      assert.ok(THEMES[c.theme].variables['--vscode-contrastActiveBorder']);
      for (const [id, background] of Object.entries(c.backgrounds)) {
        await page.hover(`#${id}`);
        const style = await page.locator(`#${id}`).evaluate((b) => {
          const s = getComputedStyle(b);
          return { outline: `${s.outlineStyle} ${s.outlineColor}`, background: s.backgroundColor };
        });
        assert.deepEqual(style, { outline: `dashed ${c.active}`, background }, id);
        const lowest = (await page.evaluate(CONTRAST_SCRIPT)) as { text: string; ratio: number }[];
        assert.deepEqual(
          lowest.filter((t) => t.ratio < 7),
          [],
          `text below 7:1 while hovering #${id}`,
        );
      }
      const selected = await page.locator('#steps li[aria-selected="true"]').evaluate((li) => {
        const s = getComputedStyle(li);
        return `${s.outlineStyle} ${s.outlineColor}`;
      });
      assert.equal(selected, `solid ${c.active}`);
      // No element draws with opacity in high contrast.
      const faded = await page.evaluate(() =>
        Array.from(document.querySelectorAll('#app *'))
          .filter((e) => Number(getComputedStyle(e).opacity) < 1 && e.getClientRects().length > 0)
          .map((e) => e.getAttribute('class')),
      );
      assert.deepEqual(faded, []);
      await preview.close();
    });
  }

  test('narrowing the view (dragging the editor split) redraws the figures at the new width', async () => {
    const preview = await open({ width: 1400 });
    const { page } = preview;
    await enterState(preview, 'director failing');
    const figures = (): Promise<{ viewBoxes: number[]; shown: number[]; smallestText: number }> =>
      page.evaluate(() => {
        const svgs = Array.from(document.querySelectorAll<SVGSVGElement>('svg.chart, svg.keepalive'));
        const text = Array.from(document.querySelectorAll<SVGTextElement>('svg.chart text, svg.keepalive text')).map(
          (t) => t.getBoundingClientRect().height,
        );
        return {
          viewBoxes: svgs.map((s) => s.viewBox.baseVal.width),
          shown: svgs.map((s) => Math.round(s.getBoundingClientRect().width)),
          smallestText: Math.min(...text),
        };
      });
    const wide = await figures();
    assert.deepEqual(wide.viewBoxes, [900, 900]);
    await page.setViewportSize({ width: 600, height: 900 });
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll<SVGSVGElement>('svg.chart, svg.keepalive')).every(
        (s) => s.viewBox.baseVal.width < 900,
      ),
    );
    const narrow = await figures();
    // One unit of the drawing is one pixel on screen, so the 12 px text stays 12 px.
    assert.deepEqual(narrow.viewBoxes, narrow.shown);
    assert.ok(narrow.smallestText >= 12, `figure text ${narrow.smallestText} px tall`);
    await preview.close();
  });

  for (const theme of ['dark', 'light', 'high-contrast', 'high-contrast-light'] as const) {
    test(`${theme}, 600 px (the side-by-side split): nothing is cut off, figures keep their text size, labels stay with their fields`, async () => {
      const preview = await open({ theme, width: 600 });
      const { page } = preview;
      await enterState(preview, 'director failing');
      const layout = await page.evaluate(() => {
        const overflowing = Array.from(document.querySelectorAll<HTMLElement>('.table-wrap'))
          .filter((w) => w.scrollWidth > w.clientWidth + 1)
          .map((w) => w.querySelector('table')?.id);
        const beyond = Array.from(document.querySelectorAll<HTMLElement>('#app *'))
          .filter(
            (e) =>
              e.getClientRects().length > 0 &&
              e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 &&
              !e.closest('.visually-hidden'),
          )
          .map((e) => `${e.tagName}.${e.className}`);
        const svgText = Array.from(document.querySelectorAll<SVGTextElement>('svg.chart text, svg.keepalive text')).map(
          (t) => t.getBoundingClientRect().height,
        );
        const label = document.querySelector('label[for="fail-before"]')!.getBoundingClientRect();
        const field = document.getElementById('fail-before')!.getBoundingClientRect();
        return {
          overflowing,
          beyond,
          smallestText: Math.min(...svgText),
          sameLine: Math.abs(label.top + label.height / 2 - (field.top + field.height / 2)) < field.height / 2,
        };
      });
      assert.deepEqual(layout.overflowing, [], 'tables wider than their box');
      assert.deepEqual(layout.beyond, [], 'elements past the right edge');
      // 12 px text is at least 12 px tall on screen when drawn at one unit per pixel (it was 8.6 px scaled down).
      assert.ok(layout.smallestText >= 12, `figure text ${layout.smallestText} px tall`);
      assert.equal(layout.sameLine, true, '"Fails after" and its field are on one line');
      await page.screenshot({ path: join(ARTIFACTS, `narrow-${theme}.png`), fullPage: true });
      await preview.close();
    });
  }
});
