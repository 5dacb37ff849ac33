import MarkdownIt from 'markdown-it';
import { raw, type SafeHtml } from '../html.ts';

// html:false escapes any HTML typed into a story, and markdown-it's own validateLink refuses
// javascript:, vbscript:, file: and data: (except images) URLs. Raw HTML never reaches readers.
const md = new MarkdownIt({ html: false, linkify: true, typographer: true });
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const href = tokens[idx]!.attrGet('href') ?? '';
  if (/^https?:\/\//i.test(href)) tokens[idx]!.attrSet('rel', 'noopener');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Renders a story's Markdown body to safe HTML. */
export function renderMarkdown(source: string): SafeHtml {
  return raw(md.render(source));
}
