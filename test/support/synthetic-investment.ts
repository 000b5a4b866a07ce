import type { InvestmentFields } from '../../functions/src/store/investment-store.js';

/** A synthetic grant (labelled: not from ahem/investments.csv) naming Chicopee, for store-level tests. */
export const SYNTHETIC_INVESTMENT: InvestmentFields = {
  funder: 'Synthetic Foundation',
  grantee: 'Synthetic Coalition',
  amountUsd: 1000,
  amountNote: '',
  startDate: '2025-01-01',
  durationYears: 1,
  municipalities: ['2501313660'],
  unmappedPlaces: [],
  focus: 'synthetic',
  ahemLink: 'unconfirmed',
  sourceUrl: 'https://example.org/grant',
};
