import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Limiter } from './limiter.ts';

describe('Limiter', () => {
  it('runs at most max tasks at once, in order, and sheds load past maxWaiting', async () => {
    const limiter = new Limiter(2, 2);
    let active = 0;
    let peak = 0;
    const order: number[] = [];
    const gates: (() => void)[] = [];
    const task = (n: number) => limiter.run(async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise<void>((resolve) => gates.push(resolve));
      order.push(n);
      active--;
      return n;
    });
    const runs = [1, 2, 3, 4].map(task);
    assert.equal(await task(5), null, 'the fifth is shed: two running, two waiting');
    while (order.length < 4) {
      await new Promise((r) => setImmediate(r));
      gates.shift()?.();
    }
    assert.deepEqual(await Promise.all(runs), [1, 2, 3, 4]);
    assert.equal(peak, 2);
    assert.deepEqual(order, [1, 2, 3, 4]);
    assert.equal(await limiter.run(async () => 'free again'), 'free again');
  });
});
