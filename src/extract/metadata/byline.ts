/**
 * Finds the article's authors: JSON-LD, author meta tags, microdata, rel=author links and byline elements; and
 * an organisation the page credits instead of or beside them.
 */
import type { CapturedPerson, Sourced } from '../../model/capture.ts';
import { absoluteUrl, bareHost, clean, decodeEntities, insideForeign, lineText, looksLikeUrl, normKey, textOf } from './dom.ts';
import { matching } from './page-index.ts';
import { ldList, ldString, ldTypes, type LdData, type LdNode } from './json-ld.ts';
import type { MetaTags } from './meta-tags.ts';
import type { Microdata } from './microdata.ts';
import { BY_START, isAuthorElement, isBylineElement, layoutCredits } from './byline-layout.ts';
import { creditsFromByline, fixLowerCase, isOutletName, isPlausibleName, namesOtherContributor, type BylineCredit } from './names.ts';
import { roleCredit, typedOrgName } from './org-byline.ts';
import { isAccountName } from './name-shape.ts';
import { asLaidOut } from './affiliation.ts';

/** An organisation credited as author, with its page when the metadata gives one. */
export type OrgCredit = { name: string; url?: string };
/** An organisation credited by one metadata source (`json-ld:author`, `meta:author`, …). */
type SourcedOrg = Sourced<OrgCredit>;

function withUrl(name: string, url: string | null): SourcedOrg {
  return { value: url ? { name, url } : { name }, source: 'json-ld:author' };
}

/** The people of a byline credit; the organisation it credits beside or instead of them goes to `orgs`. */
function peopleOf(credit: BylineCredit, orgs: SourcedOrg[], source = 'json-ld:author'): CapturedPerson[] {
  if (credit.org) orgs.push({ value: { name: credit.org }, source });
  return credit.people;
}

/** People without repeats of a name. */
function unique(people: CapturedPerson[]): CapturedPerson[] {
  return people.filter((p, i) => people.findIndex((o) => o.name === p.name) === i);
}

function sameSite(a: string, b: string): boolean {
  const ha = bareHost(a);
  return !!ha && ha === bareHost(b);
}

/**
 * A byline typed in an author field: its people and organisation, or else the role it credits ("Staff Clinician"),
 * or the account name the CMS printed for a writer without a display name ("stephenlega").
 */
function creditOrRole(text: string, outletNames: string[]): BylineCredit {
  const credit = creditsFromByline(text, outletNames, true);
  if (credit.people.length || credit.org) return credit;
  const role = roleCredit(text);
  if (role) return { people: [], org: role };
  const account = clean(text);
  return isAccountName(account) && !isOutletName(account, outletNames) ? { people: [{ name: account, account: true }], org: null } : credit;
}

/** One JSON-LD author: the people it names, or the organisation it is (typed so, or named like one). */
function personFromLd(v: unknown, ld: LdData, url: string, outletNames: string[], orgs: SourcedOrg[]): CapturedPerson[] {
  const node = ld.resolve(v);
  if (typeof node === 'string') return peopleOf(creditsFromByline(fixLowerCase(decodeEntities(node)), outletNames, true), orgs);
  if (!node || typeof node !== 'object') return [];
  const n = node as LdNode;
  if (ldTypes(n).some((t) => /Organization|Corporation/.test(t))) {
    const name = typedOrgName(decodeEntities(ldString(n['name']) ?? ''));
    if (name) orgs.push(withUrl(name, absoluteUrl(ldString(n['url']), url)));
    return [];
  }
  // Names arrive entity-escaped ("Maria &amp; Katerina") and, from some CMSs, in lower case.
  const name = fixLowerCase(clean(decodeEntities(ldString(n['name']) ?? [ldString(n['givenName']), ldString(n['familyName'])].filter(Boolean).join(' '))));
  if (!name || looksLikeUrl(name)) return [];
  const credit = creditOrRole(name, outletNames);
  const link = absoluteUrl(ldString(n['url']), url);
  if (!credit.people.length) {
    // "TOI Lifestyle Desk" typed as a Person is still a desk.
    if (credit.org) orgs.push(withUrl(credit.org, link));
    return [];
  }
  if (credit.people.length > 1) return peopleOf(credit, orgs);
  const person: CapturedPerson = { ...credit.people[0]! };
  if (link) {
    if (sameSite(link, url)) person.url = link;
    else person.website = link;
  }
  const bio = clean(ldString(n['description']));
  if (bio) person.bio = bio;
  const img = ld.resolve(Array.isArray(n['image']) ? n['image'][0] : n['image']);
  const photo = absoluteUrl(typeof img === 'string' ? img : img && typeof img === 'object' ? ldString((img as LdNode)['url']) : null, url);
  if (photo) person.photo = photo;
  const sameAs = ldList(n['sameAs']).map((s) => absoluteUrl(ldString(s), url)).filter((s): s is string => !!s);
  if (sameAs.length) person.sameAs = sameAs;
  return [person];
}

function fromJsonLd(ld: LdData, url: string, outletNames: string[], orgs: SourcedOrg[]): CapturedPerson[] {
  if (!ld.article) return [];
  const list = ldList(ld.article['author']).length ? ldList(ld.article['author']) : ldList(ld.article['creator']);
  return list.flatMap((a) => personFromLd(a, ld, url, outletNames, orgs));
}

/** "Kaufman, Jeff T." → "Jeff T. Kaufman": the citation order turned into the order a byline shows. */
function surnameLast(c: string): string {
  return /^[^,]+,\s*[^,]+$/.test(c) ? c.split(/,\s*/).reverse().join(' ') : c;
}

function fromMeta(meta: MetaTags, outletNames: string[], orgs: SourcedOrg[]): Sourced<CapturedPerson[]> | null {
  // Academic pages list one citation_author per person.
  const cites = (meta.get('citation_author') ?? meta.get('citation_authors') ?? meta.get('dc.creator') ?? []).filter((v) => !looksLikeUrl(v));
  if (cites.length > 1) {
    const names = cites.map(surnameLast).filter(isPlausibleName);
    if (names.length) return { value: names.map((name) => ({ name })), source: 'meta:citation_author' };
  }
  let siteOnly: Sourced<CapturedPerson[]> | null = null;
  for (const key of ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'byl', 'citation_author', 'citation_authors', 'twitter:data1']) {
    // Citations write one author as "Surname, Given Names"; elsewhere a comma separates two people.
    const values = (meta.get(key) ?? []).filter((v) => !looksLikeUrl(v)).map((v) => fixLowerCase(key.startsWith('citation') ? surnameLast(v) : v));
    const names = unique(values.flatMap((v) => peopleOf(creditOrRole(v, outletNames), orgs, `meta:${key}`)));
    if (!names.length) continue;
    // The site's own name in one tag (a CMS default) must not hide a person named in another.
    if (!names.every((p) => isOutletName(p.name, outletNames))) return { value: names, source: `meta:${key}` };
    siteOnly ??= { value: names, source: `meta:${key}` };
  }
  return siteOnly;
}

/** True when a box around `el` (up to three levels up) opens with "Reviewed by", "Researched by: …". */
function underOtherRole(el: Element): boolean {
  let box: Element | null = el.parentElement;
  for (let depth = 0; box && depth < 3; depth++, box = box.parentElement) {
    if (namesOtherContributor(lineText(box, 60))) return true;
  }
  return false;
}

function fromMicrodata(micro: Microdata, outletNames: string[]): CapturedPerson[] {
  const names: CapturedPerson[] = [];
  const nameEls = micro.get('name') ?? [];
  let article: Element | null | undefined;
  for (const el of [...(micro.get('author') ?? []), ...(micro.get('creator') ?? [])].slice(0, 20)) {
    if (insideForeign(el)) continue;
    // Teasers of other pieces ("More from …") are <article>s of their own, each with its author.
    const own = el.closest('article');
    if ((article !== undefined && own !== article) || underOtherRole(el)) continue;
    const nameEl = nameEls.find((n) => el.contains(n)) ?? null;
    const raw = nameEl?.getAttribute('content') ?? (nameEl ? textOf(nameEl) : el.getAttribute('content') ?? textOf(el));
    const found = creditsFromByline(raw, outletNames).people;
    if (found.length) article ??= own;
    for (const p of found) if (!names.some((o) => o.name === p.name)) names.push(p);
  }
  return names;
}

/**
 * The metadata's authors, completed from a visible byline that names each of them and more: CMS metadata
 * often keeps only the first of several authors. People the metadata described keep their details, and take
 * the honorific and credentials the byline prints with their names ("Written by Jane Roe, MS, RD").
 */
function withCoAuthors(document: Document, found: Sourced<CapturedPerson[]>, outletNames: string[]): Sourced<CapturedPerson[]> {
  for (const el of matching(document, (r) => isBylineElement(r) || isAuthorElement(r), 200)) {
    const line = lineText(el, 300);
    if (line.length > 200 || insideForeign(el)) continue;
    // Only a line that opens with "By" lists authors; "Jane Roe, Master Gardener" is a name and a title, which
    // the element the page names as the author's name prints with it.
    if (!BY_START.test(line)) {
      const titled = found.value.length === 1 && /name/.test(el.getAttribute('class') ?? '') ? nameWithTitle(found.value[0]!, line, outletNames) : null;
      if (titled) return { ...found, value: [titled] };
      continue;
    }
    // A role the layout sets apart from the name ("By <a>Jane Roe</a>, Executive Editor") is not the byline's.
    const names = creditsFromByline(line, outletNames).people.filter((n) => n.name.includes(' ')).map((n) => asLaidOut(el, n));
    const match = (p: CapturedPerson, n: CapturedPerson): boolean => normKey(n.name).includes(normKey(p.name));
    if (!found.value.every((p) => names.some((n) => match(p, n)))) return found;
    // The byline's spelling is what readers saw; the metadata's details stay with the person.
    if (names.length > found.value.length) return { value: names.map((n) => ({ ...found.value.find((p) => match(p, n)), ...n })), source: `${found.source}+byline` };
    return { ...found, value: found.value.map((p) => printedAs(p, names.find((n) => match(p, n))!)) };
  }
  return found;
}

/** The person as a name element prints them ("Jane Roe, Shipping Expert"), or null when it names someone else or nothing more. */
function nameWithTitle(p: CapturedPerson, line: string, outletNames: string[]): CapturedPerson | null {
  if (!normKey(line).startsWith(`${normKey(p.name)} `)) return null;
  const people = creditsFromByline(line, outletNames).people;
  const n = people[0];
  return people.length === 1 && n!.credentials && normKey(n!.name) === normKey(p.name) ? printedAs(p, n!) : null;
}

/** A person with the honorific and credentials a byline prints around the name, when the metadata had none. */
function printedAs(p: CapturedPerson, printed: CapturedPerson): CapturedPerson {
  const out = { ...p };
  if (!out.honorific && printed.honorific) out.honorific = printed.honorific;
  if (!out.credentials && printed.credentials) {
    out.credentials = printed.credentials;
    if (printed.credentialsGlued) out.credentialsGlued = true;
  }
  return out;
}

/** Who the page credits: its authors and an organisation credited instead of or beside them, each with its source. */
export interface Credits {
  authors: Sourced<CapturedPerson[]> | null;
  org: Sourced<OrgCredit> | null;
}

/** The authors and where they came from; empty when the page names nobody plausible. */
export function extractCredits(document: Document, url: string, meta: MetaTags, ld: LdData, micro: Microdata, outletNames: string[]): Credits {
  const ldOrgs: SourcedOrg[] = [];
  const metaOrgs: SourcedOrg[] = [];
  const ldPeople = fromJsonLd(ld, url, outletNames, ldOrgs);
  const m = fromMeta(meta, outletNames, metaOrgs);
  const fromItems = fromMicrodata(micro, outletNames);
  const found: Sourced<CapturedPerson[]> | null = ldPeople.length ? { value: ldPeople, source: 'json-ld:author' }
    : m ?? (fromItems.length ? { value: fromItems, source: 'itemprop:author' } : null);
  // An organisation in the metadata stands beside the people of the same source, or alone when nobody is named.
  const metaOrg = (people: Sourced<CapturedPerson[]> | null): SourcedOrg | null =>
    (people ? [...ldOrgs, ...metaOrgs].find((o) => o.source === people.source) : ldOrgs[0] ?? metaOrgs[0]) ?? null;
  // Metadata that names the site itself as author is a CMS default; a byline on the page that names a
  // person wins, and the site's name stands only on a personal site that names nobody else.
  // A lone word in the metadata ("KatieS") is an account name; a full name in the page's byline is the writer's.
  const weak = !!found && found.value.every((p) => !p.name.includes(' '));
  if (found && !weak && !found.value.every((p) => isOutletName(p.name, outletNames))) {
    return { authors: withCoAuthors(document, found, outletNames), org: metaOrg(found) };
  }
  const layout = layoutCredits(document, outletNames);
  const fromLayout = layout.people.length ? { value: layout.people, source: layout.source } : null;
  const layoutOrg = layout.org ? { value: { name: layout.org.name }, source: layout.org.source } : null;
  const explicit = layout.source === 'byline' || layout.source === 'by-text';
  // An account name ("andrew.keaveney") is the CMS's login, so a name the page prints anywhere reads better.
  const accountsOnly = !!found && found.value.every((p) => p.account);
  if (fromLayout && (explicit || !found || accountsOnly) && !fromLayout.value.every((p) => isOutletName(p.name, outletNames))) return { authors: fromLayout, org: layoutOrg };
  if (found) return { authors: found, org: metaOrg(found) };
  if (fromLayout) return { authors: fromLayout, org: layoutOrg };
  return { authors: null, org: metaOrg(null) ?? layoutOrg };
}
