import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addToCompare, DEFAULT_STATE, MAX_COMPARE, parseState, serializeState, VIEWS, type AppState } from './url-state';

describe('URL state', () => {
  it('the default state is the bare URL', () => {
    expect(serializeState(DEFAULT_STATE)).toBe('');
    expect(parseState('')).toEqual(DEFAULT_STATE);
  });

  it('writes a readable query string', () => {
    const s: AppState = { level: 'zcta', measure: 'domain:maternal_perinatal', place: '01001', compare: ['01001', '02108'], view: 'table', flaggedOnly: true, priorityOnly: false, counties: ['Hampden', 'Worcester'], lang: 'es' };
    expect(serializeState(s)).toBe('?level=zcta&measure=domain:maternal_perinatal&view=table&place=01001&compare=01001,02108&filter=flagged&county=Hampden,Worcester&lang=es');
  });

  it('round-trips any valid state', () => {
    const id = fc.stringMatching(/^[0-9]{5,10}$/);
    const state = fc.record({
      level: fc.constantFrom('town' as const, 'zcta' as const),
      measure: fc.constantFrom('overall', 'domain:social_drivers', 'low_birth_weight', 'median_household_income'),
      place: fc.option(id, { nil: null }),
      compare: fc.uniqueArray(id, { maxLength: MAX_COMPARE }),
      view: fc.constantFrom(...VIEWS),
      flaggedOnly: fc.boolean(),
      priorityOnly: fc.boolean(),
      // Real county names and made-up valid ones (spaces, apostrophes), kept sorted and unique as the state holds them.
      counties: fc
        .uniqueArray(fc.oneof(fc.constantFrom('Hampden', 'Worcester', 'Berkshire', 'Dukes', 'Nantucket'), fc.stringMatching(/^[A-Za-z][A-Za-z .'-]{0,29}$/)), { maxLength: 5 })
        .map((cs) => [...cs].sort()),
      lang: fc.constantFrom('en' as const, 'es' as const),
    });
    fc.assert(fc.property(state, (s) => {
      expect(parseState(serializeState(s))).toEqual(s);
    }));
  });

  it('ignores unknown or malicious values instead of failing', () => {
    const s = parseState('?level=county&view=admin&measure=<script>&place=../../etc&compare=1,1,2,3,4,5,6&filter=bogus');
    expect(s.level).toBe('town');
    expect(s.view).toBe('map');
    expect(s.measure).toBe('overall');
    expect(s.place).toBeNull();
    expect(s.compare).toEqual(['1', '2', '3', '4']);
    expect(s.flaggedOnly || s.priorityOnly).toBe(false);
    expect(parseState('?county=Hampden,<b>,Worcester,Hampden,,../x').counties).toEqual(['Hampden', 'Worcester']);
  });
});

describe('addToCompare', () => {
  it('keeps at most four, dropping the oldest, without duplicates', () => {
    let c: string[] = [];
    for (const id of ['a', 'b', 'c', 'd', 'b', 'e']) c = addToCompare(c, id);
    expect(c).toEqual(['c', 'd', 'b', 'e']);
  });
});
