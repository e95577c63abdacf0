// Secrets never reach the trace: each line below is what a config (or its JSON form in a trace) holds, and what the log shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redactSecrets } from '../../client/src/redact';

const CASES: { name: string; input: string; output: string }[] = [
  { name: 'a clear cluster key', input: ' cluster key Sup3rSecret', output: ' cluster key <redacted>' },
  { name: 'an encrypted cluster key', input: ' cluster key 8 Xq9dPlHeS1lA0zmQWbY7ZA==', output: ' cluster key 8 <redacted>' },
  { name: 'a masked key stays as it is', input: ' cluster key *****', output: ' cluster key *****' },
  { name: 'a key inside JSON text, up to the line-break escape', input: '{"text":"vpn load-balancing\\n cluster key S3cr\\"et\\n participate"}', output: '{"text":"vpn load-balancing\\n cluster key <redacted>\\n participate"}' },
  { name: 'a key at the end of a JSON string', input: '"text":" cluster key abc"', output: '"text":" cluster key <redacted>"' },
  { name: 'an enable password with its kind', input: 'enable password 8Ry2YjIyt7RRXU24 encrypted', output: 'enable password <redacted> encrypted' },
  { name: 'a user password', input: 'username admin password Pa55w0rd privilege 15', output: 'username admin password <redacted> privilege 15' },
  { name: 'a pre-shared key', input: ' ikev1 pre-shared-key 0 TunnelKey', output: ' ikev1 pre-shared-key 0 <redacted>' },
  { name: 'an SNMP community', input: 'snmp-server host inside 10.0.0.5 community public', output: 'snmp-server host inside 10.0.0.5 community <redacted>' },
  { name: 'a JSON property named key is not a secret', input: '{"key": "value"}', output: '{"key": "value"}' },
  { name: 'text without secrets is untouched', input: ' cluster ip address 192.0.2.100\n participate', output: ' cluster ip address 192.0.2.100\n participate' },
];

for (const c of CASES) {
  test(`redaction: ${c.name}`, () => {
    assert.equal(redactSecrets(c.input), c.output);
  });
}
