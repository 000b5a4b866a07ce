import { describe, expect, it } from 'vitest';
import { staleSourceDays } from './staleness.js';

const now = new Date('2026-11-30T07:00:00Z');
const manifest = [
  { id: 'a', path: 'tables/a.csv', sha256: 'a2' },
  { id: 'b', path: 'shapes/b.geojson', sha256: 'b1' },
];
const current = { createdAt: '2026-11-01T07:00:00Z', sources: [{ id: 'a', sha256: 'a1' }, { id: 'b', sha256: 'b1' }] };
const uploads = (dates: Record<string, string>) => (path: string) => (dates[path] ? new Date(dates[path]) : undefined);

describe('staleSourceDays', () => {
  it('is 0 when the current version was computed from the manifest’s sources, however old it is', () => {
    const same = { ...current, sources: [{ id: 'a', sha256: 'a2' }, { id: 'b', sha256: 'b1' }] };
    expect(staleSourceDays({ manifest, current: same, uploadedAt: uploads({ 'tables/a.csv': '2026-11-29T00:00:00Z' }), now })).toBe(0);
  });

  it('counts the days since the newest upload of a changed source', () => {
    const up = uploads({ 'tables/a.csv': '2026-11-26T19:00:00Z', 'shapes/b.geojson': '2026-11-29T00:00:00Z' });
    // b is unchanged: its newer upload does not count.
    expect(staleSourceDays({ manifest, current, uploadedAt: up, now })).toBe(3.5);
  });

  it('counts from the current version when the changed file was never uploaded', () => {
    expect(staleSourceDays({ manifest, current, uploadedAt: uploads({}), now })).toBe(29);
  });

  it('before the first version: days since the newest upload, 0 on a fresh account', () => {
    expect(staleSourceDays({ manifest, current: null, uploadedAt: uploads({ 'tables/a.csv': '2026-11-28T07:00:00Z' }), now })).toBe(2);
    expect(staleSourceDays({ manifest, current: null, uploadedAt: uploads({}), now })).toBe(0);
  });
});
