// group-url-missing: a connection profile that uses group URLs needs an enabled one for each virtual address and
// for this member's own public address (the `nat` address when it is translated), or clients redirected there with
// a group URL find no profile. URLs written with a host name cannot be matched from the file, so a profile that has
// them gets information saying so, not a warning.
import { insertLinesAfter, replace } from '../../fixes/edits';
import type { DeviceModel, GroupUrlModel } from '../../model/device';
import { lbInterface } from '../../model/lb-interface';
import { parseAddress, sameAddress } from '../../net/address';
import type { TextEdit } from '../../types';
import type { DeviceContext } from '../context';

interface Wanted {
  address: string;
  what: string;
}

export function checkGroupUrls(ctx: DeviceContext): void {
  const lb = ctx.device.lb;
  if (!lb?.clusterIp || ctx.device.groupUrls.length === 0) return;
  if (ctx.tree.kind === 'transcript') return;
  const wanted: Wanted[] = [];
  if (lb.clusterIp.value.ipv4) wanted.push({ address: lb.clusterIp.value.ipv4, what: 'the virtual IPv4 address' });
  if (lb.clusterIp.value.ipv6) wanted.push({ address: lb.clusterIp.value.ipv6, what: 'the virtual IPv6 address' });
  const own = publicAddress(ctx.device);
  if (own) wanted.push(own);

  const byProfile = new Map<string, GroupUrlModel[]>();
  for (const url of ctx.device.groupUrls) {
    const key = url.tunnelGroup ?? '';
    byProfile.set(key, [...(byProfile.get(key) ?? []), url]);
  }
  for (const [profile, urls] of byProfile) {
    const enabled = urls.filter((u) => u.enabled);
    const missing = wanted.filter((w) => !enabled.some((u) => hostMatches(u.host, w.address)));
    if (missing.length === 0) continue;
    const named = enabled.filter((u) => parseAddress(u.host) === null);
    const last = urls[urls.length - 1]!;
    const template = (enabled[0] ?? urls[0])!;
    const line = ctx.tree.line(last.line);
    const indent = line.text.slice(0, line.commandStart);
    const edits: TextEdit[] = [];
    const newLines: string[] = [];
    for (const m of missing) {
      // A URL for this address that is only disabled is enabled again rather than written twice.
      const disabled = urls.find((u) => !u.enabled && u.stateRange && hostMatches(u.host, m.address));
      if (disabled) edits.push(replace(disabled.stateRange!, 'enable'));
      else newLines.push(`${indent}group-url ${rewriteHost(template.url, m.address)} enable`);
    }
    if (newLines.length > 0) edits.push(insertLinesAfter(ctx.tree, last.line, newLines));
    const list = missing.map((m) => `${m.what} ${m.address}`).join(', ');
    const hosts = [...new Set(named.map((u) => u.host))].join(', ');
    const message =
      named.length > 0
        ? `Connection profile '${profile}' has no enabled group URL with the address of ${list}. It has group URLs written with a host name (${hosts}), which may resolve to ${missing.length > 1 ? 'these addresses' : 'this address'}; a file cannot show what a name resolves to, so this is information only.`
        : `Connection profile '${profile}' has group URLs but no enabled one for ${list}. The chapter asks for a group URL for each virtual address and for this member's public address.`;
    ctx.report('group-url-missing', last.range, message, {
      severity: named.length > 0 ? 'information' : 'warning',
      fixes: [
        {
          title: `${newLines.length > 0 ? 'Insert' : 'Enable'} group-url line${missing.length > 1 ? 's' : ''} for ${missing.map((m) => m.address).join(', ')}`,
          edits,
        },
      ],
    });
  }
}

/** The address the director hands out for this member: the `nat` address when set, else the public interface's. */
function publicAddress(device: DeviceModel): Wanted | null {
  const nat = device.lb?.nat?.value;
  if (nat) {
    const address = nat.ipv4 ?? nat.ipv6;
    // A `nat` host name cannot be matched from the file either; nothing is asked for it.
    return address ? { address, what: "this member's public (nat) address" } : null;
  }
  const address = lbInterface(device, 'lbpublic')?.ipv4?.address.value;
  return address && parseAddress(address) ? { address, what: "this member's public address" } : null;
}

function hostMatches(host: string, address: string): boolean {
  const a = parseAddress(host);
  const b = parseAddress(address);
  return a !== null && b !== null && sameAddress(a, b);
}

function rewriteHost(url: string, address: string): string {
  const host = address.includes(':') ? `[${address}]` : address;
  // The rest must start at a `/` or `:`, so the host and the rest never compete for the same characters.
  const m = /^([a-z]+:\/\/)(\[[^\]]+\]|[^/:]+)([/:].*)?$/i.exec(url);
  return m ? `${m[1]}${host}${m[3] ?? ''}` : `https://${host}/`;
}
