import { describe, expect, it } from 'vitest';
import type { PlaceRecord } from '../indices/place-record.js';
import { decodeCursor, encodeCursor, queryPlaces } from './place-query.js';

const place = (id: string, name: string, percentile: number | null, rank: number | null, flagCount: number, county: string | null, countyFips: string | null) =>
  ({ id, name, percentile, rank, flagCount, county, countyFips }) as PlaceRecord;
const places = [
  place('1', 'Agawam', 40, 3, 0, 'Hampden', '25013'),
  place('2', 'Boston', 90, 1, 4, 'Suffolk', '25025'),
  place('3', 'Chicopee', 80, 2, 1, 'Hampden', '25013'),
  place('4', 'Gosnold', null, null, 0, 'Dukes', '25007'),
];
const ids = (ps: PlaceRecord[]) => ps.map((p) => p.id);

describe('queryPlaces', () => {
  it('keeps id order by default and puts places without a value last in either direction', () => {
    expect(ids(queryPlaces(places, { sort: 'id' }))).toEqual(['1', '2', '3', '4']);
    expect(ids(queryPlaces(places, { sort: 'rank' }))).toEqual(['2', '3', '1', '4']);
    expect(ids(queryPlaces(places, { sort: 'rank', order: 'desc' }))).toEqual(['1', '3', '2', '4']);
    expect(ids(queryPlaces(places, { sort: 'percentile' }))).toEqual(['2', '3', '1', '4']); // worst first by default
    expect(ids(queryPlaces(places, { sort: 'name', order: 'desc' }))).toEqual(['4', '3', '2', '1']);
  });

  it('filters by flag, county (name or FIPS) and minimum percentile', () => {
    expect(ids(queryPlaces(places, { sort: 'id', flagged: 'true' }))).toEqual(['2', '3']);
    expect(ids(queryPlaces(places, { sort: 'id', flagged: 'false' }))).toEqual(['1', '4']);
    expect(ids(queryPlaces(places, { sort: 'id', county: 'hampden county' }))).toEqual(['1', '3']);
    expect(ids(queryPlaces(places, { sort: 'id', county: '25025' }))).toEqual(['2']);
    expect(ids(queryPlaces(places, { sort: 'id', minPercentile: 80, county: 'Hampden' }))).toEqual(['3']);
  });
});

describe('cursor', () => {
  it('round-trips and refuses a cursor of another query or a forged one', () => {
    const c = encodeCursor({ v: 'v1', o: 50, q: 'town|true' });
    expect(decodeCursor(c, 'town|true')).toEqual({ version: 'v1', offset: 50 });
    expect(() => decodeCursor(c, 'town|false')).toThrow(/other filters/);
    expect(() => decodeCursor('not-a-cursor', 'town|true')).toThrow(/cursor/);
    expect(() => decodeCursor(encodeCursor({ v: 'v1', o: -1, q: 'x' }), 'x')).toThrow(/cursor/);
  });
});
