import { describe, expect, it } from 'vitest';
import { createZipTownLookup } from './zip-town-lookup.js';

describe('createZipTownLookup', () => {
  const lookup = createZipTownLookup(
    [{ zip: '01002', zcta: '01002' }, { zip: '01004', zcta: '01002' }, { zip: '02108', zcta: '02108' }, { zip: '01229', zcta: '01229' }],
    [
      { zcta: '01002', town: '2501551825', fracOfZcta: 0.3, fracOfTown: 0.5 },
      { zcta: '01002', town: '2501501370', fracOfZcta: 0.6, fracOfTown: 0.9 },
      { zcta: '02108', town: '2502507000', fracOfZcta: 1, fracOfTown: 0.001 },
    ],
  );

  it('resolves a ZIP through its ZCTA to the towns, largest share first', () => {
    expect(lookup('01002')).toEqual({ zip: '01002', zcta: '01002', towns: [{ town: '2501501370', fracOfZcta: 0.6 }, { town: '2501551825', fracOfZcta: 0.3 }] });
  });

  it('resolves a PO-box ZIP through the ZCTA it sits in', () => {
    expect(lookup('01004')!.zcta).toBe('01002');
    expect(lookup('01004')!.towns[0]!.town).toBe('2501501370');
  });

  it('returns null for an unknown ZIP and an empty town list for a ZCTA without crosswalk rows', () => {
    expect(lookup('99999')).toBeNull();
    expect(lookup('01229')).toEqual({ zip: '01229', zcta: '01229', towns: [] });
  });
});
