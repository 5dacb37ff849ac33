import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PIECE_STATES } from '../../model/piece.ts';
import { ACTIONS, TRANSITIONS, can, check, checkScheduleTime, nextState } from './workflow.ts';

describe('nextState', () => {
  it('follows the workflow', () => {
    assert.equal(nextState('draft', 'submit'), 'review');
    assert.equal(nextState('review', 'return'), 'draft');
    assert.equal(nextState('draft', 'publish'), 'published');
    assert.equal(nextState('review', 'schedule'), 'scheduled');
    assert.equal(nextState('scheduled', 'schedule'), 'scheduled');
    assert.equal(nextState('scheduled', 'publish'), 'published');
    assert.equal(nextState('scheduled', 'unschedule'), 'draft');
    assert.equal(nextState('published', 'unpublish'), 'draft');
    assert.equal(nextState('published', 'retract'), 'retracted');
  });
  it('refuses changes that make no sense', () => {
    assert.equal(nextState('draft', 'retract'), null);
    assert.equal(nextState('published', 'publish'), null);
    assert.equal(nextState('published', 'schedule'), null);
    assert.equal(nextState('review', 'submit'), null);
    for (const action of Object.keys(TRANSITIONS) as (keyof typeof TRANSITIONS)[]) assert.equal(nextState('retracted', action), null, `retracted is final: ${action}`);
  });
});

describe('can', () => {
  it('lets an admin do everything the state allows', () => {
    for (const action of ACTIONS) assert.ok(can('admin', action), action);
    assert.ok(can('admin', 'publish', { state: 'review', isOwner: false }));
    assert.equal(can('admin', 'publish', { state: 'published' }), false);
  });
  it('lets an editor publish, schedule, retract and unpublish any piece and manage records', () => {
    const other = { isOwner: false };
    assert.ok(can('editor', 'publish', { ...other, state: 'draft' }));
    assert.ok(can('editor', 'schedule', { ...other, state: 'review' }));
    assert.ok(can('editor', 'retract', { ...other, state: 'published' }));
    assert.ok(can('editor', 'unpublish', { ...other, state: 'published' }));
    assert.ok(can('editor', 'correct', { ...other, state: 'published' }));
    assert.ok(can('editor', 'edit', { ...other, state: 'published' }));
    for (const a of ['manage-outlets', 'manage-people', 'manage-tags'] as const) assert.ok(can('editor', a), a);
  });
  it('keeps users and settings for admins', () => {
    assert.equal(can('editor', 'manage-users'), false);
    assert.equal(can('editor', 'manage-settings'), false);
    assert.equal(can('contributor', 'manage-users'), false);
  });
  it('lets a contributor capture, create, edit and submit own drafts only', () => {
    assert.ok(can('contributor', 'capture'));
    assert.ok(can('contributor', 'create'));
    assert.ok(can('contributor', 'edit', { isOwner: true, state: 'draft' }));
    assert.ok(can('contributor', 'submit', { isOwner: true, state: 'draft' }));
    assert.equal(can('contributor', 'edit', { isOwner: false, state: 'draft' }), false);
    assert.equal(can('contributor', 'edit', { isOwner: true, state: 'review' }), false);
    assert.equal(can('contributor', 'edit', { isOwner: true, state: 'published' }), false);
    assert.equal(can('contributor', 'submit', { isOwner: false, state: 'draft' }), false);
  });
  it('never lets a contributor publish or manage', () => {
    for (const state of PIECE_STATES) {
      for (const action of ['publish', 'schedule', 'retract', 'unpublish', 'correct', 'return'] as const) {
        assert.equal(can('contributor', action, { isOwner: true, state }), false, `${action} in ${state}`);
      }
    }
    for (const a of ['manage-outlets', 'manage-people', 'manage-tags', 'manage-settings'] as const) assert.equal(can('contributor', a), false);
  });
  it('corrects only published pieces and edits nothing retracted', () => {
    assert.equal(can('editor', 'correct', { state: 'draft' }), false);
    assert.equal(can('admin', 'edit', { state: 'retracted' }), false);
  });
});

describe('check', () => {
  it('says whether the role or the state refused', () => {
    assert.deepEqual(check('contributor', 'publish', { state: 'draft', isOwner: true }), { ok: false, reason: 'forbidden', message: 'contributors may not publish' });
    assert.deepEqual(check('editor', 'retract', { state: 'draft' }), { ok: false, reason: 'invalid-state', message: 'cannot retract a piece that is draft' });
    assert.equal(check('contributor', 'edit', { state: 'draft', isOwner: false }).ok, false);
    assert.deepEqual(check('editor', 'publish', { state: 'review' }), { ok: true });
  });
});

describe('checkScheduleTime', () => {
  const now = new Date('2026-01-10T12:00:00Z');
  it('accepts a future instant and normalises it to UTC', () => {
    assert.deepEqual(checkScheduleTime('2026-01-10T15:00:00+02:00', now), { ok: true, at: '2026-01-10T13:00:00.000Z' });
    assert.deepEqual(checkScheduleTime(new Date('2026-02-01T00:00:00Z'), now), { ok: true, at: '2026-02-01T00:00:00.000Z' });
  });
  it('refuses the past and the present', () => {
    const r = checkScheduleTime('2026-01-10T12:00:00Z', now);
    assert.equal(r.ok === false && r.reason, 'in-the-past');
    assert.equal(checkScheduleTime('2025-12-31T23:59:59Z', now).ok, false);
  });
  it('refuses garbage and times without a zone', () => {
    for (const s of ['tomorrow', '', '2026-02-01', '2026-02-01T09:00']) {
      const r = checkScheduleTime(s, now);
      assert.equal(r.ok === false && r.reason, 'invalid-time', s);
    }
  });
});
