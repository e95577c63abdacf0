// Hover: finds what the cursor is on — the block header, a load-balancing keyword or argument, an interface name —
// and returns its markdown with the exact range of the word or keywords. Reads the cursor's line and the model only.
import { lbCommand, type LbCommandId } from '../commands/lb-commands';
import { isLbCommand } from '../model/device';
import type { Token } from '../syntax/parser';
import { shortenLongWords, type Position, type Range } from '../types';
import type { Workspace } from '../workspace';
import { commandSpan, cursorAt, lineSpan, touches } from './cursor';
import {
  commandHover,
  headerHover,
  keyHover,
  nameifHover,
  priorityValueLead,
  virtualAddressHover,
  type HoverScope,
} from './hover-text';
import { keyOf } from '../model/device';
import { slotAtPosition } from './navigation';
import type { CoreHover } from './types';

function spanOf(line: number, tokens: Token[]): Range {
  return lineSpan(line, tokens[0]!.start, tokens[tokens.length - 1]!.end);
}

/** Hover on a line of the load-balancing block; null when the cursor is on nothing the block defines. */
function lbHover(scope: HoverScope, lineIndex: number, character: number): CoreHover | null {
  const line = scope.analysis.tree.line(lineIndex);
  if (line.block?.header === lineIndex) {
    const span = commandSpan(line);
    return touches(character, span.start.character, span.end.character)
      ? { contents: headerHover(scope), range: span }
      : null;
  }
  const command = line.parse?.command;
  if (!command || !isLbCommand(command.id) || command.keywords.length === 0) return null;
  const id = command.id as LbCommandId;
  const spec = lbCommand(id);
  const keywords = spanOf(lineIndex, command.keywords);
  const onKeywords = touches(character, line.commandStart, keywords.end.character);

  if (id === 'cluster-key') {
    // The whole command shows the key's form; the range may cover the key, but the text never contains it.
    const args = command.args;
    // `cluster key 8` with nothing after it is a key still being typed, not a one-character clear key.
    const form = args.length === 1 && args[0]!.text === '8' ? null : (keyOf(args)?.form ?? null);
    if (onKeywords) return { contents: keyHover(form), range: keywords };
    if (args.length > 0 && touches(character, args[0]!.start, args[args.length - 1]!.end)) {
      return { contents: keyHover(form), range: spanOf(lineIndex, args) };
    }
    return null;
  }
  if (onKeywords) return { contents: commandHover(scope, spec), range: keywords };

  const index = command.args.findIndex((a) => touches(character, a.start, a.end));
  if (index < 0) return null;
  const arg = command.args[index]!;
  const range = lineSpan(lineIndex, arg.start, arg.end);
  switch (id) {
    case 'interface-lbpublic':
    case 'interface-lbprivate':
      return index === 0 ? { contents: nameifHover(scope, arg.text), range } : null;
    case 'cluster-ip-address':
      return { contents: virtualAddressHover(scope, arg.text), range };
    case 'priority': {
      const value = /^\d+$/.test(arg.text) ? Number(arg.text) : NaN;
      const lead =
        value >= 1 && value <= 10
          ? priorityValueLead(value)
          : `**${arg.text}** is not a priority: the device accepts 1–10.`;
      return { contents: commandHover(scope, spec, lead), range };
    }
    default:
      return { contents: commandHover(scope, spec), range };
  }
}

/** Hover at a position, or null for an unknown document, a position outside it, or a word the product does not describe. */
export function hover(ws: Workspace, uri: string, position: Position): CoreHover | null {
  const found = hoverAt(ws, uri, position);
  // Names from the config can be of any length; like messages, the hover shortens very long ones.
  return found ? { ...found, contents: shortenLongWords(found.contents) } : null;
}

function hoverAt(ws: Workspace, uri: string, position: Position): CoreHover | null {
  const cursor = cursorAt(ws, uri, position);
  if (!cursor) return null;
  const scope: HoverScope = { ws, uri, analysis: cursor.analysis };
  if (cursor.line.kind === 'command' && cursor.line.block?.kind === 'lb') {
    const found = lbHover(scope, cursor.line.index, cursor.character);
    if (found) return found;
  }
  const slot = slotAtPosition(ws, uri, position);
  if (slot) return { contents: nameifHover(scope, slot.slot.name), range: slot.slot.range };
  return null;
}
