/** NEWSDESK_FETCH_ALLOW parsing and matching. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAllowed, isAllowedTarget, parseFetchAllow } from './fetch-allow.ts';

describe('parseFetchAllow', () => {
  it('parses hosts and host:port entries, canonicalising hosts', () => {
    assert.deepEqual(parseFetchAllow(' 127.0.0.1:8790, localhost ,[0::1]:80,Fixture.Test,127.1:9'), [
      { host: '127.0.0.1', port: 8790 },
      { host: 'localhost' },
      { host: '[::1]', port: 80 },
      { host: 'fixture.test' },
      { host: '127.0.0.1', port: 9 },
    ]);
  });

  it('gives an empty list for an empty setting', () => {
    assert.deepEqual(parseFetchAllow(''), []);
    assert.deepEqual(parseFetchAllow(' , '), []);
  });

  for (const bad of ['http://127.0.0.1', '127.0.0.1:0', '127.0.0.1:70000', 'a b', '127.0.0.1:80/x', 'user@host', '[::1', 'host:port', '::1']) {
    it(`rejects "${bad}" with a one-line message`, () => {
      assert.throws(() => parseFetchAllow(bad), (e: Error) => e.message.startsWith('NEWSDESK_FETCH_ALLOW: ') && !e.message.includes('\n'));
    });
  }
});

describe('isAllowed', () => {
  const entries = parseFetchAllow('127.0.0.1:8790,localhost,[::1]:8080');
  it('opens exactly host:port, or any port of a bare host', () => {
    assert.equal(isAllowed(entries, new URL('http://127.0.0.1:8790/x')), true);
    assert.equal(isAllowed(entries, new URL('http://127.0.0.1:8791/x')), false);
    assert.equal(isAllowed(entries, new URL('http://127.0.0.1/x')), false);
    assert.equal(isAllowed(entries, new URL('http://localhost:1234/')), true);
    assert.equal(isAllowed(entries, new URL('https://localhost/')), true);
    assert.equal(isAllowed(entries, new URL('http://[::1]:8080/')), true);
    assert.equal(isAllowed(entries, new URL('http://[::1]:8081/')), false);
    assert.equal(isAllowed(entries, new URL('http://127.0.0.2:8790/')), false);
  });

  it('matches the spelling-independent canonical host', () => {
    assert.equal(isAllowed(entries, new URL('http://2130706433:8790/')), true);
  });

  it('matches connection targets with or without brackets', () => {
    assert.equal(isAllowedTarget(entries, '::1', 8080), true);
    assert.equal(isAllowedTarget(entries, '[::1]', 8080), true);
    assert.equal(isAllowedTarget([], '127.0.0.1', 8790), false);
  });
});
