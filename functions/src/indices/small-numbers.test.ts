import { describe, expect, it } from 'vitest';
import { applySmallNumbersPolicy, censoringChance, minExpectedEvents, type SmallNumbersRule } from './small-numbers.js';

// Real MassCHIP 2010 rows (cardiovascular deaths, age-adjusted per 100,000; state value 192.0) with 2010 census
// populations: Boston 1,010 deaths, Hawley 1 death (594.7), Warwick 4 deaths (631.0); and one suppressed town.
const rule: SmallNumbersRule = { model: 'poisson', scale: 100_000, prior: 192, priorLabel: 'Massachusetts', suppressedReason: 'Suppressed by MA DPH.', zeroDenominatorReason: 'No residents.' };
const raw = new Map<string, number | null>([['boston', 187.4], ['hawley', 594.7], ['warwick', 631.0], ['suppressed', null], ['empty', 0]]);
const exposure = new Map([['boston', { n: 617_594, estimated: false }], ['hawley', { n: 337, estimated: false }], ['warwick', { n: 780, estimated: false }], ['empty', { n: 0, estimated: false }]]);
const events = new Map<string, number | null>([['boston', 1010], ['hawley', 1], ['warwick', 4]]);

describe('applySmallNumbersPolicy', () => {
  const r = applySmallNumbersPolicy(raw, exposure, events, rule);

  it('keeps a suppressed value missing with the publisher’s rule, and a zero denominator missing — never 0', () => {
    expect(r.noData.get('suppressed')).toBe('Suppressed by MA DPH.');
    expect(r.noData.get('empty')).toBe('No residents.');
    expect(r.values.has('suppressed') || r.values.has('empty')).toBe(false);
  });

  it('pulls a rate from one death toward the state value and leaves a large city almost as printed', () => {
    const hawley = r.values.get('hawley')!;
    expect(Math.abs(hawley.value - 192)).toBeLessThan(Math.abs(594.7 - 192) / 2);
    expect(hawley.smoothing).toMatchObject({ raw: 594.7, prior: 192, events: 1, exposure: 337 });
    expect(hawley.notes?.[0]).toMatch(/Fewer than 5 events \(1\)/);
    expect(r.values.get('boston')!.smoothing!.weight).toBeGreaterThan(r.values.get('hawley')!.smoothing!.weight);
  });

  it('publishes the unrounded weight, so weight·raw + (1 − weight)·prior gives the value', () => {
    for (const e of r.values.values()) expect(Math.round((e.smoothing!.weight * e.smoothing!.raw + (1 - e.smoothing!.weight) * 192) * 100) / 100).toBe(e.value);
  });

  it('values a left-censored source (1–k suppressed, 0 printed) only where the count would almost surely have been printed', () => {
    // Angina, state 10.3 per 100,000: Hawley expects 0.03 discharges, Boston 64; 1–6 would have been suppressed.
    const angina = applySmallNumbersPolicy(new Map([['hawley', 0], ['boston', 9.1]]), exposure, new Map([['hawley', 0], ['boston', 44]]), { ...rule, prior: 10.3, leftCensoredUpTo: 6 });
    expect(angina.noData.get('hawley')).toMatch(/suppresses 1–6 events but prints 0/);
    expect(angina.values.has('boston')).toBe(true);
  });
});

describe('censoringChance', () => {
  it('has its 5 % threshold at 9.15 expected events for 1–4 and 11.84 for 1–6 (checked with an independent Python computation)', () => {
    expect(minExpectedEvents(4)).toBeCloseTo(9.150092, 5);
    expect(minExpectedEvents(6)).toBeCloseTo(11.842135, 5);
    expect(censoringChance(minExpectedEvents(6), 6)).toBeCloseTo(0.05, 6);
  });

  it('is P(1 ≤ X ≤ k) of a Poisson count', () => {
    const p = (l: number, x: number) => (Math.exp(-l) * l ** x) / [1, 1, 2, 6, 24][x]!;
    expect(censoringChance(2, 4)).toBeCloseTo(p(2, 1) + p(2, 2) + p(2, 3) + p(2, 4), 12);
    expect(censoringChance(0, 6)).toBe(0);
    expect(censoringChance(30, 6)).toBeLessThan(1e-6);
  });
});
