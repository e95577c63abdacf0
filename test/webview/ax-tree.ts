// Reads Chromium's own accessibility tree (over the DevTools protocol): the role, name and description a screen
// reader gets for an element, so the tests check what is announced, not what the markup intends.
import type { CDPSession, Page } from 'playwright-core';

export interface AxInfo {
  role: string;
  name: string;
  description: string;
  /** Boolean and token states, e.g. selected, invalid, expanded, focusable. */
  states: Record<string, string | boolean>;
  /** The element an `aria-activedescendant` points at, as its own AxInfo. */
  activeDescendant: AxInfo | null;
}

interface AxValue {
  type: string;
  value?: unknown;
  relatedNodes?: { backendDOMNodeId?: number }[];
}

interface AxNode {
  ignored: boolean;
  role?: AxValue;
  name?: AxValue;
  description?: AxValue;
  properties?: { name: string; value: AxValue }[];
}

const sessions = new WeakMap<Page, CDPSession>();

async function session(page: Page): Promise<CDPSession> {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('Accessibility.enable');
    sessions.set(page, cdp);
  }
  return cdp;
}

async function describe(cdp: CDPSession, target: { objectId: string } | { backendNodeId: number }): Promise<AxInfo> {
  const { nodes } = (await cdp.send('Accessibility.getPartialAXTree', {
    ...target,
    fetchRelatives: false,
  })) as unknown as { nodes: AxNode[] };
  const node = nodes.at(-1)!;
  const states: Record<string, string | boolean> = {};
  let activeDescendant: AxInfo | null = null;
  for (const property of node.properties ?? []) {
    if (property.name === 'activedescendant') {
      const backendNodeId = property.value.relatedNodes?.[0]?.backendDOMNodeId;
      if (backendNodeId !== undefined) activeDescendant = await describe(cdp, { backendNodeId });
      continue;
    }
    states[property.name] = property.value.value as string | boolean;
  }
  return {
    role: String(node.role?.value ?? ''),
    name: String(node.name?.value ?? ''),
    description: String(node.description?.value ?? ''),
    states,
    activeDescendant,
  };
}

/** The accessibility of the element `expression` evaluates to in the page (default: the focused element). */
export async function axOf(page: Page, expression = 'document.activeElement'): Promise<AxInfo> {
  const cdp = await session(page);
  const { result } = (await cdp.send('Runtime.evaluate', { expression })) as { result: { objectId?: string } };
  if (!result.objectId) throw new Error(`${expression} is not an element`);
  return describe(cdp, { objectId: result.objectId });
}

/** The accessibility of the element a CSS selector finds. */
export function axOfSelector(page: Page, selector: string): Promise<AxInfo> {
  return axOf(page, `document.querySelector(${JSON.stringify(selector)})`);
}

/** Forgets the protocol session of a page (call before the page navigates to a new document). */
export async function forget(page: Page): Promise<void> {
  const cdp = sessions.get(page);
  sessions.delete(page);
  await cdp?.detach().catch(() => undefined);
}
