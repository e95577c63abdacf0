// The new-group flow's suggestions: each is the answer an engineer would type next, and passes the validators.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextHostname, nextInterfaceAddress } from '../../client/src/authoring/suggest';

const HOSTNAMES: [string, string][] = [
  ['vpn-1', 'vpn-2'],
  ['asa09', 'asa10'],
  ['dc-vpn-9', 'dc-vpn-10'],
  ['fw', 'fw-2'],
];

for (const [previous, next] of HOSTNAMES) {
  test(`after hostname ${previous} comes ${next}`, () => assert.equal(nextHostname(previous), next));
}

const ADDRESSES: { previous: string; prefix: number; taken: string[]; next: string }[] = [
  { previous: '209.165.202.130', prefix: 27, taken: ['209.165.202.140'], next: '209.165.202.131/27' },
  { previous: '209.165.202.139', prefix: 27, taken: ['209.165.202.140'], next: '209.165.202.141/27' },
  { previous: '209.165.202.157', prefix: 27, taken: ['209.165.202.158'], next: '' },
  { previous: '10.0.0.254', prefix: 24, taken: [], next: '' },
  { previous: '2001:db8:0:4200::12', prefix: 64, taken: ['2001:db8:0:4200::13'], next: '2001:db8:0:4200::14/64' },
];

for (const a of ADDRESSES) {
  test(`after ${a.previous}/${a.prefix} (taken: ${a.taken.join(', ') || 'none'}) comes ${a.next || 'nothing'}`, () => {
    assert.equal(nextInterfaceAddress({ address: a.previous, prefix: a.prefix }, a.taken), a.next);
  });
}
