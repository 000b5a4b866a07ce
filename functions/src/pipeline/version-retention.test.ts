import { describe, expect, it } from 'vitest';
import type { VersionSummary } from '../store/index-store.js';
import { DEFAULT_RETENTION, versionsToRetire } from './version-retention.js';

const now = new Date('2026-11-30T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
const v = (version: string, ageDays: number, extra: Partial<VersionSummary> = {}): VersionSummary => ({
  version,
  status: 'complete',
  pinned: false,
  createdAt: daysAgo(ageDays),
  methodId: 'ma-hei-1.1',
  counts: { town: 351, zcta: 537 },
  schema: 3,
  ...extra,
});

describe('versionsToRetire', () => {
  const versions = [
    v('new-1', 1),
    v('new-2', 10),
    v('new-3', 20),
    v('young', 200),
    v('old-current', 700), // rolled back to
    v('old-pinned', 800, { pinned: true }),
    v('old-a', 900),
    v('old-b', 950),
    v('method-1.0-last', 1000, { methodId: 'ma-hei-1.0' }),
    v('method-1.0-first', 1100, { methodId: 'ma-hei-1.0' }),
    v('crashed', 1200, { status: 'writing' }),
    v('abandoned', 1300, { status: 'abandoned' }),
  ];

  it('keeps the current, pinned, newest per method, newest N and young versions; retires the rest, oldest first', () => {
    expect(versionsToRetire(versions, 'old-current', DEFAULT_RETENTION, now)).toEqual(['method-1.0-first', 'old-b', 'old-a']);
  });

  it('keeps newest N even when all are old, and everything younger than keepDays', () => {
    expect(versionsToRetire(versions, 'new-1', { keepDays: 0, keepLatest: 1 }, now)).toEqual(['method-1.0-first', 'old-b', 'old-a', 'old-current', 'young', 'new-3', 'new-2']);
    expect(versionsToRetire(versions, 'new-1', { keepDays: 5000, keepLatest: 1 }, now)).toEqual([]);
  });

  it('never retires a version that is not complete (the sweep owns those) and refuses a rule that keeps nothing', () => {
    expect(versionsToRetire([v('w', 999, { status: 'writing' })], null, { keepDays: 0, keepLatest: 1 }, now)).toEqual([]);
    expect(() => versionsToRetire(versions, null, { keepDays: 30, keepLatest: 0 }, now)).toThrow('keepLatest: expected an integer ≥ 1');
  });
});
