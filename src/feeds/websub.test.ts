import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, it } from 'node:test';
import { checkSignature, subscriptionForm, verifyIntent } from './websub.ts';

describe('WebSub', () => {
  it('builds the subscription form', () => {
    assert.deepEqual(subscriptionForm({ mode: 'subscribe', topic: 'https://t.test/feed', callback: 'https://us.test/websub/7', secret: 's', leaseSeconds: 60 }),
      { 'hub.mode': 'subscribe', 'hub.topic': 'https://t.test/feed', 'hub.callback': 'https://us.test/websub/7', 'hub.secret': 's', 'hub.lease_seconds': '60' });
  });
  it('verifies only the intent we have', () => {
    const q = { 'hub.mode': 'subscribe', 'hub.topic': 'https://t.test/feed', 'hub.challenge': 'abc', 'hub.lease_seconds': '86400' };
    assert.deepEqual(verifyIntent(q, { topic: 'https://t.test/feed', state: 'pending' }), { ok: true, challenge: 'abc', mode: 'subscribe', leaseSeconds: 86400 });
    assert.equal(verifyIntent(q, { topic: 'https://other.test/feed', state: 'pending' }).ok, false);
    assert.equal(verifyIntent({ ...q, 'hub.mode': 'unsubscribe' }, { topic: 'https://t.test/feed', state: 'active' }).ok, false, 'nobody unsubscribes us unasked');
    assert.equal(verifyIntent({ 'hub.mode': 'subscribe' }, { topic: 'https://t.test/feed', state: 'pending' }).ok, false);
    const denied = verifyIntent({ 'hub.mode': 'denied', 'hub.topic': 'https://t.test/feed', 'hub.reason': 'no' }, { topic: 'https://t.test/feed', state: 'pending' });
    assert.ok(!denied.ok && /denied/.test(denied.message));
  });
  it('checks X-Hub-Signature HMACs in every algorithm and rejects forgeries', () => {
    const body = Buffer.from('<rss/>');
    for (const alg of ['sha1', 'sha256', 'sha512']) {
      const sig = `${alg}=${crypto.createHmac(alg, 'secret').update(body).digest('hex')}`;
      assert.equal(checkSignature(sig, body, 'secret'), true, alg);
      assert.equal(checkSignature(sig, Buffer.from('<rss>x</rss>'), 'secret'), false, `${alg} other body`);
      assert.equal(checkSignature(sig, body, 'other'), false, `${alg} other secret`);
    }
    assert.equal(checkSignature(undefined, body, 'secret'), false);
    assert.equal(checkSignature('md5=abcd', body, 'secret'), false);
    assert.equal(checkSignature('sha1=zz', body, 'secret'), false);
    assert.equal(checkSignature('sha256=00', body, null), false);
  });
});
