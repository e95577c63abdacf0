// group-url-missing: a connection profile that uses group URLs needs one for each virtual address and for this
// member's own public address, or clients redirected there with a group URL find no profile.
import { insertLinesAfter } from '../../fixes/edits';
import type { GroupUrlModel } from '../../model/device';
import { parseAddress, sameAddress } from '../../net/address';
import { interfaceByNameif, type DeviceContext } from '../context';

export function checkGroupUrls(ctx: DeviceContext): void {
  const lb = ctx.device.lb;
  if (!lb?.clusterIp || ctx.device.groupUrls.length === 0) return;
  if (ctx.tree.kind === 'transcript') return;
  const publicIntf = lb.lbpublic ? interfaceByNameif(ctx.device, lb.lbpublic.value) : undefined;
  const wanted: { address: string; what: string }[] = [];
  if (lb.clusterIp.value.ipv4) wanted.push({ address: lb.clusterIp.value.ipv4, what: 'the virtual IPv4 address' });
  if (lb.clusterIp.value.ipv6) wanted.push({ address: lb.clusterIp.value.ipv6, what: 'the virtual IPv6 address' });
  if (publicIntf?.ipv4) wanted.push({ address: publicIntf.ipv4.address.value, what: "this member's public address" });

  const byProfile = new Map<string, GroupUrlModel[]>();
  for (const url of ctx.device.groupUrls) {
    const key = url.tunnelGroup ?? '';
    byProfile.set(key, [...(byProfile.get(key) ?? []), url]);
  }
  for (const [profile, urls] of byProfile) {
    const missing = wanted.filter((w) => !urls.some((u) => hostMatches(u.host, w.address)));
    if (missing.length === 0) continue;
    const last = urls[urls.length - 1]!;
    const template = urls[0]!;
    const line = ctx.tree.lines[last.line]!;
    const indent = line.text.slice(0, line.commandStart);
    const newLines = missing.map((m) => `${indent}group-url ${rewriteHost(template.url, m.address)} enable`);
    const list = missing.map((m) => `${m.what} ${m.address}`).join(', ');
    ctx.report('group-url-missing', last.range, `Connection profile '${profile}' has group URLs but none for ${list}. A client redirected there with a group URL would find no connection profile.`, {
      fixes: [{ title: `Insert group-url line${newLines.length > 1 ? 's' : ''} for ${missing.map((m) => m.address).join(', ')}`, edits: [insertLinesAfter(ctx.tree, last.line, newLines)] }],
    });
  }
}

function hostMatches(host: string, address: string): boolean {
  const a = parseAddress(host);
  const b = parseAddress(address);
  return a !== null && b !== null && sameAddress(a, b);
}

function rewriteHost(url: string, address: string): string {
  const host = address.includes(':') ? `[${address}]` : address;
  const m = /^([a-z]+:\/\/)(\[[^\]]+\]|[^/:]+)(.*)$/i.exec(url);
  return m ? `${m[1]}${host}${m[3]}` : `https://${host}/`;
}
