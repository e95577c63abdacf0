// Markdown documentation of a load-balancing command, written from the command table so that completion and hover
// describe a command in the same words: syntax, what it does, default, accepted values and related diagnostics.
import { codeInfo, isKnownCode } from '../checks/codes';
import type { ArgSpec, LbCommandSpec } from '../commands/lb-commands';

/** The values an argument accepts, in words. */
export function argValuesText(arg: ArgSpec): string {
  switch (arg.type.kind) {
    case 'integer':
      return `${arg.type.min}–${arg.type.max}`;
    case 'choice':
      return arg.type.values.map((v) => `\`${v}\``).join(' or ');
    case 'ipv4':
      return arg.name.includes('HOSTNAME') ? 'an IPv4 address or a host name' : 'an IPv4 address';
    case 'ipv6':
      return 'an IPv6 address';
    case 'nameif':
      return 'the `nameif` of one of this device’s interfaces';
    case 'secret':
      return 'a shared secret, or `8` followed by an already encrypted key';
  }
}

/** "Values: …" lines for every argument of a command ('' for a command without arguments). */
export function argumentsMarkdown(spec: LbCommandSpec): string[] {
  return spec.args.map((arg) => `- \`${arg.name}\`${arg.optional ? ' (optional)' : ''}: ${argValuesText(arg)}`);
}

/** The diagnostics that concern a command, each with the sentence that says when it is reported (or why it matters). */
export function codesMarkdown(codes: readonly string[], sentence: 'when' | 'why' = 'when'): string[] {
  return codes.map((code) => {
    const text = isKnownCode(code) ? codeInfo(code)[sentence] : '';
    return `- \`${code}\`${text ? `: ${text}` : ''}`;
  });
}

/** Full documentation of a command for completion items (hover adds the device's own state to it). */
export function lbCommandMarkdown(spec: LbCommandSpec): string {
  const parts = ['```asa', spec.syntax, '```', '', spec.doc, '', `**Default:** ${spec.defaultText}.`];
  const args = argumentsMarkdown(spec);
  if (args.length > 0) parts.push('', '**Values:**', ...args);
  parts.push('', spec.groupWide ? 'Must be the same on every member of the group.' : 'Set per device.');
  return parts.join('\n');
}
