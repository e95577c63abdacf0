// The configuration an existing device should have to become a member of a new group: its own configuration with
// the generated member configuration's load-balancing parts put in (its two interfaces, IKEv1 on the private one,
// the `vpn load-balancing` block, keeping the device's redirect-fqdn and nat lines, which New Group does not ask
// about), and everything else left as the device has it.
import { buildTree, type SyntaxTree } from '../syntax/tree';

/** The lines of each top-level block (header and members), by the header's text, in a tree of a configuration. */
function blockLines(tree: SyntaxTree, kind: 'interface' | 'lb'): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const block of tree.blocks) {
    if (block.kind !== kind || block.header === null) continue;
    const command = tree.line(block.header).parse?.command;
    const key = kind === 'lb' ? 'vpn load-balancing' : (command?.args.map((a) => a.text).join('') ?? '').toLowerCase();
    out.set(key, [block.header, ...block.lines]);
  }
  return out;
}

function text(tree: SyntaxTree, lines: number[]): string[] {
  return lines.map((i) => tree.line(i).text);
}

/** `existing` with the load-balancing parts of `member` (a generated member configuration) in place. */
export function memberTarget(existing: string, member: string): string {
  const have = buildTree(existing);
  const want = buildTree(member);
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const replaced = new Map<number, string[]>();
  const dropped = new Set<number>();
  const appended: string[] = [];
  const haveInterfaces = blockLines(have, 'interface');
  for (const [hwid, lines] of blockLines(want, 'interface')) {
    const old = haveInterfaces.get(hwid);
    if (old) {
      replaced.set(old[0]!, text(want, lines));
      for (const i of old.slice(1)) dropped.add(i);
    } else appended.push(...text(want, lines));
  }
  const haveIke = new Set(
    have.lines
      .filter((l) => l.parse?.command?.id === 'crypto-ikev1-enable' && !l.parse.command.negated)
      .map((l) => l.parse!.command!.args[0]?.text),
  );
  for (const line of want.lines) {
    const command = line.parse?.command;
    if (command?.id === 'crypto-ikev1-enable' && !command.negated && !haveIke.has(command.args[0]?.text))
      appended.push(line.text);
  }
  // The device's own block goes; what New Group does not ask about (redirect by FQDN, this member's NAT address)
  // stays as the device has it, inside the new block.
  const kept: string[] = [];
  for (const lines of blockLines(have, 'lb').values()) {
    for (const i of lines) {
      dropped.add(i);
      const id = have.line(i).parse?.command?.id;
      if (id === 'redirect-fqdn' || id === 'nat') kept.push(have.line(i).text);
    }
  }
  for (const lines of blockLines(want, 'lb').values())
    appended.push(...text(want, lines.slice(0, 1)), ...kept, ...text(want, lines.slice(1)));
  const out: string[] = [];
  have.lines.forEach((line, i) => {
    const instead = replaced.get(i);
    if (instead) out.push(...instead);
    else if (!dropped.has(i)) out.push(line.text);
  });
  // Before the closing `: end` when there is one, so the file still reads as a running-config.
  let at = out.length;
  while (at > 0 && (out[at - 1]!.trim() === '' || /^(: end|Cryptochecksum:)/.test(out[at - 1]!))) at--;
  out.splice(at, 0, ...appended);
  return out.join(eol);
}
