// The accessibility audit of the preview page: axe-core (the project's pinned copy) evaluated in the page, and the
// page states the audit covers, each reached as a user reaches it (typing, choosing, clicking Place or Import).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { PreviewPage } from './harness';
import { FIXTURES } from './standin-host';
import { join } from 'node:path';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** One line per node: its selector and axe's summary of what fails. */
  nodes: string[];
}

/**
 * Runs every axe rule that is on by default (WCAG 2.0–2.2 A and AA, and axe's best practices) over the whole page.
 * The script is evaluated through the browser's debugging protocol, which the page's content-security policy does
 * not govern, so the page keeps the policy it ships with.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: unknown[]; failureSummary?: string }[];
            }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map(
        (n) => `${n.target.map(String).join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300)}`,
      ),
    }));
  });
}

/** The number of failing nodes per rule, e.g. "color-contrast 13, aria-allowed-attr 1". */
export function tally(violations: readonly AxeViolation[]): string {
  return violations.map((v) => `${v.id} ${v.nodes.length}`).join(', ') || 'none';
}

export type AuditState =
  'idle' | '100 placed' | 'director failing' | 'import used' | 'member down' | 'table shown' | 'invalid count';

export const AUDIT_STATES: readonly AuditState[] = [
  'idle',
  '100 placed',
  'director failing',
  'import used',
  'member down',
  'table shown',
  'invalid count',
];

/** Brings a freshly opened preview of the fixture group into a state, through its controls. */
export async function enterState(preview: PreviewPage, state: AuditState): Promise<void> {
  const { page } = preview;
  switch (state) {
    case 'idle':
      return;
    case '100 placed':
      await page.fill('#place-count', '100');
      await preview.settle(() => page.click('#place-run'));
      return;
    case 'director failing':
      await page.fill('#place-count', '30');
      await preview.settle(() => page.selectOption('#fail-member', '@director'));
      await page.fill('#fail-before', '12');
      await preview.settle(() => page.click('#place-run'));
      return;
    case 'import used':
      await page.fill('#show-text', readFileSync(join(FIXTURES, 'preview-group', 'show-vpn-lb.txt'), 'utf8'));
      await preview.settle(() => page.click('#show-import'));
      return;
    case 'member down':
      await preview.settle(() => page.getByLabel('dc-vpn-2 is up', { exact: true }).uncheck());
      return;
    case 'table shown':
      await enterState(preview, 'director failing');
      await page.click('#chart-table-toggle');
      return;
    case 'invalid count':
      await enterState(preview, '100 placed');
      await page.fill('#place-count', '0');
      await page.click('#place-run');
      await page.getByLabel('dc-vpn-2 SSL active sessions', { exact: true }).fill('-3');
      return;
  }
}
