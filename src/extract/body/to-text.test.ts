import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countWords } from './to-text.ts';

/** The definition countWords must agree with. */
function reference(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

test('counts words exactly as the Unicode letter/number pattern does', () => {
  const samples = [
    '', '   ', 'one', 'Two words.', 'don’t — stop… 12,5 km/h', 'Ünïcödé façade naïve', 'Москва — столица России',
    '東京都 2024年', 'العربية ٣٤ كلمة', 'math 𝐀𝐁𝐂 and emoji 😀 here', 'lone \ud800 high, lone \udc00 low',
    'tab\tnew\nline\u00a0nbsp', 'ﬁne ½ Ⅻ ²', 'a_b-c.d', 'x\ud83d',
  ];
  for (const s of samples) assert.equal(countWords(s), reference(s), JSON.stringify(s));
});

test('agrees with the pattern on random mixed text', () => {
  const alphabet = ['a', 'Z', '7', ' ', '\n', '-', '’', 'é', 'Ж', '東', '٣', '😀', '𝐀', '\ud800', '\u00a0', '.'];
  let seed = 42;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 2000; i++) {
    let s = '';
    for (let n = Math.floor(next() * 30); n > 0; n--) s += alphabet[Math.floor(next() * alphabet.length)];
    assert.equal(countWords(s), reference(s), JSON.stringify(s));
  }
});
