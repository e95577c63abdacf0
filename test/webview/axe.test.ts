// The preview page audited with axe-core in real Chromium: every theme (dark, light, both high contrasts), the editor's
// full width and the default side-by-side split (1400 and 600 px), and every state a user reaches (idle, 100
// sessions placed, the director failing, an import, a member marked down, the chart shown as a table, an invalid
// count) must have no violation at all.
// A screenshot of each theme and width goes to .artifacts/webview/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, Harness } from './harness';
import type { ThemeName } from './themes';
import { StandInHost } from './standin-host';
import { AUDIT_STATES, axeViolations, enterState, tally } from './audit';

let harness: Harness;

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  harness = await Harness.start();
});

after(async () => {
  await harness?.stop();
});

const THEMES: readonly ThemeName[] = ['dark', 'light', 'high-contrast', 'high-contrast-light'];
const WIDTHS = [1400, 600] as const;

describe('the redirect preview passes axe-core', () => {
  for (const theme of THEMES) {
    for (const width of WIDTHS) {
      for (const state of AUDIT_STATES) {
        test(`${theme}, ${width} px, ${state}: no violation`, async (t) => {
          const host = StandInHost.fromFolder('preview-group');
          const preview = await harness.open(host, 'file:///fixtures/preview-group/dc-vpn-1.cfg', { theme, width });
          await enterState(preview, state);
          const violations = await axeViolations(preview.page);
          t.diagnostic(`axe ${theme} ${width} ${state}: ${tally(violations)}`);
          if (state === 'director failing') {
            await preview.page.screenshot({ path: join(ARTIFACTS, `axe-${theme}-${width}.png`), fullPage: true });
          }
          assert.deepEqual(
            violations,
            [],
            `${tally(violations)}\n${violations.flatMap((v) => [`${v.id} (${v.impact}): ${v.help}`, ...v.nodes.map((n) => `  ${n}`)]).join('\n')}`,
          );
          await preview.close();
        });
      }
    }
  }
});
