import { describe, expect, it } from 'vitest';
import type { Investment } from '../api';
import { summarizeInvestments, versionFacts, type HistoryEntry } from './report-facts';

const entry = (version: string, createdAt: string, asOf: string | null = null): HistoryEntry => ({ version, createdAt, asOf });

describe('versionFacts', () => {
  const items = [entry('v2', '2026-03-01T00:00:00Z', '2026-02-28'), entry('v1', '2026-01-01T00:00:00Z')];
  it('gives the shown version’s "as of" and computation time', () => {
    expect(versionFacts(items, 'v2')).toEqual({ asOf: '2026-02-28', createdAt: '2026-03-01T00:00:00Z' });
    expect(versionFacts(items, 'v1')).toEqual({ asOf: null, createdAt: '2026-01-01T00:00:00Z' });
  });
  it('knows nothing of a version the history does not list', () => {
    expect(versionFacts(items, 'nope')).toEqual({ asOf: null, createdAt: null });
  });
});

const inv = (id: string, amountUsd: number | null): Investment => ({ id, funder: 'F', grantee: null, amountUsd, amountNote: null, durationYears: null, startDate: null, focus: null, sourceUrl: null, municipalities: [], unmappedPlaces: [], ahemLink: null });

describe('summarizeInvestments', () => {
  it('shows the largest first, counts the rest and totals only published amounts', () => {
    const s = summarizeInvestments([inv('a', 100), inv('b', null), inv('c', 300), inv('d', 200), inv('e', 50)], 3);
    expect(s.shown.map((i) => i.id)).toEqual(['c', 'd', 'a']);
    expect(s).toMatchObject({ more: 2, totalUsd: 650, unpublished: 1, count: 5 });
  });
  it('counts an investment naming several of the places once', () => {
    expect(summarizeInvestments([inv('a', 10), inv('a', 10)]).count).toBe(1);
  });
  it('has no total when no amount is published', () => {
    expect(summarizeInvestments([inv('a', null)])).toMatchObject({ totalUsd: null, unpublished: 1, more: 0 });
    expect(summarizeInvestments([])).toMatchObject({ totalUsd: null, count: 0, shown: [] });
  });
});
