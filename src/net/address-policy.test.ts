/** Address classification: every non-public range refused with its rule, public addresses let through. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkHost, checkUrlShape, classifyAddress } from './address-policy.ts';

describe('classifyAddress', () => {
  const refused: Array<[string, string]> = [
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.1', 'private'],
    ['fec0::1', 'private'],
    ['169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['169.254.0.1', 'link-local'],
    ['fe80::abcd', 'link-local'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['224.0.0.251', 'multicast'],
    ['ff05::2', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['fd12:3456::1', 'ipv6-ula'],
    ['fc00::1', 'ipv6-ula'],
    ['::ffff:127.0.0.1', 'ipv4-mapped'],
    ['::ffff:10.0.0.1', 'ipv4-mapped'],
    ['::127.0.0.1', 'ipv4-mapped'],
    ['64:ff9b::7f00:1', 'nat64'],
    ['64:ff9b::10.0.0.1', 'nat64'],
    ['64:ff9b:1::1', 'nat64'],
    ['2002:c0a8:101::1', 'nat64'],
    ['192.0.2.10', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['203.0.113.9', 'reserved'],
    ['240.1.2.3', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['2001::1', 'reserved'],
    ['100::1', 'reserved'],
    ['[::1]', 'loopback'],
    ['fe80::1%eth0', 'link-local'],
  ];
  for (const [addr, rule] of refused) {
    it(`refuses ${addr} as ${rule}`, () => {
      const r = classifyAddress(addr);
      assert.equal(r?.rule, rule, r?.message);
      assert.match(r!.message, /^refused: /);
    });
  }

  for (const addr of ['8.8.8.8', '93.184.215.14', '1.1.1.1', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8', '64:ff9b::808:808', '100.63.255.255', '172.32.0.1']) {
    it(`lets public ${addr} through`, () => assert.equal(classifyAddress(addr), null));
  }
});

describe('checkUrlShape and checkHost', () => {
  it('refuses other schemes, credentials and non-web ports', () => {
    assert.equal(checkUrlShape(new URL('ftp://example.com/'))?.rule, 'scheme');
    assert.equal(checkUrlShape(new URL('https://a:b@example.com/'))?.rule, 'credentials');
    assert.equal(checkUrlShape(new URL('http://example.com:22/'))?.rule, 'port-not-allowed');
    assert.equal(checkUrlShape(new URL('https://example.com:8443/')), null);
  });

  it('judges localhost names without DNS and leaves other names to the connect-time check', () => {
    assert.equal(checkHost('localhost')?.rule, 'loopback');
    assert.equal(checkHost('a.b.localhost.')?.rule, 'loopback');
    assert.equal(checkHost('example.com'), null);
    assert.equal(checkHost('[::1]')?.rule, 'loopback');
  });
});
