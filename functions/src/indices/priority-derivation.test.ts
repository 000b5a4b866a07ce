import { describe, expect, it } from 'vitest';
import { compareTowns, derivePriorityGeographies, type ConfiguredGeography, type DeriveOptions, type RankedTown } from './priority-derivation.js';

// Synthetic towns T1…T12 (labelled synthetic) on a line: Ti borders Ti-1 and Ti+1; rank = i unless overridden.
const town = (i: number, over: Partial<RankedTown> = {}): RankedTown => ({
  id: `T${String(i).padStart(2, '0')}`,
  name: `Town ${i}`,
  population: 1000 * i,
  score: 1 - i / 100,
  percentile: 100 - i * 2,
  rank: i,
  flagCount: 12 - i,
  tieBreak: null,
  ...over,
});
const line = (n: number) => new Map(Array.from({ length: n }, (_, k) => {
  const i = k + 1;
  const id = (j: number) => `T${String(j).padStart(2, '0')}`;
  return [id(i), [i > 1 ? id(i - 1) : null, i < n ? id(i + 1) : null].filter((x): x is string => x !== null)];
}));
const opts: DeriveOptions = { targetGeographies: 3, targetMunicipalities: 6, maxMembersPerGeography: 3, minPercentile: 70, growConfirmed: true };
const confirmed: ConfiguredGeography = { id: 'c', name: 'Town 5', status: 'confirmed', members: ['T05'], sourceUrl: 'https://example.org/c', notes: 'synthetic' };

describe('derivePriorityGeographies', () => {
  const towns = Array.from({ length: 12 }, (_, k) => town(k + 1));

  it('keeps the configured geography, grows it with adjacent towns and seeds derived ones by rank', () => {
    const out = derivePriorityGeographies(towns, line(12), [confirmed], opts);
    expect(out.map((g) => [g.id, g.status, g.members.map((m) => m.id)])).toEqual([
      ['c', 'confirmed', ['T05', 'T04', 'T06']], // T4 and T6 border T5 once T1…T3 are taken
      ['derived-town-1', 'derived', ['T01', 'T02', 'T03']], // T1 seeds; T2, T3 join by adjacency
      ['derived-town-8', 'derived', ['T08']], // T7 borders c (full) so it cannot seed; T8 seeds the third
    ]);
    const t4 = out[0]!.members[1]!;
    expect(t4).toMatchObject({ role: 'adjacent', rank: 4, adjacentTo: ['T05'] });
    expect(t4.reason).toMatch(/Shares a boundary with Town 5 \(Town 5\); overall index rank 4 of 12/);
    expect(out[0]!.members[0]!.reason).toMatch(/^Confirmed AHEM community \(https:\/\/example.org\/c\)/);
    expect(out[0]!.members[0]!.adjacentTo).toEqual(['T04', 'T06']);
    expect(out[1]!.notes).toMatch(/Premature mortality .* not published by town/);
  });

  it('is deterministic whatever the input order', () => {
    const a = derivePriorityGeographies(towns, line(12), [confirmed], opts);
    const b = derivePriorityGeographies([...towns].reverse(), line(12), [confirmed], opts);
    expect(b).toEqual(a);
  });

  it('never takes towns below the percentile threshold and stops at the geography target', () => {
    const out = derivePriorityGeographies(towns, line(12), [confirmed], { ...opts, minPercentile: 95, targetGeographies: 10 });
    // Percentile ≥ 95 → T1, T2 only; T2 joins T1's geography.
    expect(out.flatMap((g) => g.members.map((m) => m.id))).toEqual(['T05', 'T01', 'T02']);
    const ten = derivePriorityGeographies(towns, new Map(), [], { ...opts, targetGeographies: 10, minPercentile: 0 });
    expect(ten).toHaveLength(10); // no adjacency: every town seeds until ten exist
    expect(ten.map((g) => g.members[0]!.id)).toEqual(towns.slice(0, 10).map((t) => t.id));
  });

  it('does not grow confirmed geographies when growConfirmed is false', () => {
    const out = derivePriorityGeographies(towns, line(12), [confirmed], { ...opts, growConfirmed: false });
    expect(out[0]!.members.map((m) => m.id)).toEqual(['T05']);
  });

  it('breaks rank ties by the higher all-cause death rate, then GEOID', () => {
    const a = town(1, { id: 'A', tieBreak: 700 });
    const b = town(1, { id: 'B', tieBreak: 900 });
    const c = town(1, { id: 'C', tieBreak: null });
    expect([a, c, b].sort(compareTowns).map((t) => t.id)).toEqual(['B', 'A', 'C']);
  });

  it('names the geography in errors for unknown or duplicated members', () => {
    expect(() => derivePriorityGeographies(towns, line(12), [{ ...confirmed, members: ['X'] }], opts)).toThrow(/"c" lists town X/);
    expect(() => derivePriorityGeographies(towns, line(12), [confirmed, { ...confirmed, id: 'd' }], opts)).toThrow(/T05 is in both "c" and "d"/);
  });
});
