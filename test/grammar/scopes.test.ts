// Targeted assertions on the scopes other parts of the product (themes, tests, docs) rely on; the golden files cover everything else.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { tokenAt, tokenizeLine, tokenizeText, type Token } from './textmate';

/** Asserts that `text` (the `occurrence`-th time it appears in `line`) is one token whose scopes include `scope`; returns the token. */
async function expectToken(line: string, text: string, scope: string, occurrence = 0): Promise<Token> {
  const tokens = await tokenizeLine(line);
  const token = tokenAt(tokens, line, text, occurrence);
  assert.ok(token, `"${text}" is not a single token in ${JSON.stringify(line)}: ${describeTokens(tokens)}`);
  assert.ok(
    token.scopes.includes(scope),
    `"${text}" in ${JSON.stringify(line)} has [${token.scopes.join(', ')}], expected ${scope}`,
  );
  return token;
}

async function expectNoScope(line: string, scopePrefix: string): Promise<void> {
  const tokens = await tokenizeLine(line);
  const offending = tokens.filter((t) => t.scopes.some((s) => s.startsWith(scopePrefix)));
  assert.deepEqual(offending, [], `${JSON.stringify(line)} should have no ${scopePrefix}* token`);
}

function describeTokens(tokens: readonly Token[]): string {
  return tokens.map((t) => `${JSON.stringify(t.text)}<${t.scopes.at(-1) ?? '-'}>`).join(' ');
}

describe('load-balancing block', () => {
  test('every sub-command keyword and argument has its own scope', async () => {
    await expectToken(' interface lbpublic outside', 'interface', 'keyword.other.load-balancing.interface.asa');
    await expectToken(' interface lbpublic outside', 'lbpublic', 'constant.language.load-balancing.lbpublic.asa');
    await expectToken(' interface lbprivate inside', 'lbprivate', 'constant.language.load-balancing.lbprivate.asa');
    await expectToken(' interface lbpublic OUTSIDE', 'OUTSIDE', 'variable.other.nameif.asa');
    await expectToken(' priority 9', 'priority', 'keyword.other.load-balancing.priority.asa');
    await expectToken(' priority 9', '9', 'constant.numeric.integer.priority.asa');
    await expectToken(' nat 192.168.30.3 2001:DB8::1', 'nat', 'keyword.other.load-balancing.nat.asa');
    await expectToken(' nat 192.168.30.3 2001:DB8::1', '192.168.30.3', 'constant.numeric.ipv4.asa');
    await expectToken(' nat 192.168.30.3 2001:DB8::1', '2001:DB8::1', 'constant.numeric.ipv6.asa');
    await expectToken(' nat vpn1.example.com', 'vpn1.example.com', 'string.unquoted.hostname.asa');
    await expectToken(' cluster ip address 209.165.202.224', 'cluster', 'keyword.other.load-balancing.cluster.asa');
    await expectToken(
      ' cluster ip address 209.165.202.224',
      'ip address',
      'keyword.other.load-balancing.ip-address.asa',
    );
    await expectToken(' cluster port 9023', 'port', 'keyword.other.load-balancing.port.asa');
    await expectToken(' cluster port 9023', '9023', 'constant.numeric.integer.port.asa');
    await expectToken(' cluster encryption', 'encryption', 'keyword.other.load-balancing.encryption.asa');
    await expectToken(' cluster key 123456789', 'key', 'keyword.other.load-balancing.key.asa');
    await expectToken(' redirect-fqdn enable', 'redirect-fqdn', 'keyword.other.load-balancing.redirect-fqdn.asa');
    await expectToken(' redirect-fqdn enable', 'enable', 'constant.language.enable.asa');
    await expectToken(' redirect-fqdn disable', 'disable', 'constant.language.disable.asa');
    await expectToken(' participate', 'participate', 'keyword.other.load-balancing.participate.asa');
  });

  test('the header is a sub-mode header, with or without a trailing space', async () => {
    await expectToken('vpn load-balancing', 'vpn load-balancing', 'storage.type.submode.load-balancing.asa');
    await expectToken('vpn load-balancing ', 'vpn load-balancing', 'meta.submode.header.load-balancing.asa');
  });

  test('the cluster virtual address 209.165.202.224 has the IPv4 scope', async () => {
    await expectToken('cluster ip address 209.165.202.224', '209.165.202.224', 'constant.numeric.ipv4.asa');
    await expectToken(' cluster ip address 192.168.10.1 1000::2', '1000::2', 'constant.numeric.ipv6.asa');
  });

  test('the cluster key value is a secret, plain, encrypted (8) or masked', async () => {
    await expectToken(' cluster key 123456789', '123456789', 'string.other.secret.asa');
    await expectToken(' cluster key 8 Q0hBTkdFLU1F==', '8', 'storage.modifier.encrypted.asa');
    await expectToken(' cluster key 8 Q0hBTkdFLU1F==', 'Q0hBTkdFLU1F==', 'string.other.secret.asa');
    await expectToken(' cluster key *****', '*****', 'string.other.secret.masked.asa');
    // A key that is just "8" is the key itself, not the encryption marker.
    await expectToken(' cluster key 8', '8', 'string.other.secret.asa');
  });

  test('sub-commands are recognised without indentation, with tabs, and after no', async () => {
    const lines = await tokenizeText(
      'vpn load-balancing\ncluster encryption\n\tparticipate\nno participate\n  no cluster encryption',
    );
    const scopeOf = (i: number, text: string): string[] =>
      tokenAt(lines[i]!.tokens, lines[i]!.line, text)?.scopes ?? [];
    assert.ok(scopeOf(1, 'encryption').includes('keyword.other.load-balancing.encryption.asa'));
    assert.ok(scopeOf(2, 'participate').includes('keyword.other.load-balancing.participate.asa'));
    assert.ok(scopeOf(3, 'no').includes('keyword.control.negation.asa'));
    assert.ok(scopeOf(3, 'participate').includes('meta.command.load-balancing.participate.asa'));
    assert.ok(scopeOf(4, 'no').includes('keyword.control.negation.asa'));
  });

  test('the global nat with interfaces in parentheses is not the load-balancing nat', async () => {
    await expectNoScope('nat (inside,outside) source static any any', 'meta.command.load-balancing');
    await expectToken('nat (inside,outside) source static any any', 'outside', 'variable.other.nameif.asa');
  });
});

describe('transcripts', () => {
  test('prompts are prompts and the command after them is highlighted normally', async () => {
    const line = 'asa1(config-load-balancing)# cluster key 123456789';
    await expectToken(line, 'asa1', 'meta.prompt.asa');
    await expectToken(line, 'asa1', 'entity.name.section.prompt.asa');
    await expectToken(line, '(config-load-balancing)', 'variable.language.prompt.mode.asa');
    await expectToken(line, '#', 'punctuation.definition.prompt.asa');
    await expectToken(line, 'cluster', 'keyword.other.load-balancing.cluster.asa');
    await expectToken(line, '123456789', 'string.other.secret.asa');
    await expectToken(
      'hostname(config)# interface GigabitEthernet 0/1',
      'GigabitEthernet 0/1',
      'entity.name.type.interface.asa',
    );
    await expectToken('asa1> enable', 'asa1', 'meta.prompt.asa');
    await expectToken('asa1> enable', '>', 'punctuation.definition.prompt.asa');
    await expectToken('vASA-VPN-20#show vpn load-balancing', 'vASA-VPN-20', 'meta.prompt.asa');
    await expectToken('vASA-VPN-20#show vpn load-balancing', 'show', 'keyword.other.command.asa');
    await expectToken('        vASA-VPN-20#show vpn load-balancing', 'vASA-VPN-20', 'meta.prompt.asa');
    await expectToken('hostname(config-load-balancing)#', '#', 'meta.prompt.asa');
  });

  test('config lines that merely start with a word are not prompts', async () => {
    await expectNoScope('hostname asa1', 'meta.prompt');
    await expectNoScope('banner motd asa1# is not a prompt', 'meta.prompt');
  });

  test('device errors and warnings are invalid, not commands', async () => {
    await expectToken(
      'ERROR: Virtual IPv4 address is not set',
      'ERROR: Virtual IPv4 address is not set',
      'invalid.illegal.output.error.asa',
    );
    await expectToken(
      "% Invalid input detected at '^' marker.",
      "% Invalid input detected at '^' marker.",
      'invalid.illegal.output.error.asa',
    );
    await expectToken('WARNING: something', 'WARNING: something', 'invalid.deprecated.output.warning.asa');
  });

  test('show output after a prompt is output up to the next prompt', async () => {
    const lines = await tokenizeText(
      'asa1# show vpn load-balancing\nRole :      Master\n192.168.1.9    Master 7   ASA-5540 4 2 216 100\nasa1# show running-config vpn load-balancing\nvpn load-balancing',
    );
    assert.ok(lines[1]!.tokens.every((t) => t.scopes[0] === 'meta.output.show.asa'));
    assert.ok(tokenAt(lines[2]!.tokens, lines[2]!.line, 'Master')?.scopes.includes('constant.language.role.asa'));
    assert.ok(tokenAt(lines[2]!.tokens, lines[2]!.line, '192.168.1.9')?.scopes.includes('constant.numeric.ipv4.asa'));
    assert.ok(tokenAt(lines[3]!.tokens, lines[3]!.line, 'asa1')?.scopes.includes('meta.prompt.asa'));
    // show running-config prints configuration, which is highlighted as such.
    assert.ok(
      tokenAt(lines[4]!.tokens, lines[4]!.line, 'vpn load-balancing')?.scopes.includes(
        'storage.type.submode.load-balancing.asa',
      ),
    );
  });
});

describe('values', () => {
  test('IPv6 addresses with uncompressed zeros and a prefix length are one token', async () => {
    await expectToken(
      ' ipv6 address 2001:db8:0000:4200::12/64',
      '2001:db8:0000:4200::12/64',
      'constant.numeric.ipv6.asa',
    );
    await expectToken(
      'ipv6 route WAN 2001:db8:0000:4200::/56 2001:db8:0000:4203::801',
      '2001:db8:0000:4200::/56',
      'constant.numeric.ipv6.asa',
    );
    await expectToken(' host 2001:db8:0000:4202::4:4', '2001:db8:0000:4202::4:4', 'constant.numeric.ipv6.asa');
    await expectToken(
      'x 2001:0db8:0000:0000:0000:0000:0000:0001',
      '2001:0db8:0000:0000:0000:0000:0000:0001',
      'constant.numeric.ipv6.asa',
    );
    await expectToken('ipv6 route WAN ::/0 fe80::1', 'fe80::1', 'constant.numeric.ipv6.asa');
  });

  test('times are not IPv6 addresses', async () => {
    await expectToken('timeout conn 1:00:00 half-closed 0:10:00', '1:00:00', 'constant.numeric.time.asa');
    await expectNoScope('timeout conn 1:00:00 half-closed 0:10:00', 'constant.numeric.ipv6');
  });

  test('IPv4 addresses and masks', async () => {
    const line = ' ip address 209.165.202.129 255.255.255.224 standby 209.165.202.130';
    await expectToken(line, '209.165.202.129', 'constant.numeric.ipv4.asa');
    await expectToken(line, '255.255.255.224', 'constant.numeric.netmask.asa');
    await expectToken(line, 'standby', 'keyword.other.standby.asa');
    await expectToken(line, '209.165.202.130', 'constant.numeric.ipv4.asa');
    await expectToken('ip local pool P 10.0.0.1-10.0.0.9 mask 255.255.255.0', '10.0.0.9', 'constant.numeric.ipv4.asa');
    await expectToken(
      'ip local pool P 10.0.0.1-10.0.0.9 mask 255.255.255.0',
      '255.255.255.0',
      'constant.numeric.netmask.asa',
    );
    await expectToken(' name-server 192.0.2.10 192.0.2.11 inside', '192.0.2.11', 'constant.numeric.ipv4.asa');
    await expectToken('x 209.165.202.129/27', '209.165.202.129/27', 'constant.numeric.ipv4.asa');
    // Dotted numbers that are not addresses (versions, five groups) are not addresses.
    await expectNoScope('! SSP Operating System Version 2.6(1.272) 1.2.3.4.5', 'constant.numeric.ipv4');
    await expectNoScope('x 1.2.3.4.5', 'constant.numeric.ipv4');
  });

  test('interface ids are one token each', async () => {
    for (const id of [
      'GigabitEthernet0/1',
      'GigabitEthernet 0/2',
      'Management0/0',
      'Redundant1.100',
      'Port-channel1',
      'TenGigabitEthernet1/0/1',
      'Ethernet0',
      'Internal-Data0/1',
    ]) {
      await expectToken(`interface ${id}`, id, 'entity.name.type.interface.asa');
    }
    await expectToken(' member-interface GigabitEthernet0/2', 'GigabitEthernet0/2', 'entity.name.type.interface.asa');
    // A nameif that looks like an interface type, followed by a number, is not an interface id.
    await expectNoScope('mtu Management 1500', 'entity.name.type.interface');
    await expectNoScope(' vlan 2', 'entity.name.type.interface');
  });

  test('nameif values', async () => {
    await expectToken(' nameif OUTSIDE', 'OUTSIDE', 'variable.other.nameif.asa');
    await expectToken('nameif inside', 'inside', 'variable.other.nameif.asa');
    await expectToken('crypto ikev1 enable inside', 'inside', 'variable.other.nameif.asa');
    await expectToken('dns domain-lookup inside', 'inside', 'variable.other.nameif.asa');
    await expectToken('mtu Management 1500', 'Management', 'variable.other.nameif.asa');
    await expectToken('aaa-server TACACS+ (Management) host 10.1.1.100', 'Management', 'variable.other.nameif.asa');
  });

  test('URLs, paths, descriptions and banners', async () => {
    await expectToken(
      ' group-url https://209.165.202.158/AnyConnect enable',
      'https://209.165.202.158/AnyConnect',
      'markup.underline.link.asa',
    );
    await expectToken(
      'boot system disk0:/asa9-12-4-67-smp-k8.bin',
      'disk0:/asa9-12-4-67-smp-k8.bin',
      'string.unquoted.path.asa',
    );
    await expectToken(' description IPv4 DMZ NAT64', 'IPv4 DMZ NAT64', 'string.unquoted.description.asa');
    await expectToken('banner motd Authorised access only', 'Authorised access only', 'string.unquoted.banner.asa');
  });
});

describe('secrets', () => {
  test('masked and clear secrets in every place the corpus has them', async () => {
    await expectToken(' key *****', '*****', 'string.other.secret.masked.asa');
    await expectToken(' key 10101010', '10101010', 'string.other.secret.asa');
    await expectToken('key 10101010', '10101010', 'string.other.secret.asa');
    await expectToken(
      'snmp-server host Management 10.1.1.50 community ***** version 2c',
      '*****',
      'string.other.secret.masked.asa',
    );
    await expectToken('snmp-server community public-example', 'public-example', 'string.other.secret.asa');
    await expectToken('enable password ntc123 encrypted', 'ntc123', 'string.other.secret.asa');
    await expectToken('enable password ntc123 encrypted', 'encrypted', 'storage.modifier.encrypted.asa');
    await expectToken('passwd 2KFQnbNIdI.2KYOU encrypted', '2KFQnbNIdI.2KYOU', 'string.other.secret.asa');
    const pbkdf2 = 'username oxidized password $sha512$5000$AAAAAAAAAABBBBBBBBBBCCCCCCCCCC== pbkdf2';
    await expectToken(pbkdf2, '$sha512$5000$AAAAAAAAAABBBBBBBBBBCCCCCCCCCC==', 'string.other.secret.asa');
    await expectToken(pbkdf2, 'pbkdf2', 'storage.modifier.encrypted.asa');
    await expectToken(' ikev1 pre-shared-key *****', '*****', 'string.other.secret.masked.asa');
    await expectToken(' ikev1 pre-shared-key s3cret', 's3cret', 'string.other.secret.asa');
    await expectToken(' ikev2 remote-authentication pre-shared-key 8 Q0hB==', 'Q0hB==', 'string.other.secret.asa');
  });

  test('password encryption aes holds no secret', async () => {
    await expectNoScope('password encryption aes', 'string.other.secret');
  });

  test('banners made of asterisks are banner text, not masked secrets', async () => {
    await expectNoScope('banner motd ********************', 'string.other.secret');
  });
});

describe('structure', () => {
  test('comments, metadata, version header and checksum', async () => {
    await expectToken('!', '!', 'punctuation.definition.comment.asa');
    await expectToken('! Hardware:   ASA5512', ' Hardware:   ASA5512', 'comment.line.exclamation.asa');
    await expectToken(': Saved', ':', 'comment.line.metadata.asa');
    await expectToken(': end', ' end', 'comment.line.metadata.asa');
    await expectToken(':', ':', 'comment.line.metadata.asa');
    await expectToken('ASA Version 9.12(4)67 ', 'ASA Version', 'keyword.other.version.asa');
    await expectToken('ASA Version 9.12(4)67 ', '9.12(4)67', 'constant.numeric.version.asa');
    await expectToken('PIX Version 8.0(3)', 'PIX Version', 'keyword.other.version.asa');
    await expectToken(
      'Cryptochecksum:bfecf4b9d1b98b7e8d97434851f57e14',
      'Cryptochecksum',
      'keyword.other.cryptochecksum.asa',
    );
    await expectToken(
      'Cryptochecksum:bfecf4b9d1b98b7e8d97434851f57e14',
      'bfecf4b9d1b98b7e8d97434851f57e14',
      'constant.other.checksum.asa',
    );
  });

  test('top-level commands, sub-commands, no, and sub-mode headers are told apart', async () => {
    await expectToken('logging enable', 'logging', 'keyword.other.command.asa');
    await expectToken(' reactivation-mode timed', 'reactivation-mode', 'keyword.other.subcommand.asa');
    await expectToken('no snmp-server contact', 'no', 'keyword.control.negation.asa');
    await expectToken('interface GigabitEthernet0/1', 'interface', 'storage.type.submode.interface.asa');
    await expectToken('tunnel-group AnyConnect webvpn-attributes', 'tunnel-group', 'storage.type.submode.asa');
    await expectToken('tunnel-group AnyConnect webvpn-attributes', 'AnyConnect', 'entity.name.section.asa');
    await expectToken(
      'tunnel-group AnyConnect webvpn-attributes',
      'webvpn-attributes',
      'storage.modifier.attributes.asa',
    );
    await expectToken('group-policy todd internal', 'group-policy', 'storage.type.submode.asa');
    await expectToken('object network OXIDIZED', 'object network', 'storage.type.submode.asa');
    await expectToken('dns server-group DefaultDNS', 'DefaultDNS', 'entity.name.section.asa');
    await expectToken('policy-map type inspect dns preset_dns_map', 'preset_dns_map', 'entity.name.section.asa');
    await expectToken(' class inspection_default', 'inspection_default', 'entity.name.section.asa');
    await expectToken('class-map inspection_default', 'class-map', 'storage.type.submode.asa');
    await expectToken('hostname LAB-ASA12-Oxidized-IPv6', 'LAB-ASA12-Oxidized-IPv6', 'entity.name.tag.hostname.asa');
    await expectToken('webvpn', 'webvpn', 'storage.type.submode.asa');
    // With arguments, a sub-mode word is an ordinary command.
    await expectNoScope('no call-home reporting anonymous', 'storage.type.submode');
  });

  test('hard-wrapped continuation lines and CRLF text still tokenise', async () => {
    const lines = await tokenizeText(
      'timeout conn 2:00:00 half-closed 1:00:00 udp 0:02:00 icmp 1:00:00 rpc 1:00:00 h3\r\n23 0:05:00 h225 1:00:00\r\n:00\r\n',
    );
    assert.equal(lines.length, 4);
    assert.ok(tokenAt(lines[1]!.tokens, lines[1]!.line, '0:05:00')?.scopes.includes('constant.numeric.time.asa'));
  });
});
