/**
 * Turns body bytes into text with the right charset. Ukrainian and Russian sites still serve
 * windows-1251 and KOI8-U/R, and some declare a charset that is not the one they use; a
 * valid UTF-8 body is trusted over any single-byte label, and a UTF-8 label over bytes that
 * are not UTF-8 is ignored, so a lying declaration never produces mojibake or a crash.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/** Where the charset came from, for logs and tests. */
export type CharsetSource = 'bom' | 'utf8-valid' | 'header' | 'meta' | 'xml' | 'sniff' | 'default';

/** Decoded text with the charset used. */
export interface DecodedText {
  text: string;
  charset: string;
  source: CharsetSource;
}

// WHATWG Encoding aliases that matter here; the rest go to iconv-lite as written.
const ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  'x-unicode20utf8': 'utf-8',
  cp1251: 'windows-1251',
  'x-cp1251': 'windows-1251',
  'win-1251': 'windows-1251',
  'windows1251': 'windows-1251',
  'koi8-ru': 'koi8-u',
  koi8: 'koi8-r',
  koi: 'koi8-r',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'utf-16': 'utf-16le',
};

/** Normalises a charset label; null when iconv-lite cannot decode it. */
export function normalizeCharset(label: string | undefined | null): string | null {
  if (!label) return null;
  const clean = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  const name = ALIASES[clean] ?? clean;
  return iconv.encodingExists(name) ? name : null;
}

/** The label of a `<meta charset>` / `http-equiv` declaration in the first bytes of HTML. */
export function metaCharset(head: string): string | null {
  const re = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)/gi;
  const m = re.exec(head);
  return m ? m[1]! : null;
}

/** The encoding named by an XML declaration (`<?xml version="1.0" encoding="…"?>`). */
export function xmlCharset(head: string): string | null {
  const m = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([a-zA-Z0-9_.:-]+)["']/.exec(head);
  return m ? m[1]! : null;
}

// Without any usable declaration, tell Cyrillic single-byte text from Western. Cyrillic words
// are runs of letters in 0xC0–0xFF, while Western accents sit alone between ASCII letters
// ("été"), so adjacent high letters mean Cyrillic. Then case decides: lowercase (most letters)
// is 0xE0–0xFF in windows-1251 but 0xC0–0xDF in KOI8; KOI8-U is a superset of KOI8-R.
function sniffSingleByte(bytes: Buffer): string {
  let letters = 0;
  let adjacent = 0;
  let upper = 0;
  let lower = 0;
  const n = Math.min(bytes.length, 64 * 1024);
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0xc0) continue;
    letters++;
    if (i > 0 && bytes[i - 1]! >= 0xc0) adjacent++;
    if (b >= 0xe0) lower++;
    else upper++;
  }
  if (letters === 0 || adjacent / letters < 0.4) return 'windows-1252';
  return lower >= upper ? 'windows-1251' : 'koi8-u';
}

function bom(bytes: Buffer): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

function decode(bytes: Buffer, charset: string, source: CharsetSource): DecodedText {
  const text = charset === 'utf-8' ? new TextDecoder('utf-8').decode(bytes) : iconv.decode(bytes, charset);
  return { text, charset, source };
}

function hasNonAscii(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

/**
 * Decodes a text body. Order: BOM, valid non-ASCII UTF-8, Content-Type charset, `<meta>`
 * (html) or XML declaration (xml/feed), then a single-byte sniff. Never throws.
 */
export function decodeBody(bytes: Buffer, headerCharset: string | undefined, kind: string): DecodedText {
  const fromBom = bom(bytes);
  if (fromBom) return decode(bytes, fromBom, 'bom');
  const utf8 = isUtf8(bytes);
  if (utf8 && hasNonAscii(bytes)) return decode(bytes, 'utf-8', 'utf8-valid');
  const head = bytes.subarray(0, 8192).toString('latin1');
  const declared: [string | null, CharsetSource][] = [
    [normalizeCharset(headerCharset), 'header'],
    [kind === 'html' ? normalizeCharset(metaCharset(head)) : null, 'meta'],
    [kind === 'xml' || kind === 'feed' ? normalizeCharset(xmlCharset(head)) : null, 'xml'],
  ];
  for (const [charset, source] of declared) {
    if (!charset) continue;
    // A UTF-8 label on bytes that are not UTF-8 is a lie: skip it. The HTML spec reads a
    // UTF-16 label inside the document as UTF-8 (the meta could not be read otherwise).
    if (charset === 'utf-8' && !utf8) continue;
    if (charset.startsWith('utf-16') && source !== 'header') continue;
    return decode(bytes, charset, source);
  }
  if (utf8) return decode(bytes, 'utf-8', 'default');
  return decode(bytes, sniffSingleByte(bytes), 'sniff');
}
