import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bandKeys, fingerprintText, minhash, SAME_PIECE_SIMILARITY, similarity } from './minhash.ts';

const wire = {
  title: 'Kazakhstan parliament approves constitutional reform after long debate',
  lead: 'ASTANA — Kazakhstan\u2019s parliament on Tuesday approved a package of constitutional amendments that reduce presidential powers and strengthen the role of lawmakers, after a debate that lasted more than a week.',
};
// The same wire story as partners republish it: a dateline credit, a tweaked headline, a trailing sentence.
const partner = {
  title: 'Kazakhstan parliament approves constitutional reform after long debate - Partner News',
  lead: 'ASTANA (AP) — Kazakhstan\u2019s parliament on Tuesday approved a package of constitutional amendments that reduce presidential powers and strengthen the role of lawmakers, after a debate that lasted more than a week.',
};
const sameTopicDifferentStory = {
  title: 'Kazakhstan opposition criticises constitutional reform as cosmetic',
  lead: 'Opposition figures in Kazakhstan said on Wednesday that the amendments passed by parliament leave the president\u2019s grip on power intact and called for early elections.',
};
const unrelated = {
  title: 'City council votes to expand bicycle lanes across the centre',
  lead: 'The council approved a plan on Monday to add forty kilometres of protected bicycle lanes, despite objections from shop owners worried about parking.',
};
const ukrainian = {
  title: 'Парламент Казахстану схвалив конституційну реформу після тривалих дебатів',
  lead: 'АСТАНА — Парламент Казахстану у вівторок схвалив пакет конституційних поправок, які зменшують повноваження президента та посилюють роль депутатів.',
};
const ukrainianRepost = {
  title: 'Парламент Казахстану схвалив конституційну реформу після тривалих дебатів',
  lead: 'АСТАНА (Укрінформ) — Парламент Казахстану у вівторок схвалив пакет конституційних поправок, які зменшують повноваження президента та посилюють роль депутатів.',
};

function fp(x: { title: string; lead: string }): string {
  const f = minhash(fingerprintText(x.title, `${x.lead}\nA second paragraph that differs between outlets entirely ${x.title.length}.`));
  assert.ok(f);
  return f;
}

describe('minhash near-duplicates', () => {
  it('groups republished wire copy and keeps distinct stories apart', () => {
    const s = (a: typeof wire, b: typeof wire) => similarity(fp(a), fp(b));
    assert.ok(s(wire, partner) >= SAME_PIECE_SIMILARITY, `wire vs partner: ${s(wire, partner)}`);
    assert.ok(s(ukrainian, ukrainianRepost) >= SAME_PIECE_SIMILARITY, `uk repost: ${s(ukrainian, ukrainianRepost)}`);
    assert.ok(s(wire, sameTopicDifferentStory) < SAME_PIECE_SIMILARITY / 2, `same topic: ${s(wire, sameTopicDifferentStory)}`);
    assert.ok(s(wire, unrelated) < SAME_PIECE_SIMILARITY / 2, `unrelated: ${s(wire, unrelated)}`);
    assert.ok(s(wire, ukrainian) < SAME_PIECE_SIMILARITY / 2, `translation is another piece: ${s(wire, ukrainian)}`);
  });

  it('identical text gives identical signatures; near duplicates share a band, unrelated pieces do not', () => {
    assert.equal(fp(wire), fp({ ...wire }));
    const a = bandKeys(fp(wire));
    assert.equal(a.length, 12);
    assert.ok(bandKeys(fp(partner)).some((k) => a.includes(k)), 'near duplicates share a band');
    assert.ok(!bandKeys(fp(unrelated)).some((k) => a.includes(k)), 'unrelated pieces share none');
  });

  it('gives no fingerprint to text too short to identify a piece', () => {
    assert.equal(minhash('Live updates'), null);
    assert.equal(minhash(''), null);
  });

  it('is insensitive to case, punctuation and ё/е', () => {
    assert.equal(minhash('Ещё одна новость о выборах в парламент Казахстана, сказал депутат сегодня'), minhash('еще одна НОВОСТЬ о выборах в парламент казахстана сказал депутат сегодня!!'));
  });
});
