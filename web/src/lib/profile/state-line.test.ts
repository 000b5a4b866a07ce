import { describe, expect, it } from 'vitest';
import { stateLine } from './state-line';

describe('stateLine', () => {
  it('formats the state value in the unit and names its basis in plain words', () => {
    expect(stateLine({ stateValue: 7.88, stateValueBasis: 'source', stateValueNote: 'Published by MassCHIP.' }, '% of live births')).toEqual({
      text: 'Massachusetts 7.9 %',
      basis: 'state figure',
      note: 'Published by MassCHIP.',
    });
    expect(stateLine({ stateValue: 109033, stateValueBasis: 'population-weighted-mean' }, 'US dollars (2023)')!.basis).toBe('weighted town mean');
  });
  it('is null without a state value (older versions), never "Massachusetts 0"', () => {
    expect(stateLine({ stateValue: null }, '%')).toBeNull();
    expect(stateLine({}, '%')).toBeNull();
  });
});
