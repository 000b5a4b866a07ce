import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeasureTable } from '../api';
import { setLocale } from '../../paraglide/runtime.js';
import { pngContent } from '../export/png-content';
import { investmentPeriod } from './investment-points';
import { placeSummary } from './keyboard-pick';
import { measureLabel, measureUnit } from './measure-text';

// The map's words with ?lang=es (issue 16); the other tests here read them in English.
beforeAll(() => setLocale('es', { reload: false }));
afterAll(() => setLocale('en', { reload: false }));

// Synthetic two-town table (test fixture, not real data); "obesity" is a registry id, so its label and unit come from the catalogue.
const column = (id: string, kind: 'overall' | 'indicator', values: (number | null)[]) => ({ id, kind, label: id === 'overall' ? 'Massachusetts Health Equity Index (overall)' : 'Adult obesity', unit: kind === 'overall' ? 'percentile (0–100)' : '%', direction: 'higher_is_worse' as const, domain: null, vintage: 'v', sourceIds: [], ranked: true, contextReason: null, values, percentiles: values.map((v) => (v === null ? null : 40)), noData: values.map((v) => (v === null ? 'Suppressed by MA DPH (small numbers).' : null)) });
const table: MeasureTable = {
  version: 'v',
  level: 'town',
  method: 'm',
  places: ['a', 'b'].map((id) => ({ id, name: id === 'a' ? 'Ashby' : 'Boston', county: null, population: 1, rank: 1, flagCount: 0, percentileInterval: null })),
  measures: [column('overall', 'overall', [12.5, 3]), column('obesity', 'indicator', [4.25, null])],
};

describe('map in Spanish', () => {
  it('names the index, its unit and the percentile in Spanish', () => {
    expect(measureLabel(table.measures[0]!)).toBe('Índice de Equidad en Salud de Massachusetts (general)');
    expect(measureUnit(table.measures[0]!)).toBe('percentil (0–100)');
    expect(measureUnit({ kind: 'domain', label: 'x', unit: 'domain percentile (0–100)' })).toBe('percentil del dominio (0–100)');
    // A name this build does not know stays as the API sent it.
    expect(measureLabel({ kind: 'overall', label: 'Some New Index (overall)', unit: 'u' })).toBe('Some New Index (overall)');
    expect(placeSummary(table, table.measures[1]!, 'a')?.detail).toMatch(/^[^:]+: 4,?\.?3 % \(percentil 40\)$/);
  });

  it('says "sin datos" with the reason in Spanish', () => {
    const detail = placeSummary(table, table.measures[1]!, 'b')!.detail;
    expect(detail).toMatch(/: sin datos\. /);
    expect(detail).not.toMatch(/Suppressed/);
  });

  it('describes an investment period in Spanish', () => {
    expect(investmentPeriod({ startDate: '2025-02-19', durationYears: 2 })).toBe('desde 2025-02-19, durante 2 años');
    expect(investmentPeriod({ startDate: '2025-02-19', durationYears: 1 })).toBe('desde 2025-02-19, durante 1 año');
    expect(investmentPeriod({ startDate: null, durationYears: null })).toBe('período no publicado');
  });

  it('writes the PNG title, legend and footer in Spanish, source names from source-names.ts, a Spanish date', () => {
    const c = pngContent({
      measure: { id: 'overall', domain: null, label: 'Massachusetts Health Equity Index (overall)', unit: 'percentile (0–100)', direction: 'higher_is_worse', kind: 'overall', vintage: 'see each indicator', sourceIds: ['masschip-2005-2008'], ranked: true },
      level: 'zcta',
      legend: [{ color: '#ffffb2', label: '0–20', count: 70 }],
      noDataCount: 3,
      version: 'ma-hei-1.1-x',
      date: '2026-11-30',
    });
    expect(c.title).toBe('Índice de Equidad en Salud de Massachusetts (general) por código postal — Massachusetts');
    expect(c.subtitle).toBe('percentil (0–100) · quintiles de los lugares con datos · más oscuro = más desfavorecido');
    expect(c.legendHeading).toBe('Leyenda (percentil (0–100))');
    expect(c.legend.at(-1)).toEqual({ swatch: 'hatch', label: 'Sin datos (3)' });
    expect(c.footer[0]).toMatch(/^Fuentes: MA DPH MassCHIP.*\. Límites: MassGIS, U\.S\. Census Bureau\. Etiquetas con borde/);
    expect(c.footer[1]).toBe('Equity Atlas · versión del índice ma-hei-1.1-x · exportado el 30 de noviembre de 2026');
  });
});
