// Which words a secret may follow, and how much of an unknown line a message quotes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isKeyLike, quotedStart } from '../../server/src/core/syntax/key-like';

test('keywords that introduce secrets are key-like, misspelled ones too', () => {
  for (const word of [
    'key',
    'KEY',
    'kye',
    'ky',
    'kee',
    'keys',
    'cluster-key',
    'pre-shared-key',
    'authentication-key',
    'message-digest-key',
    'password',
    'passwd',
    'secret',
    'community',
    'auth',
    'priv',
    'md5',
    'ikev2-psk',
  ]) {
    assert.ok(isKeyLike(word), word);
  }
  for (const word of [
    'cluster',
    'ip',
    'address',
    'priority',
    'participate',
    'interface',
    'lbpublic',
    'encryption',
    'port',
    'nat',
    'redirect-fqdn',
    'enable',
    'outside',
    'k',
  ]) {
    assert.ok(!isKeyLike(word), word);
  }
});

test('a quote holds at most three words and stops after a key-like one', () => {
  assert.equal(quotedStart(['priorty', '7']), 'priorty 7');
  assert.equal(quotedStart(['cluster', 'timeout', '5', '6']), 'cluster timeout 5 …');
  assert.equal(quotedStart(['cluster', 'kye', 'S3cret']), 'cluster kye …');
  assert.equal(quotedStart(['no', 'cluster-key', 'S3cret']), 'no cluster-key …');
  assert.equal(quotedStart(['key']), 'key');
});
