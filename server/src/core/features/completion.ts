// Context-aware completion: finds where the cursor stands (global configuration, the load-balancing block, an
// interface, an argument) and offers what fits there. Reads the cached analysis and the cursor's line only.
import type { Position } from '../types';
import type { Workspace } from '../workspace';
import { completionContext } from './completion-context';
import { lbItems } from './completion-lb';
import { templateItems } from './completion-templates';
import { interfaceItems, topItems } from './completion-top';
import { cursorAt } from './cursor';
import type { CoreCompletionItem, CoreCompletionList } from './types';

const EMPTY: CoreCompletionList = { isIncomplete: false, items: [] };

/** Prefixes the sort keys of one list so that it sorts before another when both are offered together. */
function tier(items: CoreCompletionItem[], prefix: string): CoreCompletionItem[] {
  return items.map((item) => ({ ...item, sortText: prefix + item.sortText }));
}

/** Completion at a position; an empty list for an unknown document, a position outside it, a comment or a prompt. */
export function complete(ws: Workspace, uri: string, position: Position): CoreCompletionList {
  const cursor = cursorAt(ws, uri, position);
  if (!cursor) return { ...EMPTY, items: [] };
  const ctx = completionContext(ws, uri, cursor.analysis, cursor.line, cursor.character);
  if (!ctx) return { ...EMPTY, items: [] };
  let items: CoreCompletionItem[];
  switch (ctx.mode) {
    case 'lb':
      items = lbItems(ctx);
      break;
    case 'top':
      items = [...topItems(ctx), ...templateItems(ctx)];
      break;
    case 'lb-or-top':
      // Under an unindented block the next line more likely continues the block, so its commands come first.
      items = [...tier(lbItems(ctx), 'a'), ...tier(topItems(ctx), 'b'), ...tier(templateItems(ctx), 'c')];
      break;
    case 'interface':
      items = interfaceItems(ctx);
      break;
    default:
      items = [];
  }
  // The list is final unless the core filtered it by a partly typed word; then a changed word needs a new request.
  return { isIncomplete: ctx.partial.text.length > 0, items };
}
