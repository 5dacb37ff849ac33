/** The per-host semaphore. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HostLimiter } from './host-limiter.ts';

describe('HostLimiter', () => {
  it('grants N permits per host, queues the rest FIFO and hosts do not share', async () => {
    const l = new HostLimiter(2);
    const a1 = await l.acquire('a.test');
    const a2 = await l.acquire('A.test');
    const b1 = await l.acquire('b.test');
    const order: number[] = [];
    const p3 = l.acquire('a.test').then((r) => (order.push(3), r));
    const p4 = l.acquire('a.test').then((r) => (order.push(4), r));
    await Promise.resolve();
    assert.equal(l.active('a.test'), 2);
    assert.deepEqual(order, []);
    a1();
    a1(); // releasing twice must not free a second permit
    const r3 = await p3;
    assert.deepEqual(order, [3]);
    assert.equal(l.active('a.test'), 2);
    a2();
    const r4 = await p4;
    r3();
    r4();
    b1();
    assert.equal(l.active('a.test'), 0);
  });

  it('rejects a waiter whose signal aborts, and forgets it', async () => {
    const l = new HostLimiter(1);
    const r1 = await l.acquire('a.test');
    const ac = new AbortController();
    const waiting = l.acquire('a.test', ac.signal);
    ac.abort(new Error('gone'));
    await assert.rejects(waiting, /gone/);
    r1();
    assert.equal(l.active('a.test'), 0);
  });
});
