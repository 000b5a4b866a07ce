import { describe, expect, it } from 'vitest';
import type { PlaceRecord } from '../indices/place-record.js';
import { createPlaceSearch, foldName } from './place-search.js';

const town = (id: string, name: string) => ({ level: 'town', id, name, score: 0.5, percentile: 50, rank: 10 }) as PlaceRecord;
const zcta = (id: string) => ({ level: 'zcta', id, name: `ZIP ${id}`, score: 0.4, percentile: 40, rank: 20 }) as PlaceRecord;
const towns = [town('1', 'Springfield'), town('2', 'West Springfield'), town('3', 'Agawam'), town('4', 'Manchester-by-the-Sea')];
const search = createPlaceSearch(
  towns,
  [zcta('01001')],
  [
    { zip: '01001', zcta: '01001', poName: 'Agawam' },
    { zip: '01090', zcta: '01001', poName: 'West Springfield' }, // a PO-box ZIP resolved through the ZCTA it sits in
  ],
  [
    { zcta: '01001', town: '2', fracOfZcta: 0.1, fracOfTown: 0.05 },
    { zcta: '01001', town: '3', fracOfZcta: 0.9, fracOfTown: 0.7 },
  ] as never,
);

describe('place search', () => {
  it('folds case, accents and punctuation', () => {
    expect(foldName('  AGAWÁM ')).toBe('agawam');
    expect(foldName('Manchester-by-the-Sea')).toBe('manchester by the sea');
  });

  it('matches name prefixes, then word prefixes, exact names first', () => {
    expect(search('spring', 10).map((h) => h.name)).toEqual(['Springfield', 'West Springfield']);
    expect(search('SPRINGFIELD', 10)[0]!.name).toBe('Springfield');
    expect(search('agawám', 10).map((h) => h.id)).toEqual(['3']);
    expect(search('manchester by', 10).map((h) => h.id)).toEqual(['4']);
    expect(search('zzz', 10)).toEqual([]);
    expect(search('spring', 1)).toHaveLength(1);
  });

  it('resolves a ZIP to its ZCTA and the towns it overlaps, largest share first', () => {
    const hits = search('01001', 10);
    expect(hits.map((h) => [h.level, h.id])).toEqual([
      ['zcta', '01001'],
      ['town', '3'],
      ['town', '2'],
    ]);
    expect(hits[1]).toMatchObject({ match: 'zip', zip: '01001', poName: 'Agawam', fracOfZcta: 0.9 });
    expect(search('01090', 10)[0]).toMatchObject({ level: 'zcta', id: '01001', zip: '01090' });
    expect(search('010', 10).map((h) => h.zip)).toEqual(['01001', '01001', '01001', '01090', '01090', '01090']);
    expect(search('99999', 10)).toEqual([]);
  });
});
