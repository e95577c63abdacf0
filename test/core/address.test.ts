// Reading IPv4 addresses and masks: the model's own reading of plain decimal parts and of masks must give what
// ipaddr.js gives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ipaddr from 'ipaddr.js';
import { maskToPrefix, parseAddress, parseIPv4 } from '../../server/src/core/net/address';

test('an IPv4 address reads as ipaddr.js reads it, octal parts and out-of-range parts included', () => {
  const inputs = [
    '10.0.0.1',
    '0.0.0.0',
    '255.255.255.255',
    '198.51.100.250',
    '256.1.1.1',
    '1.2.3.999',
    '010.1.1.1',
    '08.1.1.1',
    '1.00.1.1',
    '10.0.0.01',
  ];
  for (const text of inputs) {
    let expected: number[] | null;
    try {
      expected = ipaddr.IPv4.parse(text).octets;
    } catch {
      expected = null;
    }
    assert.deepEqual(parseIPv4(text)?.octets ?? null, expected, text);
  }
  // What is not four decimal parts is not an address here, whatever ipaddr.js accepts.
  for (const text of ['10.1', '0x0a.0.0.1', '1.2.3.4.5', '1.2.3.', ' 1.2.3.4'])
    assert.equal(parseIPv4(text), null, text);
});

test('any address reads as ipaddr.js reads it, but only four decimal parts are IPv4', () => {
  const inputs = [
    '10.0.0.1',
    '010.1.1.1',
    '256.1.1.1',
    '10.1',
    '0x0a.0.0.1',
    '2001:db8::1',
    '2001:DB8:0:0:0:0:0:1',
    '::',
    '::ffff:10.0.0.1',
    'fe80::1%outside',
    '2001:db8::g',
    '1:2:3:4:5:6:7:8:9',
    ':',
    'outside',
    '',
  ];
  for (const text of inputs) {
    let expected: string | null;
    try {
      expected =
        ipaddr.isValid(text) && (text.includes(':') || /^\d+\.\d+\.\d+\.\d+$/.test(text))
          ? ipaddr.parse(text).toString()
          : null;
    } catch {
      expected = null;
    }
    assert.equal(parseAddress(text)?.toString() ?? null, expected, text);
  }
});

test('a mask reads as the prefix length ipaddr.js gives, and a mask with a gap as none', () => {
  const masks = [
    '255.255.255.0',
    '255.255.255.255',
    '0.0.0.0',
    '255.255.254.0',
    '255.128.0.0',
    '128.0.0.0',
    '255.255.255.252',
    '255.0.255.0',
    '255.255.0.128',
    '254.255.0.0',
    '255.255.255.1',
    '10.0.0.1',
    '0.255.255.255',
    '256.0.0.0',
  ];
  for (let bits = 0; bits <= 32; bits++) masks.push(ipaddr.IPv4.subnetMaskFromPrefixLength(bits).toString());
  for (const mask of masks) {
    let expected: number | null;
    try {
      expected = ipaddr.IPv4.parse(mask).prefixLengthFromSubnetMask();
    } catch {
      expected = null;
    }
    assert.equal(maskToPrefix(mask), expected, mask);
  }
});
