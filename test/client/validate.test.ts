// The new-group flow's answers, checked as they are typed: each row is what an engineer types and what the input
// box says (nothing when the answer is fine).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  validateHardwareId,
  validateHostname,
  validateKey,
  validateMemberCount,
  validateNameif,
  validateOptionalIpv6,
  validatePort,
  validatePriority,
  validatePrivateAddress,
  validatePublicAddress,
  validatePublicV6Address,
  validateVirtualAddress,
  type GroupDraft,
} from '../../client/src/authoring/validate';

const DRAFT: GroupDraft = {
  vip: '209.165.202.140',
  vipv6: '2001:db8:0:4200::140',
  members: [
    {
      hostname: 'vpn-1',
      public: { address: '209.165.202.130', prefix: 27 },
      publicV6: { address: '2001:db8:0:4200::130', prefix: 64 },
      private: { address: '10.20.0.11', prefix: 24 },
    },
  ],
};
const EMPTY: GroupDraft = { ...DRAFT, members: [] };

const ROWS: { field: string; check: (text: string) => string | undefined; input: string; says: RegExp | null }[] = [
  { field: 'virtual address', check: validateVirtualAddress, input: '209.165.202.140', says: null },
  { field: 'virtual address', check: validateVirtualAddress, input: '209.165.202', says: /is not an IPv4 address/ },
  { field: 'virtual address', check: validateVirtualAddress, input: '224.0.0.5', says: /cannot be a virtual address/ },
  { field: 'virtual address', check: validateVirtualAddress, input: '', says: /^Type the group's virtual address/ },
  { field: 'virtual IPv6 address', check: validateOptionalIpv6, input: '', says: null },
  { field: 'virtual IPv6 address', check: validateOptionalIpv6, input: '2001:db8:0000:4200::140', says: null },
  {
    field: 'virtual IPv6 address',
    check: validateOptionalIpv6,
    input: '2001:db8::140/64',
    says: /without a prefix length/,
  },
  { field: 'port', check: validatePort, input: '9023', says: null },
  { field: 'port', check: validatePort, input: '65536', says: /from 1 to 65535; 65536 is out of range/ },
  { field: 'port', check: validatePort, input: '90a', says: /whole number/ },
  { field: 'priority', check: validatePriority, input: '10', says: null },
  { field: 'priority', check: validatePriority, input: '0', says: /from 1 to 10/ },
  { field: 'members', check: validateMemberCount, input: '11', says: /from 1 to 10.*largest group the vendor tests/ },
  { field: 'hostname', check: (t) => validateHostname(t, ['vpn-1']), input: 'vpn-2', says: null },
  { field: 'hostname', check: (t) => validateHostname(t, ['vpn-1']), input: 'VPN-1', says: /already called 'VPN-1'/ },
  { field: 'hostname', check: (t) => validateHostname(t), input: 'vpn_2', says: /letters, digits and hyphens/ },
  {
    field: 'hostname',
    check: (t) => validateHostname(t),
    input: '-vpn',
    says: /starts and ends with a letter or digit/,
  },
  {
    field: 'interface name',
    check: (t) => validateNameif(t, 'outside'),
    input: 'outside',
    says: /need different names/,
  },
  { field: 'interface name', check: (t) => validateNameif(t), input: '1st', says: /starts with a letter/ },
  { field: 'hardware interface', check: (t) => validateHardwareId(t), input: 'Port-channel1.100', says: null },
  {
    field: 'hardware interface',
    check: (t) => validateHardwareId(t),
    input: 'eth zero',
    says: /not a hardware interface id/,
  },
  { field: 'key', check: validateKey, input: 'S3cret!', says: null },
  { field: 'key', check: validateKey, input: '*****', says: /hidden key/ },
  { field: 'key', check: validateKey, input: 'two words', says: /cannot contain spaces/ },
  {
    field: 'first public address',
    check: (t) => validatePublicAddress(t, EMPTY),
    input: '209.165.202.130/27',
    says: null,
  },
  {
    field: 'first public address',
    check: (t) => validatePublicAddress(t, EMPTY),
    input: '209.165.202.130 255.255.255.224',
    says: null,
  },
  {
    field: 'first public address',
    check: (t) => validatePublicAddress(t, EMPTY),
    input: '209.165.202.130 255.255.0.255',
    says: /not a subnet mask/,
  },
  {
    field: 'first public address',
    check: (t) => validatePublicAddress(t, EMPTY),
    input: '209.165.202.130/29',
    says: /virtual address 209\.165\.202\.140 is not in 209\.165\.202\.128\/29/,
  },
  {
    field: 'first public address',
    check: (t) => validatePublicAddress(t, EMPTY),
    input: '209.165.202.140/27',
    says: /is the group's virtual address/,
  },
  {
    field: 'first public address',
    check: (t) => validatePublicAddress(t, EMPTY),
    input: '209.165.202.159/27',
    says: /network or broadcast address/,
  },
  {
    field: 'first public address',
    check: (t) => validatePublicAddress(t, EMPTY),
    input: '209.165.202.130',
    says: /with its subnet/,
  },
  {
    field: 'second public address',
    check: (t) => validatePublicAddress(t, DRAFT),
    input: '209.165.202.131/27',
    says: null,
  },
  {
    field: 'second public address',
    check: (t) => validatePublicAddress(t, DRAFT),
    input: '209.165.202.130/27',
    says: /already the public address of vpn-1/,
  },
  {
    field: 'second public address',
    check: (t) => validatePublicAddress(t, DRAFT),
    input: '209.165.202.131/26',
    says: /Members share one public network: vpn-1 is on 209\.165\.202\.128\/27/,
  },
  {
    field: 'second public IPv6 address',
    check: (t) => validatePublicV6Address(t, DRAFT),
    input: '2001:db8:0:4200::131/64',
    says: null,
  },
  {
    field: 'second public IPv6 address',
    check: (t) => validatePublicV6Address(t, DRAFT),
    input: '2001:db8:0:4200:0:0:0:130/64',
    says: /already the public IPv6 address of vpn-1/,
  },
  {
    field: 'second public IPv6 address',
    check: (t) => validatePublicV6Address(t, DRAFT),
    input: '2001:db8:0:4201::131/64',
    says: /virtual IPv6 address 2001:db8:0:4200::140 is not in 2001:db8:0:4201::\/64/,
  },
  {
    field: 'second private address',
    check: (t) => validatePrivateAddress(t, DRAFT, { address: '209.165.202.131', prefix: 27 }),
    input: '10.20.0.12/24',
    says: null,
  },
  {
    field: 'second private address',
    check: (t) => validatePrivateAddress(t, DRAFT, { address: '209.165.202.131', prefix: 27 }),
    input: '10.20.1.12/24',
    says: /Members share one private network/,
  },
  {
    field: 'second private address',
    check: (t) => validatePrivateAddress(t, DRAFT, { address: '209.165.202.131', prefix: 27 }),
    input: '209.165.202.150/24',
    says: /overlaps the public network 209\.165\.202\.128\/27/,
  },
];

for (const row of ROWS) {
  test(`${row.field}: ${JSON.stringify(row.input)} → ${row.says ?? 'accepted'}`, () => {
    const verdict = row.check(row.input);
    if (row.says === null) assert.equal(verdict, undefined);
    else assert.match(verdict ?? '(accepted)', row.says);
  });
}

test('a refused key is never quoted back', () => {
  for (const key of ['two words', '*****', 'ключ']) assert.ok(!(validateKey(key) ?? '').includes(key));
});
