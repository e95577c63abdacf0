// redirect-fqdn-without-dns: redirecting by name needs reverse DNS, so DNS lookups and a name server must be configured.
import { insertLinesBefore } from '../../fixes/edits';
import { lbNameif } from '../../model/lb-interface';
import { globalLinePrefix, type DeviceContext } from '../context';

export function checkRedirectFqdnDns(ctx: DeviceContext): void {
  const lb = ctx.device.lb;
  if (!lb?.redirectFqdn?.value) return;
  if (ctx.tree.kind === 'transcript' && !ctx.base) return;
  // A fragment does not show the DNS lines, so it cannot show that they are missing.
  if (ctx.device.fragment) return;
  const lookups = [...ctx.device.dnsDomainLookup, ...(ctx.base?.dnsDomainLookup ?? [])];
  const servers = [...ctx.device.nameServers, ...(ctx.base?.nameServers ?? [])];
  if (lookups.length > 0 && servers.length > 0) return;
  const missing = [
    lookups.length === 0 ? "DNS lookups are not enabled on any interface ('dns domain-lookup IFNAME')" : '',
    servers.length === 0 ? 'no name server is configured' : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const lookupInterface = lbNameif(ctx.device, 'lbprivate') ?? 'inside';
  const prefix = globalLinePrefix(ctx);
  const lines: string[] = [];
  if (lookups.length === 0) lines.push(`${prefix}dns domain-lookup ${lookupInterface}`);
  if (servers.length === 0) {
    const inner = ctx.tree.kind === 'transcript' ? prefix.replace('(config)', '(config-dns-server-group)') : ' ';
    lines.push(`${prefix}dns server-group DefaultDNS`, `${inner}name-server 192.0.2.53`);
  }
  const before = lb.headerLine ?? lb.redirectFqdn.line;
  ctx.report(
    'redirect-fqdn-without-dns',
    lb.redirectFqdn.lineRange,
    `'redirect-fqdn enable' makes the director look up each member's name by reverse DNS, but ${missing}. The chapter's procedure for redirect-fqdn enables DNS lookups on the interface that reaches the DNS server and defines the name server.`,
    {
      fixes: [
        {
          title: `Insert ${lines.length === 1 ? `'${lines[0]!.trim()}'` : 'DNS lookup and a name-server placeholder (192.0.2.53: use your DNS server)'}`,
          edits: [insertLinesBefore(ctx.tree, before, lines)],
        },
      ],
    },
  );
}
