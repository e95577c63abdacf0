// Secrets never reach the trace: each line below is what a config (or its JSON form in a trace) holds, and what the log shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redactSecrets, traceSafe, withoutDocumentText } from '../../client/src/redact';
import { WORKSPACE_FILES_NOTIFICATION } from '../../server/src/protocol';

const CASES: { name: string; input: string; output: string }[] = [
  { name: 'a clear cluster key', input: ' cluster key Sup3rSecret', output: ' cluster key <redacted>' },
  {
    name: 'an encrypted cluster key',
    input: ' cluster key 8 Xq9dPlHeS1lA0zmQWbY7ZA==',
    output: ' cluster key 8 <redacted>',
  },
  { name: 'a masked key stays as it is', input: ' cluster key *****', output: ' cluster key *****' },
  {
    name: 'a key inside JSON text, up to the line-break escape',
    input: '{"text":"vpn load-balancing\\n cluster key S3cr\\"et\\n participate"}',
    output: '{"text":"vpn load-balancing\\n cluster key <redacted>\\n participate"}',
  },
  {
    name: 'a key at the end of a JSON string',
    input: '"text":" cluster key abc"',
    output: '"text":" cluster key <redacted>"',
  },
  {
    name: 'an enable password with its kind',
    input: 'enable password 8Ry2YjIyt7RRXU24 encrypted',
    output: 'enable password <redacted> encrypted',
  },
  {
    name: 'a user password',
    input: 'username admin password Pa55w0rd privilege 15',
    output: 'username admin password <redacted> privilege 15',
  },
  {
    name: 'a pre-shared key',
    input: ' ikev1 pre-shared-key 0 TunnelKey',
    output: ' ikev1 pre-shared-key 0 <redacted>',
  },
  {
    name: 'an SNMP community',
    input: 'snmp-server host inside 10.0.0.5 community public',
    output: 'snmp-server host inside 10.0.0.5 community <redacted>',
  },
  { name: 'a JSON property named key is not a secret', input: '{"key": "value"}', output: '{"key": "value"}' },
  // Every secret-bearing command of the ASA command set the product knows of.
  { name: 'a cluster key written as one word', input: ' cluster-key Kx1', output: ' cluster-key <redacted>' },
  {
    name: 'an NTP authentication key',
    input: 'ntp authentication-key 1 md5 NtpK3y',
    output: 'ntp authentication-key 1 md5 <redacted>',
  },
  { name: 'a failover key', input: 'failover key F41lKey', output: 'failover key <redacted>' },
  { name: 'a failover key in hex', input: 'failover key hex 0x1234abcd', output: 'failover key hex <redacted>' },
  {
    name: 'the master passphrase, new and old',
    input: 'key config-key password-encryption NewPass1 OldPass2',
    output: 'key config-key password-encryption <redacted> <redacted>',
  },
  {
    name: 'SNMPv3 auth and priv',
    input: 'snmp-server user u1 g1 v3 auth sha AuthP4ss priv aes 128 PrivP4ss',
    output: 'snmp-server user u1 g1 v3 auth sha <redacted> priv aes 128 <redacted>',
  },
  {
    name: 'SNMPv3 encrypted',
    input: 'snmp-server user u1 g1 v3 encrypted auth md5 aa:bb:cc priv 3des dd:ee',
    output: 'snmp-server user u1 g1 v3 encrypted auth md5 <redacted> priv 3des <redacted>',
  },
  { name: 'an SNMP community', input: 'snmp-server community C0mm', output: 'snmp-server community <redacted>' },
  {
    name: 'an EIGRP key',
    input: ' authentication key eigrp 100 EigrpK3y key-id 1',
    output: ' authentication key eigrp 100 <redacted> key-id 1',
  },
  {
    name: 'an OSPF MD5 key',
    input: ' ospf message-digest-key 1 md5 OspfMd5',
    output: ' ospf message-digest-key 1 md5 <redacted>',
  },
  {
    name: 'an OSPF MD5 key, encrypted',
    input: ' ospf message-digest-key 1 md5 8 OspfEnc',
    output: ' ospf message-digest-key 1 md5 8 <redacted>',
  },
  {
    name: 'an OSPF simple key',
    input: ' ospf authentication-key OspfSimple',
    output: ' ospf authentication-key <redacted>',
  },
  { name: 'a RADIUS or TACACS+ key', input: ' key AaaK3y', output: ' key <redacted>' },
  { name: 'an LDAP login password', input: ' ldap-login-password LdapP4ss', output: ' ldap-login-password <redacted>' },
  { name: 'a RADIUS common password', input: ' radius-common-pw RadPw', output: ' radius-common-pw <redacted>' },
  {
    name: 'an IKEv2 local pre-shared key',
    input: ' ikev2 local-authentication pre-shared-key 8 Ik2Local',
    output: ' ikev2 local-authentication pre-shared-key 8 <redacted>',
  },
  {
    name: 'a PIX isakmp key',
    input: 'isakmp key PixK3y address 0.0.0.0 netmask 0.0.0.0',
    output: 'isakmp key <redacted> address 0.0.0.0 netmask 0.0.0.0',
  },
  {
    name: 'a BGP neighbor password',
    input: ' neighbor 10.0.0.1 password 0 BgpP4ss',
    output: ' neighbor 10.0.0.1 password 0 <redacted>',
  },
  { name: 'a key string of a key chain', input: '  key-string 8 ChainK3y', output: '  key-string 8 <redacted>' },
  {
    name: 'a secret never reaches into the next line',
    input: ' cluster key\n participate',
    output: ' cluster key\n participate',
  },
  {
    name: 'text without secrets is untouched',
    input: ' cluster ip address 192.0.2.100\n participate',
    output: ' cluster ip address 192.0.2.100\n participate',
  },
];

for (const c of CASES) {
  test(`redaction: ${c.name}`, () => {
    assert.equal(redactSecrets(c.input), c.output);
  });
}

// Messages as vscode-languageclient writes them to the trace at `verbose`.
const DOCUMENT = 'hostname a\nvpn load-balancing\n cluster key Pasted5ecret\n';
const OPEN = `Sending notification 'textDocument/didOpen'.\nParams: ${JSON.stringify({ textDocument: { uri: 'file:///a.cfg', languageId: 'asa', version: 1, text: DOCUMENT } }, null, 4)}`;
const TYPED = (ch: string) =>
  `Sending notification 'textDocument/didChange'.\nParams: ${JSON.stringify({ textDocument: { uri: 'file:///a.cfg', version: 7 }, contentChanges: [{ range: { start: { line: 2, character: 13 }, end: { line: 2, character: 13 } }, rangeLength: 0, text: ch }] }, null, 4)}`;

test('the trace carries no document text: didOpen and didChange texts and edits become lengths', () => {
  const open = traceSafe(OPEN);
  assert.doesNotMatch(open, /Pasted5ecret|hostname a|vpn load-balancing/);
  assert.ok(open.includes(`"text": "<${DOCUMENT.length} characters>"`), open);
  for (const ch of 'TypedKey') {
    const typed = traceSafe(TYPED(ch));
    assert.match(typed, /"text": "<1 characters>"/);
    assert.doesNotMatch(typed, new RegExp(`"${ch}"`));
  }
  const edit = withoutDocumentText('{"newText": " cluster key 8 abc\\"def", "title": "Fix"}');
  assert.equal(edit, '{"newText": "<22 characters>", "title": "Fix"}');
  assert.equal(
    withoutDocumentText('{"insertText":"x","label":"participate"}'),
    '{"insertText":"<1 characters>","label":"participate"}',
  );
});

test('files the extension reads through the editor and hands to the server reach the trace as lengths too', () => {
  const files = [
    { uri: 'vscode-remote://host/backups/asa-a.cfg', relativePath: 'asa-a.cfg', text: DOCUMENT },
    { uri: 'vscode-remote://host/backups/gone.cfg', relativePath: 'gone.cfg', text: null },
  ];
  const trace = traceSafe(
    `Sending notification '${WORKSPACE_FILES_NOTIFICATION.method}'.\nParams: ${JSON.stringify({ files }, null, 4)}`,
  );
  assert.doesNotMatch(trace, /Pasted5ecret|hostname a|vpn load-balancing/);
  assert.ok(trace.includes(`"text": "<${DOCUMENT.length} characters>"`), trace);
  assert.ok(trace.includes('"relativePath": "gone.cfg"'), trace);
});
