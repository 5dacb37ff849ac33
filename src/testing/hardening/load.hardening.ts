/*
 * Issue #8 §5: 200 concurrent readers on the home page, piece pages, search and the feeds for 60 s, while the worker
 * ingests feeds and an editor captures and publishes every 1–2 s (load-scenario.ts, shared with `npm run bench:load`).
 * Asserts what must hold on any machine: no errors, no timeouts, no non-2xx answer on any target, every publish
 * went through, feed items were ingested, the server stopped cleanly. Latencies are printed, never asserted (shared
 * machines are noisy); `npm run bench:load` measures and reports them in BENCHMARKS.md.
 * LOAD_SECONDS, LOAD_CONNECTIONS, LOAD_PIECES, LOAD_FEEDS shorten or grow it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadOptions, runLoadScenario } from './load-scenario.ts';

describe('load: readers while the newsroom writes', () => {
  it('serves every reader request without an error while feeds are ingested and pieces published', async () => {
    const r = await runLoadScenario(loadOptions(process.env, (line) => console.log(`  ${line}`)));
    for (const t of r.targets) {
      console.log(`  ${t.name}: ${t.requests} requests, ${t.rps} req/s, p50 ${t.p50} ms, p99 ${t.p99} ms, max ${t.max} ms, statuses ${JSON.stringify(t.statuses)}`);
    }
    console.log(`  published ${r.published}, ingested ${r.ingested} feed items (${r.feedPolls} feed answers); server RSS peak ${r.rssPeakMb} MB, CPU ${r.serverCpuPercent}%; load average ${r.loadStart.map((l) => l.toFixed(1)).join(', ')} → ${r.loadEnd.map((l) => l.toFixed(1)).join(', ')}`);
    for (const t of r.targets) {
      assert.ok(t.requests > 0, `${t.name}: readers were served`);
      assert.deepEqual({ errors: t.errors, timeouts: t.timeouts, non2xx: t.non2xx }, { errors: 0, timeouts: 0, non2xx: 0 }, `${t.name}: ${JSON.stringify(t.statuses)}`);
    }
    assert.deepEqual(r.publishFailures, [], 'every capture and publish by the editor went through');
    assert.ok(r.published > 0, 'the editor published during the run');
    assert.ok(r.ingested > 0, 'the worker ingested feed items during the run');
    assert.equal(r.serverExit, 0, 'the server stopped cleanly on SIGTERM');
  });
});
