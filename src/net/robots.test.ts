/** robots.txt parsing and matching (RFC 9309). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPathAllowed, parseRobots, patternMatches, policyFromResult } from './robots.ts';

describe('parseRobots', () => {
  const txt = [
    '# comment',
    'User-agent: Googlebot',
    'Disallow: /',
    '',
    'User-agent: *',
    'Disallow: /private',
    '',
    'User-agent: NewsDesk/0.1',
    'User-agent: other',
    'Disallow: /drafts/ # trailing comment',
    'Allow: /drafts/public',
    'Disallow: /*.pdf$',
    'Disallow:',
    'Sitemap: https://example.com/sitemap.xml',
  ].join('\r\n');
  const policy = parseRobots(txt);

  it('uses the newsdesk group, case-insensitively, ignoring the * group', () => {
    assert.equal(isPathAllowed(policy, '/private/x'), true);
    assert.equal(isPathAllowed(policy, '/drafts/x'), false);
    assert.equal(isPathAllowed(policy, '/drafts/public/x'), true);
    assert.equal(isPathAllowed(policy, '/a/report.pdf'), false);
    assert.equal(isPathAllowed(policy, '/a/report.pdf?x=1'), true);
  });

  it('falls back to the * group', () => {
    const p = parseRobots('User-agent: *\nDisallow: /private\n');
    assert.equal(isPathAllowed(p, '/private/a'), false);
    assert.equal(isPathAllowed(p, '/public'), true);
  });

  it('combines several groups for the same agent and prefers Allow on equal length', () => {
    const p = parseRobots('User-agent: newsdesk\nDisallow: /a\n\nUser-agent: newsdesk\nAllow: /a\n');
    assert.equal(isPathAllowed(p, '/a/b'), true);
  });

  it('always allows /robots.txt and allows all with no rules', () => {
    assert.equal(isPathAllowed(parseRobots('User-agent: *\nDisallow: /'), '/robots.txt'), true);
    assert.equal(isPathAllowed(parseRobots(''), '/anything'), true);
  });

  it('matches non-ASCII patterns against encoded paths', () => {
    const p = parseRobots('User-agent: *\nDisallow: /новини\n');
    assert.equal(isPathAllowed(p, new URL('http://x/новини/1').pathname), false);
  });
});

describe('patternMatches', () => {
  it('handles * and $', () => {
    assert.equal(patternMatches('/a*b', '/a/x/b/c'), true);
    assert.equal(patternMatches('/a*b$', '/a/x/b/c'), false);
    assert.equal(patternMatches('/a*b$', '/a/x/b'), true);
    assert.equal(patternMatches('/x', '/y'), false);
    assert.equal(patternMatches('*', '/'), true);
  });

  it('stays fast on hostile patterns', () => {
    const pattern = '/' + 'a*'.repeat(200) + 'b$';
    const path = '/' + 'a'.repeat(2000);
    assert.equal(patternMatches(pattern, path), false);
  });
});

describe('policyFromResult', () => {
  it('treats 4xx as allow-all and 5xx or network failure as disallow-all', () => {
    const base = { url: 'http://x/robots.txt', message: 'm' } as const;
    assert.equal(isPathAllowed(policyFromResult({ ok: false, reason: 'http-status', status: 404, ...base }), '/a'), true);
    assert.equal(isPathAllowed(policyFromResult({ ok: false, reason: 'http-status', status: 503, ...base }), '/a'), false);
    assert.equal(isPathAllowed(policyFromResult({ ok: false, reason: 'timeout', ...base }), '/a'), false);
    assert.equal(isPathAllowed(policyFromResult({ ok: false, reason: 'dns', ...base }), '/a'), true);
  });
});
