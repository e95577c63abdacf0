// The multi-line templates of snippets/asa.json (a whole member, the interface pair, group URLs), offered by the
// server where they fit rather than contributed to the editor as static snippets: static snippets appear on every line,
// inside a finished block too, and once per prefix. Here each is one item, at global level, and only when the file
// lacks what it adds.
import templates from '../../../../snippets/asa.json';
import type { CompletionContext } from './completion-context';
import { commandRange, fitsPartial } from './completion-context';
import type { CoreCompletionItem } from './types';

interface Template {
  prefix: string[];
  body: string[];
  description: string;
}

/** What a template adds: a member (interfaces and the block), or group URLs (a connection profile). */
function adds(template: Template): 'member' | 'group-urls' {
  return template.body.some((line) => line.startsWith('vpn load-balancing')) ? 'member' : 'group-urls';
}

/** Templates for a global-configuration line of a config (change scripts need prompts, which the templates lack). */
export function templateItems(ctx: CompletionContext): CoreCompletionItem[] {
  if (ctx.negated || ctx.words.length > 0 || ctx.analysis.tree.kind === 'transcript') return [];
  const hasBlock = ctx.analysis.device.lb !== null;
  const range = commandRange(ctx);
  const items: CoreCompletionItem[] = [];
  Object.entries(templates as Record<string, Template>).forEach(([name, template], rank) => {
    // A device with a load-balancing block already has its member setup; a second block would only conflict.
    if (adds(template) === 'member' && hasBlock) return;
    const label = template.prefix[0]!;
    if (!template.prefix.some((p) => fitsPartial(ctx, p))) return;
    const text = template.body.join(ctx.eol);
    items.push({
      label,
      kind: 'snippet',
      detail: name,
      documentation: template.description,
      insertText: text,
      insertTextFormat: 'snippet',
      textEdit: { range, newText: text },
      // The other prefix is a synonym: one item that either word finds, never one item per word.
      filterText: template.prefix.find((p) => fitsPartial(ctx, p)) ?? label,
      sortText: `t${String(rank).padStart(2, '0')}`,
    });
  });
  return items;
}
