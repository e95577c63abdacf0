// Checks each line of the `vpn load-balancing` block on its own: unknown-lb-command, invalid-argument,
// priority-out-of-range, port-out-of-range and ipv6-without-ipv4. Argument rules come from the command table.
import {
  DEFAULT_CLUSTER_PORT,
  LB_COMMANDS,
  lbCommand,
  MAX_PRIORITY,
  MIN_PRIORITY,
  type LbCommandId,
  type LbCommandSpec,
} from '../../commands/lb-commands';
import { isLbCommand, tokenRange } from '../../model/device';
import { inSubnet, parseAddress, parseIPv4, parseIPv6 } from '../../net/address';
import { parseCommand, type Token } from '../../syntax/parser';
import { quotedStart } from '../../syntax/key-like';
import type { LineNode } from '../../syntax/tree';
import type { Range } from '../../types';
import { replace } from '../../fixes/edits';
import { interfaceByNameif, type DeviceContext } from '../context';

export function checkBlockSyntax(ctx: DeviceContext): void {
  const lb = ctx.device.lb;
  if (!lb) return;
  for (const index of lb.lines) {
    const line = ctx.tree.line(index);
    if (line.kind !== 'command' || line.keyword === '' || line.keyword === 'exit' || line.keyword === 'end') continue;
    const command = line.parse?.command;
    if (!command || !isLbCommand(command.id)) {
      reportUnknown(ctx, line);
      continue;
    }
    // `no …` forms take optional arguments; the device ignores them, so there is nothing to validate.
    if (command.negated) continue;
    validateArguments(ctx, line, command.id as LbCommandId, command.args, command.keywords);
  }
}

function commandRange(line: LineNode): Range {
  return {
    start: { line: line.index, character: line.commandStart },
    end: { line: line.index, character: line.text.trimEnd().length },
  };
}

function spanRange(line: number, first: Token, last: Token): Range {
  return { start: { line, character: first.start }, end: { line, character: last.end } };
}

/** Levenshtein distance, small strings only. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = saved;
    }
  }
  return row[b.length]!;
}

function reportUnknown(ctx: DeviceContext, line: LineNode): void {
  // Lines whose first word is not a modelled keyword were never lexed; lex them now for the suggestion.
  const tokens = line.parse?.tokens ?? parseCommand(line.text.slice(line.commandStart), line.commandStart).tokens;
  const words = tokens[0]?.text.toLowerCase() === 'no' ? tokens.slice(1) : tokens;
  const range = commandRange(line);
  let best: { path: string; cost: number; count: number } | null = null;
  for (const spec of LB_COMMANDS) {
    const count = Math.min(spec.keywords.length, words.length);
    if (count === 0) continue;
    // "Did you mean" offers only a command whose arguments the rest of the line can be: `cluster fqdn NAME` is not
    // `cluster port NAME`.
    if (
      !argumentsFit(
        spec,
        words.slice(count).map((w) => w.text),
      )
    )
      continue;
    const typed = words
      .slice(0, count)
      .map((w) => w.text.toLowerCase())
      .join(' ');
    const path = spec.keywords.slice(0, count).join(' ');
    const cost = distance(typed, path) + (spec.keywords.length - count) * 2;
    if (!best || cost < best.cost) best = { path: spec.keywords.join(' '), cost, count };
  }
  // Only the first words, and nothing after a key-like one: the rest of an unknown line may be a secret.
  const typedText = quotedStart(tokens.map((t) => t.text));
  const limit = Math.max(2, Math.floor((best?.path.length ?? 0) / 3));
  if (best && best.cost <= limit && words.length > 0) {
    const replaced = spanRange(line.index, words[0]!, words[best.count - 1]!);
    ctx.report(
      'unknown-lb-command',
      range,
      `'${typedText}' is not a load-balancing command; did you mean '${best.path}'? The device rejects unknown lines in this mode, so the setting is not applied.`,
      {
        fixes: [{ title: `Change to '${best.path}'`, edits: [replace(replaced, best.path)], preferred: true }],
      },
    );
    return;
  }
  const known = LB_COMMANDS.map((c) => c.keywords.join(' ')).join(', ');
  ctx.report(
    'unknown-lb-command',
    range,
    `'${typedText}' is not a load-balancing command. The device rejects it in this mode; the block accepts: ${known}.`,
  );
}

/** Whether `rest` can be the arguments of `spec`: as many as it takes (optional ones may be left out), each of its kind. */
function argumentsFit(spec: LbCommandSpec, rest: string[]): boolean {
  if (rest.length > spec.args.length) return false;
  return spec.args.every((arg, i) => {
    const word = rest[i];
    if (word === undefined) return arg.optional === true;
    switch (arg.type.kind) {
      case 'integer':
        return /^-?\d+$/.test(word);
      case 'ipv4':
        // `nat` also takes a host name in the place of its IPv4 address.
        return parseIPv4(word) !== null || (spec.id === 'nat' && /^[A-Za-z][\w.-]*$/.test(word));
      case 'ipv6':
        return parseIPv6(word) !== null;
      case 'choice':
        return arg.type.values.includes(word.toLowerCase());
      case 'nameif':
      case 'secret':
        return true;
    }
  });
}

function validateArguments(
  ctx: DeviceContext,
  line: LineNode,
  id: LbCommandId,
  args: Token[],
  keywords: Token[],
): void {
  const spec = lbCommand(id);
  const at = line.index;
  const lastKeyword = keywords[keywords.length - 1]!;
  // A missing argument is reported on the whole command, the thing the user has to complete.
  const missingRange = spanRange(at, keywords[0]!, lastKeyword);
  const extra = (from: number, what: string): void => {
    const first = args[from]!;
    const last = args[args.length - 1]!;
    const extraRange = spanRange(at, first, last);
    const deleteRange = { start: { line: at, character: args[from - 1]?.end ?? lastKeyword.end }, end: extraRange.end };
    ctx.report(
      'invalid-argument',
      extraRange,
      `'${spec.keywords.join(' ')}' takes ${what}; the device rejects the extra words.`,
      {
        fixes: [{ title: 'Remove the extra words', edits: [replace(deleteRange, '')], preferred: true }],
      },
    );
  };

  switch (id) {
    case 'interface-lbpublic':
    case 'interface-lbprivate': {
      if (args.length === 0) {
        ctx.report('invalid-argument', missingRange, `'${spec.syntax}' needs the nameif of an interface.`);
        return;
      }
      if (args.length > 1) extra(1, 'exactly one interface name');
      return;
    }
    case 'priority':
      return validateInteger(
        ctx,
        at,
        args,
        missingRange,
        'priority',
        MIN_PRIORITY,
        MAX_PRIORITY,
        'priority-out-of-range',
        extra,
      );
    case 'cluster-port':
      return validateInteger(ctx, at, args, missingRange, 'cluster port', 1, 65535, 'port-out-of-range', extra);
    case 'nat': {
      const a0 = args[0];
      if (!a0) {
        ctx.report(
          'invalid-argument',
          missingRange,
          "'nat' needs this device's NAT-assigned IPv4 address (optionally followed by an IPv6 address), or a hostname.",
        );
        return;
      }
      if (looksLikeIPv4(a0.text) && !parseIPv4(a0.text)) {
        ctx.report('invalid-argument', tokenRange(at, a0), `'${a0.text}' is not a valid IPv4 address.`);
        return;
      }
      if (parseIPv6(a0.text)) {
        ctx.report(
          'invalid-argument',
          tokenRange(at, a0),
          "'nat' takes the IPv4 address first; an IPv6 address may follow it.",
        );
        return;
      }
      if (!parseIPv4(a0.text) && !/^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(a0.text)) {
        ctx.report('invalid-argument', tokenRange(at, a0), `'${a0.text}' is neither an IPv4 address nor a hostname.`);
        return;
      }
      const a1 = args[1];
      if (a1 && parseIPv4(a0.text) && !parseIPv6(a1.text)) {
        ctx.report('invalid-argument', tokenRange(at, a1), `'${a1.text}' is not a valid IPv6 address.`);
        return;
      }
      if (args.length > (parseIPv4(a0.text) ? 2 : 1))
        extra(parseIPv4(a0.text) ? 2 : 1, parseIPv4(a0.text) ? 'an IPv4 and at most one IPv6 address' : 'one hostname');
      return;
    }
    case 'cluster-ip-address': {
      const a0 = args[0];
      if (!a0) {
        ctx.report(
          'invalid-argument',
          missingRange,
          "'cluster ip address' needs the group's virtual IPv4 address (optionally followed by an IPv6 address).",
        );
        return;
      }
      if (parseIPv6(a0.text) && args[1] && parseIPv4(args[1].text) && args.length === 2) {
        // Both addresses are there, in the wrong order: the fix is to swap them, never to drop the IPv4 one.
        const a1 = args[1];
        ctx.report(
          'invalid-argument',
          spanRange(at, a0, a1),
          `The IPv4 virtual address comes first: 'cluster ip address IPV4 [IPV6]'. Written IPv6 first, the device takes '${a0.text}' as an IPv6-only virtual address and answers "Virtual IPv4 address is not set".`,
          {
            fixes: [
              {
                title: `Swap to 'cluster ip address ${a1.text} ${a0.text}'`,
                edits: [replace(spanRange(at, a0, a1), `${a1.text} ${a0.text}`)],
                preferred: true,
              },
            ],
          },
        );
        return;
      }
      if (parseIPv6(a0.text)) {
        const placeholder = ipv4Placeholder(ctx);
        ctx.report(
          'ipv6-without-ipv4',
          tokenRange(at, a0),
          'The virtual IPv4 address is mandatory: the device answers "Virtual IPv4 address is not set" to an IPv6-only virtual address. Give the IPv4 address first, then the IPv6 address.',
          {
            fixes: [
              {
                title: `Insert an IPv4 virtual address placeholder (${placeholder}) before the IPv6 address`,
                edits: [replace({ start: tokenRange(at, a0).start, end: tokenRange(at, a0).start }, placeholder + ' ')],
              },
            ],
          },
        );
        if (args.length > 1) extra(1, 'an IPv4 and at most one IPv6 address');
        return;
      }
      if (!parseIPv4(a0.text)) {
        ctx.report(
          'invalid-argument',
          tokenRange(at, a0),
          `'${a0.text}' is not a valid IPv4 address; the virtual address must be written as four decimal numbers (a name is not accepted here).`,
        );
        return;
      }
      const a1 = args[1];
      if (a1 && !parseIPv6(a1.text)) {
        ctx.report('invalid-argument', tokenRange(at, a1), `'${a1.text}' is not a valid IPv6 address.`);
        return;
      }
      if (args.length > 2) extra(2, 'an IPv4 and at most one IPv6 address');
      return;
    }
    case 'cluster-encryption':
    case 'participate':
      if (args.length > 0) extra(0, 'no arguments');
      return;
    case 'cluster-key': {
      if (args.length === 0) {
        ctx.report(
          'invalid-argument',
          missingRange,
          "'cluster key' needs the shared secret (or '8' followed by an already encrypted key).",
        );
        return;
      }
      if (args[0]!.text === '8' && args.length === 1) {
        ctx.report(
          'invalid-argument',
          tokenRange(at, args[0]!),
          "'cluster key 8' needs the encrypted key after the 8.",
        );
        return;
      }
      const allowed = args[0]!.text === '8' ? 2 : 1;
      // The key itself is never quoted in messages: only its position is reported.
      if (args.length > allowed) extra(allowed, allowed === 2 ? "'8' and one encrypted key" : 'one key without spaces');
      return;
    }
    case 'redirect-fqdn': {
      const a0 = args[0];
      if (!a0) {
        ctx.report('invalid-argument', missingRange, "'redirect-fqdn' needs 'enable' or 'disable'.");
        return;
      }
      const word = a0.text.toLowerCase();
      if (word !== 'enable' && word !== 'disable') {
        const guess = word.startsWith('en') ? 'enable' : word.startsWith('dis') ? 'disable' : null;
        ctx.report(
          'invalid-argument',
          tokenRange(at, a0),
          `'${a0.text}' is not valid here: 'redirect-fqdn' takes 'enable' or 'disable'.`,
          {
            fixes: guess
              ? [{ title: `Change to '${guess}'`, edits: [replace(tokenRange(at, a0), guess)], preferred: true }]
              : [],
          },
        );
        return;
      }
      if (args.length > 1) extra(1, "one of 'enable' or 'disable'");
      return;
    }
  }
}

function looksLikeIPv4(text: string): boolean {
  return /^\d+(\.\d+){1,}$/.test(text);
}

function validateInteger(
  ctx: DeviceContext,
  at: number,
  args: Token[],
  missingRange: Range,
  name: string,
  min: number,
  max: number,
  outOfRangeCode: 'priority-out-of-range' | 'port-out-of-range',
  extra: (from: number, what: string) => void,
): void {
  const a0 = args[0];
  if (!a0) {
    ctx.report('invalid-argument', missingRange, `'${name}' needs a number from ${min} to ${max}.`);
    return;
  }
  if (!/^-?\d+$/.test(a0.text)) {
    ctx.report(
      'invalid-argument',
      tokenRange(at, a0),
      `'${a0.text}' is not a number: '${name}' takes a whole number from ${min} to ${max}.`,
    );
    return;
  }
  const value = Number(a0.text);
  if (value < min || value > max) {
    const range = tokenRange(at, a0);
    if (outOfRangeCode === 'priority-out-of-range') {
      const clamped = value < min ? min : max;
      ctx.report(
        outOfRangeCode,
        range,
        `Priority ${a0.text} is out of range: the device accepts 1 to 10 (higher is more likely to become director).`,
        {
          fixes: [{ title: `Set priority ${clamped}`, edits: [replace(range, String(clamped))], preferred: true }],
        },
      );
    } else {
      ctx.report(
        outOfRangeCode,
        range,
        `Port ${a0.text} is out of range: a UDP port is 1 to 65535 (the default is ${DEFAULT_CLUSTER_PORT}).`,
        {
          fixes: [
            {
              title: `Set the default port ${DEFAULT_CLUSTER_PORT}`,
              edits: [replace(range, String(DEFAULT_CLUSTER_PORT))],
              preferred: true,
            },
          ],
        },
      );
    }
    return;
  }
  if (args.length > 1) extra(1, 'one number');
}

/** An IPv4 address to offer where one is missing: a free address of the public subnet, or a documentation address. */
export function ipv4Placeholder(ctx: DeviceContext): string {
  const lbpublic = ctx.device.lb?.lbpublic?.value;
  const intf = lbpublic ? interfaceByNameif(ctx.device, lbpublic) : undefined;
  if (intf?.ipv4 && intf.ipv4.prefix !== null && intf.ipv4.prefix <= 30) {
    const address = parseAddress(intf.ipv4.address.value);
    if (address) {
      const bytes = address.toByteArray();
      let value = ((bytes[0]! << 24) >>> 0) + (bytes[1]! << 16) + (bytes[2]! << 8) + bytes[3]!;
      const hostBits = 32 - intf.ipv4.prefix;
      const network = value - (value % 2 ** hostBits);
      const used = new Set(
        ctx.device.interfaces
          .flatMap((i) => [i.ipv4?.address.value, i.ipv4?.standby?.value])
          .filter((v): v is string => !!v),
      );
      // Walk down from the last usable host address until one is free.
      for (value = network + 2 ** hostBits - 2; value > network; value--) {
        const text = [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
        const candidate = parseAddress(text);
        if (candidate && !used.has(text) && inSubnet(candidate, address, intf.ipv4.prefix)) return text;
      }
    }
  }
  return '192.0.2.1';
}
