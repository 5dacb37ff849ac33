import type { Payload } from './payloads.ts';

/** Escapes a string for an HTML attribute, so the payload arrives intact as the attribute's value. */
function attr(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

/** JSON for inside a <script> block: `<` escaped so the payload stays inside the JSON-LD string. */
function jsonLd(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}

// Closes whatever a payload left open (a comment, a raw-text element, a select) so the rest of the page still parses;
// closing tags of elements that are not open are ignored by the parser.
const CLOSER = '--></textarea></xmp></title></style></noscript></template></iframe></select></object></script></svg></math></details></audio></video></marquee></a>';

/** A payload placed as raw markup; <plaintext> cannot be closed, so it goes in as text there (it still hits the text fields). */
function raw(text: string): string {
  return /<plaintext/i.test(text) ? text.replaceAll('<', '&lt;') : `${text}${CLOSER}`;
}

const PROSE = [
  'The council met on Tuesday evening to discuss the budget for the coming year, and the debate ran long past midnight.',
  'Residents who attended said the proposals would close two libraries and cut the hours of the remaining swimming pool.',
  'Officials answered that the city had no choice after the regional government reduced its grant by a fifth this spring.',
  'Several speakers asked for a public audit of the transport department, whose overspending has grown for three years.',
];

/**
 * A source page (served by the fixture server) whose every outside field carries the batch's payloads: title, meta
 * tags, JSON-LD (headline, author name and url, description, caption), headline, byline, caption, credit, body
 * paragraphs, author bio and website. Real prose surrounds them so the extractor still sees an article.
 */
export function hostilePage(batch: readonly Payload[], slug: string): string {
  const all = batch.map((p) => p.text).join(' ');
  const first = batch[0]!.text;
  const rawAll = batch.map((p) => raw(p.text)).join(' ');
  const rawFirst = raw(first);
  const ld = {
    '@context': 'https://schema.org', '@type': 'NewsArticle', headline: `Council budget ${all}`, description: all,
    datePublished: '2022-01-18T13:54:00Z',
    author: [{ '@type': 'Person', name: `Dana ${first}`, url: `javascript:__xss(${batch[0]!.n})`, description: all }],
    publisher: { '@type': 'Organization', name: `Hostile Times ${first}`, url: '{{ORIGIN}}/' },
    image: { '@type': 'ImageObject', url: '{{ORIGIN}}/images/council.jpg', caption: all, creditText: first },
  };
  const paragraphs = batch.map((p, i) => `<p>${PROSE[i % PROSE.length]} ${raw(p.text)} ${PROSE[(i + 1) % PROSE.length]}</p>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Council budget ${all} | Hostile Times</title>
<link rel="canonical" href="{{ORIGIN}}/news/${slug}">
<meta property="og:site_name" content="${attr(`Hostile Times ${first}`)}">
<meta property="og:title" content="${attr(`Council budget ${all}`)}">
<meta property="og:description" content="${attr(all)}">
<meta property="og:image" content="{{ORIGIN}}/images/council.jpg">
<meta property="article:published_time" content="2022-01-18T13:54:00Z">
<meta name="author" content="${attr(`Dana ${first}`)}">
<script type="application/ld+json">${jsonLd(ld)}</script>
</head><body><main><article>
<h1 class="headline">Council budget ${rawAll}</h1>
<div class="byline">By <a rel="author" href="javascript:__xss(${batch[0]!.n})">Dana ${rawFirst}</a> <time datetime="2022-01-18T13:54:00Z">January 18, 2022</time></div>
<figure class="lead-image"><img src="/images/council.jpg" alt="${attr(all)}" width="1600" height="900">
<figcaption>Councillors vote ${rawAll} (${rawFirst})</figcaption></figure>
${PROSE.map((p) => `<p>${p}</p>`).join('\n')}
${paragraphs.join('\n')}
<section class="author-box"><p class="author-bio">Dana is a reporter. ${rawAll} <a href="javascript:__xss(${batch[0]!.n})">Visit her website</a></p></section>
</article></main></body></html>`;
}
