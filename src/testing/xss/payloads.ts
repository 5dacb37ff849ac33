/*
 * Cross-site scripting payloads, one per line, grouped by the classes of the OWASP XSS filter-evasion cheat sheet.
 * Written for this suite: `X` stands for the payload's own call `__xss(n)` (n = its index), so a browser that
 * runs any of them reports which one; a few call alert() instead, to prove the dialog listener too.
 */

/** One hostile string and the cheat-sheet class it belongs to. */
export interface Payload {
  n: number;
  kind: string;
  text: string;
}

const TABLE: [kind: string, template: string][] = [
  // Script tags in many casings, spacings and encodings.
  ['script', '<script>X</script>'],
  ['script', '<SCRIPT>X</SCRIPT>'],
  ['script', '<ScRiPt>X</sCrIpT>'],
  ['script', '<script >X</script >'],
  ['script', '<script\n>X</script\n>'],
  ['script', '<script/xss>X</script>'],
  ['script', '<script type="text/javascript">X</script>'],
  ['script', '<script src="data:text/javascript,X"></script>'],
  ['script', '<script src=//127.0.0.1:1/x.js></script>'],
  ['script', '<<script>X//<</script>'],
  ['script', '<scr<script>ipt>X</scr</script>ipt>'],
  ['script', '"><script>X</script>'],
  ['script', '\'><script>X</script>'],
  ['script', '</title><script>X</script>'],
  ['script', '</textarea><script>X</script>'],
  ['script', '</style><script>X</script>'],
  ['script', '--><script>X</script><!--'],
  ['script', ']]><script>X</script>'],
  ['script', '<script>alert(N)</script>'],
  ['script', '&lt;script&gt;X&lt;/script&gt;'],
  ['script', '&#60;script&#62;X&#60;/script&#62;'],
  ['script', '%3Cscript%3EX%3C/script%3E'],
  ['script', '\\u003cscript\\u003eX\\u003c/script\\u003e'],
  ['script', '<script>/*</script><script>*/X</script>'],
  // Event handlers on every kind of element.
  ['handler', '<img src=x onerror=X>'],
  ['handler', '<IMG SRC=x ONERROR=X>'],
  ['handler', '<img src=x onerror="X">'],
  ['handler', '<img src=x onerror=\'X\'>'],
  ['handler', '<img src=x onerror=`X`>'],
  ['handler', '<img/src=x/onerror=X>'],
  ['handler', '<img src=x\nonerror=X>'],
  ['handler', '<img src=x onerror&#x3d;X>'],
  ['handler', '<img """><script>X</script>">'],
  ['handler', '<body onload=X>'],
  ['handler', '<svg onload=X>'],
  ['handler', '<svg/onload=X>'],
  ['handler', '<input autofocus onfocus=X>'],
  ['handler', '<details open ontoggle=X>'],
  ['handler', '<video><source onerror=X></video>'],
  ['handler', '<audio src=x onerror=X>'],
  ['handler', '<marquee onstart=X>'],
  ['handler', '<select autofocus onfocus=X>'],
  ['handler', '<textarea autofocus onfocus=X>'],
  ['handler', '<div onmouseover=X style="position:fixed;inset:0">'],
  ['handler', '<a onmouseover=X>hover</a>'],
  ['handler', '<p onclick=X>click</p>'],
  ['handler', '<iframe onload=X></iframe>'],
  ['handler', '<object data=x onerror=X>'],
  ['handler', '<img src=x onerror=alert(N)>'],
  ['handler', '<style onload=X></style>'],
  ['handler', '<link rel=stylesheet href=x onerror=X>'],
  ['handler', '<img src=x oNeRrOr=X>'],
  // javascript:, vbscript: and data: URLs, plain and obfuscated.
  ['url', '<a href="javascript:X">j1</a>'],
  ['url', '<a href="JaVaScRiPt:X">j2</a>'],
  ['url', '<a href=" javascript:X">j3</a>'],
  ['url', '<a href="java\tscript:X">j4</a>'],
  ['url', '<a href="java\nscript:X">j5</a>'],
  ['url', '<a href="java&#x09;script:X">j6</a>'],
  ['url', '<a href="java&#x0A;script:X">j7</a>'],
  ['url', '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;X">j8</a>'],
  ['url', '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;X">j9</a>'],
  ['url', '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058X">j10</a>'],
  ['url', '<a href="javascript&colon;X">j11</a>'],
  ['url', '<a href="&#14;javascript:X">j12</a>'],
  ['url', '<a href="vbscript:msgbox(N)">v1</a>'],
  ['url', '<a href="VBScript:msgbox(N)">v2</a>'],
  ['url', '<a href="data:text/html,<script>X</script>">d1</a>'],
  ['url', '<a href="data:text/html;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">d2</a>'],
  ['url', '<img src="javascript:X">'],
  ['url', '<iframe src="javascript:X"></iframe>'],
  ['url', '<form action="javascript:X"><button>go</button></form>'],
  ['url', '<button formaction="javascript:X">go</button>'],
  ['url', '<a href="javascript:X">Visit my website</a>'],
  ['url', 'javascript:X'],
  ['url', 'javascript://%0AX'],
  ['url', '<base href="javascript:X//">'],
  ['url', '<meta http-equiv="refresh" content="0;url=javascript:X">'],
  ['url', '<embed src="data:text/html,<script>X</script>">'],
  ['url', '<object data="javascript:X"></object>'],
  // SVG and MathML vectors.
  ['svg', '<svg><script>X</script></svg>'],
  ['svg', '<svg><a xlink:href="javascript:X"><text x=0 y=20>s1</text></a></svg>'],
  ['svg', '<svg><animate onbegin=X attributeName=x dur=1s>'],
  ['svg', '<svg><set attributeName=href to="javascript:X" /></svg>'],
  ['svg', '<svg><foreignObject><img src=x onerror=X></foreignObject></svg>'],
  ['svg', '<svg><use href="data:image/svg+xml,<svg id=x xmlns=http://www.w3.org/2000/svg><image href=1 onerror=X /></svg>#x"/></svg>'],
  ['svg', '<svg><style><img src=x onerror=X></style></svg>'],
  ['mathml', '<math><maction actiontype="statusline" xlink:href="javascript:X">m1</maction></math>'],
  ['mathml', '<math><mtext><table><mglyph><style><img src=x onerror=X></style></mglyph></table></mtext></math>'],
  ['mathml', '<math><mi xlink:href="javascript:X">m3</mi></math>'],
  ['mathml', '<math href="javascript:X">m4</math>'],
  // srcdoc and nested documents.
  ['srcdoc', '<iframe srcdoc="<script>parent.X</script>"></iframe>'],
  ['srcdoc', '<iframe srcdoc="&lt;img src=x onerror=parent.X&gt;"></iframe>'],
  ['srcdoc', '<iframe src="data:text/html,<script>parent.X</script>"></iframe>'],
  ['srcdoc', '<object type="text/html" data="data:text/html,<script>X</script>"></object>'],
  // CSS expressions and style tricks.
  ['css', '<div style="width:expression(X)">c1</div>'],
  ['css', '<div style="background:url(javascript:X)">c2</div>'],
  ['css', '<div style="behavior:url(x.htc)">c3</div>'],
  ['css', '<style>@import "javascript:X";</style>'],
  ['css', '<style>body{background:url("javascript:X")}</style>'],
  ['css', '<div style="-moz-binding:url(x.xml#xss)">c6</div>'],
  ['css', '<xss style="xss:expr/**/ession(X)">c7</xss>'],
  // Malformed, nested and unclosed tags.
  ['malformed', '<img src=x onerror=X'],
  ['malformed', '<<img src=x onerror=X>>'],
  ['malformed', '<img src="x" alt="\'" onerror=X>'],
  ['malformed', '<a href="x"onmouseover=X>m1</a>'],
  ['malformed', '<div><p><img src=x onerror=X></div>'],
  ['malformed', '<noscript><p title="</noscript><img src=x onerror=X>">'],
  ['malformed', '<title><img src=x onerror=X></title>'],
  ['malformed', '<textarea><img src=x onerror=X></textarea>'],
  ['malformed', '<xmp><img src=x onerror=X></xmp>'],
  ['malformed', '<!--<img src="--><img src=x onerror=X>">'],
  ['malformed', '<![CDATA[<img src=x onerror=X>]]>'],
  ['malformed', '<plaintext><img src=x onerror=X>'],
  ['malformed', '<template><img src=x onerror=X></template>'],
  ['malformed', '<scri\u0000pt>X</scri\u0000pt>'],
  // Entity tricks: encoded markup that must stay text after one decoding.
  ['entity', '&lt;img src=x onerror=X&gt;'],
  ['entity', '&amp;lt;script&amp;gt;X&amp;lt;/script&amp;gt;'],
  ['entity', '&#x3C;img src=x onerror=X&#x3E;'],
  ['entity', '&#60img src=x onerror=X&#62'],
  ['entity', '\\x3cimg src=x onerror=X\\x3e'],
  ['entity', '＜script＞X＜/script＞'],
  ['entity', '{{constructor.constructor("X")()}}'],
  ['entity', '${X}'],
  // NUL and other C0 controls: browsers drop them inside tag names, attributes and schemes, and PostgreSQL refuses a
  // NUL in text, so each must be stripped on the way in without turning the rest into markup.
  ['control', '<img src=x o\u0000nerror=X>'],
  ['control', '<a href="java\u0000script:X">nul</a>'],
  ['control', '\u0000<script>X</script>'],
  ['control', '<svg\u0000onload=X>'],
  ['control', '<a href="\u0001\u0008javascript:X">c0</a>'],
  ['control', '<img src=x\u000bonerror=X>'],
  ['control', '<img src=x\u000conerror=X>'],
  ['control', '"\u0000><img src=x onerror=X>'],
];

/** The payload table: every template with its own marker call. */
export const PAYLOADS: readonly Payload[] = TABLE.map(([kind, template], n) => ({
  n, kind, text: template.replaceAll('X', `__xss(${n})`).replaceAll('(N)', `(${n})`),
}));

/** Splits the table into batches of `size`, so many payloads share one page. */
export function batches(size: number): Payload[][] {
  const out: Payload[][] = [];
  for (let i = 0; i < PAYLOADS.length; i += size) out.push(PAYLOADS.slice(i, i + size));
  return out;
}
