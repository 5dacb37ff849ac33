import sanitizeHtml from 'sanitize-html';
import type { BodyBlock, CapturedImage } from '../../model/capture.ts';
import { html, raw, type SafeHtml } from '../html.ts';

// Inline markup allowed inside a block; everything else is dropped. Extraction sanitizes already: this is
// the second wall, so a bad row in the database still cannot put script on a page.
const INLINE: sanitizeHtml.IOptions = {
  allowedTags: ['a', 'em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup', 'code', 'br', 'q', 'abbr', 'mark', 'small', 'cite', 'span'],
  allowedAttributes: { a: ['href', 'rel'], abbr: ['title'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener nofollow' }) },
};

/** Sanitizes inline HTML of a captured block. */
export function inlineHtml(markup: string): SafeHtml {
  return raw(sanitizeHtml(markup, INLINE));
}

function figure(image: CapturedImage): SafeHtml {
  if (!/^https?:\/\//i.test(image.url)) return html``;
  return html`<figure><img src="${image.url}" alt="${image.alt ?? ''}" loading="lazy"${image.width ? raw(` width="${image.width}"`) : ''}${image.height ? raw(` height="${image.height}"`) : ''}>${image.caption || image.credit ? html`<figcaption>${image.caption ?? ''}${image.credit ? html` <span class="credit">(${image.credit})</span>` : ''}</figcaption>` : ''}</figure>`;
}

/** Renders structured body blocks as semantic HTML. */
export function renderBlocks(blocks: readonly BodyBlock[]): SafeHtml {
  return html`${blocks.map((b) => {
    switch (b.type) {
      case 'paragraph': return html`<p>${inlineHtml(b.html)}</p>`;
      case 'heading': return raw(`<h${b.level}>${inlineHtml(b.html).value}</h${b.level}>`);
      case 'quote': return html`<blockquote><p>${inlineHtml(b.html)}</p></blockquote>`;
      case 'list': return raw(`<${b.ordered ? 'ol' : 'ul'}>${b.items.map((i) => `<li>${inlineHtml(i).value}</li>`).join('')}</${b.ordered ? 'ol' : 'ul'}>`);
      case 'figure': return figure(b.image);
      case 'preformatted': return html`<pre>${b.text}</pre>`;
      case 'table': return html`<table>${b.rows.map((r) => html`<tr>${r.map((c) => html`<td>${inlineHtml(c)}</td>`)}</tr>`)}</table>`;
      case 'embed': return html`<p><a href="${/^https?:\/\//i.test(b.url) ? b.url : '#'}" rel="noopener nofollow">${b.provider}</a></p>`;
    }
  })}`;
}
