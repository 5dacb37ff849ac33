import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CliError } from './cli-error.ts';
import { feedChanges } from './feed-settings.ts';

const NOW = new Date('2026-03-02T12:00:00Z');
const feed = { next_check_at: '2026-03-03T12:00:00.000Z' };

describe('feeds set options', () => {
  it('turns options into the row\u2019s changes; a shorter interval brings the next check forward', () => {
    assert.deepEqual(feedChanges({ interval: '2', rules: 'Kazakhstan|Казахстан , ЄС', language: 'pt-BR', userAgent: 'Bot/1', enable: true }, feed, NOW), {
      interval_seconds: 120, next_check_at: '2026-03-02T12:02:00.000Z', keyword_rules: '["Kazakhstan|Казахстан","ЄС"]', language: 'pt-BR', user_agent: 'Bot/1', enabled: 1,
    });
    assert.deepEqual(feedChanges({ interval: '1440' }, feed, NOW), { interval_seconds: 86_400 }, 'a check already sooner stays');
    assert.deepEqual(feedChanges({ rules: '', language: '', userAgent: '', disable: true }, feed, NOW), { keyword_rules: null, language: null, user_agent: null, enabled: 0 });
  });

  it('refuses each bad option in one line naming it', () => {
    const cases: [Parameters<typeof feedChanges>[0], RegExp][] = [
      [{ interval: '1' }, /^--interval must be between 2 and 1440 minutes \(got 1\)$/],
      [{ interval: '1441' }, /^--interval must be between 2 and 1440/],
      [{ interval: 'fast' }, /^--interval is in minutes/],
      [{ interval: '-5' }, /^--interval is in minutes/],
      [{ rules: 'ok, |' }, /^--rules: "\|" has no keyword/],
      [{ language: 'Ukrainian language' }, /^--language must be a language code/],
      [{ userAgent: 'a\nb' }, /^--user-agent must be one line/],
      [{ enable: true, disable: true }, /^give --enable or --disable, not both$/],
      [{}, /^nothing to change/],
    ];
    for (const [o, re] of cases) {
      assert.throws(() => feedChanges(o, feed, NOW), (e: unknown) => e instanceof CliError && re.test(e.message) && !e.message.includes('\n'), JSON.stringify(o));
    }
  });
});
