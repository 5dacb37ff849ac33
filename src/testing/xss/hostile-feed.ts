import type { Payload } from './payloads.ts';

/** A JSON Feed whose title and items carry the payloads in every field a publisher controls. */
export function hostileFeed(payloads: readonly Payload[], origin: string): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1', title: `Hostile ${payloads[0]!.text}`, home_page_url: `${origin}/`,
    description: payloads.map((p) => p.text).join(' '),
    items: payloads.map((p) => ({
      id: `${origin}/item/${p.n}`, url: `${origin}/item/${p.n}?q=${encodeURIComponent(p.text)}`, title: `Item ${p.n} ${p.text}`,
      summary: p.text, content_html: `<p>${p.text}</p>`, authors: [{ name: `Dana ${p.text}` }], date_published: '2026-11-25T09:00:00Z',
    })),
  });
}
