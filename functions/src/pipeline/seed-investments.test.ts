import { describe, expect, it } from 'vitest';
import type { AhemInvestmentRow } from '../sources/ahem-investments.js';
import type { Town } from '../sources/towns.js';
import { seedInvestmentId, seedInvestments } from './seed-investments.js';

// Synthetic rows (labelled synthetic) with real town names and GEOIDs.
const town = (id: string, name: string) => ({ id, name }) as Town;
const towns = [town('2501703005', 'Ayer'), town('2502728950', 'Harvard'), town('2501761590', 'Shirley')];
const row = (places: string[], over: Partial<AhemInvestmentRow> = {}): AhemInvestmentRow => ({
  announced: '2025-12',
  funder: 'Synthetic Funder',
  grantee: 'Synthetic Grantee',
  amountUsd: null,
  amountNote: 'amount not published',
  durationYears: null,
  amountYears: null,
  places,
  focus: '',
  ahemLink: 'unconfirmed',
  sourceUrl: 'https://example.org/x',
  ...over,
});

describe('seedInvestments', () => {
  it('maps town names to GEOIDs (case-insensitive), keeps Devens unmapped with its reason and a null amount null', () => {
    const [seed] = seedInvestments([row(['ayer', 'Harvard', 'Devens'])], towns);
    expect(seed!.fields.municipalities).toEqual(['2501703005', '2502728950']);
    expect(seed!.fields.unmappedPlaces).toEqual([{ name: 'Devens', note: expect.stringMatching(/inside Ayer, Harvard and Shirley/) }]);
    expect(seed!.fields.amountUsd).toBeNull();
    expect(seed!.fields.startDate).toBe('2025-12');
  });

  it('derives stable ids from the row', () => {
    expect(seedInvestments([row(['Ayer'])], towns)[0]!.id).toBe(seedInvestmentId(row(['Ayer'])));
    expect(seedInvestmentId(row([]))).toMatch(/^inv-[0-9a-f]{10}$/);
    expect(seedInvestmentId(row([], { grantee: 'Other' }))).not.toBe(seedInvestmentId(row([])));
  });

  it('stops on a place that is neither a town nor a known non-municipal place, naming the row', () => {
    expect(() => seedInvestments([row(['Ayer']), row(['Atlantis'])], towns)).toThrow(/row 3, column municipalities: "Atlantis" is not a Massachusetts municipality/);
  });
});
