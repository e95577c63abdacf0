// Names from a config reach hovers as text: rendered as the editor renders hover Markdown (with bare URLs linked),
// a hostname, nameif, hardware id or file name written as Markdown or HTML yields no image, link or tag.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { hover } from '../../../server/src/core/features/index';
import { Workspace } from '../../../server/src/core/workspace';
import { mdCode, mdText } from '../../../server/src/core/features/markdown';

const MarkdownIt = createRequire(import.meta.url)('markdown-it') as new (options: object) => {
  render(text: string): string;
};
const markdown = new MarkdownIt({ html: true, linkify: true });

const BEACON = '![x](https://e.example/beacon.png)';
const LINK = '[click](https://e.example/)';

const device = (host: string, nameif: string, ip: string, hwid = 'GigabitEthernet0/0') =>
  [
    `hostname ${host}`,
    `interface ${hwid}`,
    ` nameif ${nameif}`,
    ` ip address ${ip} 255.255.255.0`,
    'vpn load-balancing',
    ` interface lbpublic ${nameif}`,
    ' interface lbprivate `x`',
    ' cluster ip address 192.0.2.100',
    ' participate',
    '',
  ].join('\n');

function rendered(ws: Workspace, uri: string, line: number, character: number): string {
  const found = hover(ws, uri, { line, character });
  assert.ok(found, `a hover at ${line}:${character}`);
  return markdown.render(found.contents);
}

test('hostnames, nameifs, hardware ids and member names from configs render as text in every hover', () => {
  const ws = new Workspace();
  ws.set('a.cfg', device(BEACON, LINK, '192.0.2.10', 'G0/0<img src=x>'));
  ws.set('b.cfg', device('https://e.example/x', '<b>bold</b>', '192.0.2.11'));
  const html = [
    rendered(ws, 'a.cfg', 4, 3), // the block header: hostname, interfaces
    rendered(ws, 'a.cfg', 2, 9), // the nameif: hardware id
    rendered(ws, 'a.cfg', 5, 22), // lbpublic with the name
    rendered(ws, 'a.cfg', 7, 22), // the virtual address: the member table
    rendered(ws, 'b.cfg', 4, 3),
    rendered(ws, 'b.cfg', 7, 22),
  ];
  for (const page of html) {
    assert.doesNotMatch(page, /<img|<a |<b>/, page);
  }
  assert.match(html[0]!, /!\[x\]\(https:\/\/e\.example\/beacon\.png\)/, 'the hostname is shown as written');
});

test('a code span holds any name, backticks included', () => {
  for (const name of ['`', 'a``b', '`x`', '[a](b)']) {
    const page = markdown.render(mdCode(name));
    assert.match(page, /^<p><code>/);
    assert.equal(page.match(/<code>/g)?.length, 1, page);
  }
  assert.equal(
    markdown.render(mdText('a_b *c* <i>d</i> www.e.example')),
    '<p>a_b *c* &lt;i&gt;d&lt;/i&gt; www.e.example</p>\n',
  );
});
