import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { Parser } from 'htmlparser2';
import { useFixtureSite } from '../../testing/fixture-server.ts';
import { storeKinds } from '../../testing/test-stores.ts';
import { EditorClient, startEditorApp, TEST_USERS } from './test-client.ts';

/*
 * Bad input in the editor: markup and script typed into every field of the piece form, the capture URL and the
 * search box come back as text on every screen that shows them (edit, preview, list, history, reader page); a
 * field far too long is refused with a message naming it while everything typed stays in the form.
 */

const PAGE = fs.readFileSync(new URL('../../ingest/testdata/opinion-page.html', import.meta.url), 'utf8');
const ARTICLE = '/2022/01/18/opinions/bad-input/index.html';
const PAYLOADS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(2)>', '<svg/onload=alert(3)>', "'><iframe srcdoc=\"<script>alert(4)</script>\">", '<a href="javascript:alert(5)">x</a>'];
const FIELDS = ['headline', 'headline_override', 'editor_note', 'image_caption', 'image_credit', 'image_alt', 'tags'];

const site = useFixtureSite({ [ARTICLE]: { body: PAGE } });

/** Parses the page and fails on any element or attribute a payload could have smuggled in. */
function assertInert(body: string, where: string): void {
  for (const p of PAYLOADS) assert.ok(!body.includes(p), `${where} contains the raw payload ${p}`);
  const live: string[] = [];
  let inScript = false;
  let jsonLd = false;
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === 'script') { inScript = true; jsonLd = attrs.type === 'application/ld+json'; }
      if (name === 'script' && !/^\/assets\//.test(attrs.src ?? '') && attrs.type !== 'application/ld+json') live.push(`<script> ${JSON.stringify(attrs)}`);
      if (['svg', 'iframe'].includes(name) || (name === 'img' && attrs.src === 'x')) live.push(`<${name}>`);
      for (const [k, v] of Object.entries(attrs)) {
        if (/^on/i.test(k) || k === 'srcdoc' || /^\s*javascript:/i.test(v)) live.push(`<${name} ${k}="${v}">`);
      }
    },
    ontext(text) { if (inScript && !jsonLd && /alert/.test(text)) live.push(`script text ${text.slice(0, 60)}`); },
    onclosetag(name) { if (name === 'script') inScript = false; },
  });
  parser.write(body);
  parser.end();
  assert.deepEqual(live, [], `${where} has live markup`);
}

for (const kind of storeKinds()) {
  describe(`editor bad input on ${kind.name}`, () => {
    it('shows markup typed into any field as text, everywhere', async () => {
      const t = await startEditorApp(await kind.create(), { fetchPage: site.fetchPage });
      try {
        const c = new EditorClient(t.app);
        await c.signIn(TEST_USERS.editor);
        assertInert((await c.get(`/editor/capture?url=${encodeURIComponent(PAYLOADS.join(' '))}`)).body, 'capture form');
        assertInert((await c.post('/editor/capture', { url: PAYLOADS[1]! })).body, 'capture refusal');
        const id = /\/editor\/pieces\/(\d+)/.exec((await c.post('/editor/capture', { url: site.origin + ARTICLE })).location ?? '')![1]!;
        const edit = await c.get(`/editor/pieces/${id}`);
        const version = /name="version" value="(\d+)"/.exec(edit.body)![1]!;
        const form: Record<string, string> = { version, action: 'publish', image_decision: 'link' };
        FIELDS.forEach((f, i) => { form[f] = `${f}: ${PAYLOADS[i % PAYLOADS.length]}`; });
        assert.equal((await c.post(`/editor/pieces/${id}`, form)).status, 303);
        const screens = {
          edit: `/editor/pieces/${id}`, preview: `/editor/pieces/${id}/preview`, history: `/editor/pieces/${id}/history`,
          list: `/editor/pieces?q=${encodeURIComponent(PAYLOADS[0]!)}`, all: '/editor/pieces', directory: '/editor/directory',
        };
        for (const [name, url] of Object.entries(screens)) {
          const res = await c.get(url);
          assert.equal(res.status, 200, `${name} answers`);
          assertInert(res.body, name);
        }
        const path = (await t.store.db.selectFrom('pieces').select('path').executeTakeFirstOrThrow()).path!;
        const page = await t.app.inject({ url: path });
        assert.equal(page.statusCode, 200);
        assertInert(page.body, 'reader page');
        assert.ok(page.body.includes('headline_override: &quot;&gt;&lt;img src=x onerror=alert(2)&gt;'), 'the override is shown, as text');
      } finally {
        await t.close();
      }
    });

    it('refuses a field far too long, naming it, and keeps everything typed', async () => {
      const t = await startEditorApp(await kind.create(), { fetchPage: site.fetchPage });
      try {
        const c = new EditorClient(t.app);
        await c.signIn(TEST_USERS.editor);
        const id = /\/editor\/pieces\/(\d+)/.exec((await c.post('/editor/capture', { url: site.origin + ARTICLE })).location ?? '')![1]!;
        const edit = await c.get(`/editor/pieces/${id}`);
        const version = /name="version" value="(\d+)"/.exec(edit.body)![1]!;
        const res = await c.post(`/editor/pieces/${id}`, { version, action: 'save', headline: 'x'.repeat(5000), editor_note: 'a note I spent ten minutes on' });
        assert.equal(res.status, 400);
        assert.match(res.body, /headline is too long/);
        assert.ok(res.body.includes('a note I spent ten minutes on'));
        const huge = await c.post(`/editor/pieces/${id}`, { version, action: 'save', editor_note: 'y'.repeat(1_100_000) });
        assert.equal(huge.status, 413);
        assert.match(huge.body, /too large/);
      } finally {
        await t.close();
      }
    });
  });
}
