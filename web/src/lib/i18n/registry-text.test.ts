import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, setLocale } from '../../paraglide/runtime.js';
import { domainLabel, indicatorContext, indicatorLabel, indicatorUnit, reasonIn, reasonKnown, reasonText } from './registry-text';

/** Issue 16: the registry's words in Spanish by id, and the API's English reasons by template. */
const ROOT = path.resolve(import.meta.dirname, '../../../..');
const registry = JSON.parse(readFileSync(path.join(ROOT, 'data', 'indicators.json'), 'utf8')) as {
  method: { domains: { id: string; label: string }[] };
  indicators: { id: string; label: string; unit: string; contextReason?: string }[];
};
const catalogue = (locale: string) => JSON.parse(readFileSync(path.join(ROOT, 'web', 'messages', 'registry', `${locale}.json`), 'utf8')) as Record<string, string>;

const initial = getLocale();
afterEach(() => setLocale(initial, { reload: false }));

describe('registry words', () => {
  const en = catalogue('en');
  const es = catalogue('es');

  it('holds every indicator (label and unit) and domain of data/indicators.json, in English exactly as the registry says', () => {
    expect(registry.indicators.length).toBeGreaterThanOrEqual(30);
    for (const i of registry.indicators) {
      expect(en[`indicator_${i.id}`], i.id).toBe(i.label);
      expect(en[`indicator_${i.id}_unit`], i.id).toBe(i.unit);
      expect(es[`indicator_${i.id}`], i.id).toBeTruthy();
      expect(es[`indicator_${i.id}`], `${i.id} is translated`).not.toBe(i.label);
      expect(es[`indicator_${i.id}_unit`], i.id).toBeTruthy();
      expect(indicatorLabel(i.id, 'fallback')).toBe(i.label);
      expect(indicatorUnit(i.id, 'fallback')).toBe(i.unit);
      expect(en[`indicator_${i.id}_context`], `${i.id} context`).toBe(i.contextReason);
      if (i.contextReason) {
        expect(es[`indicator_${i.id}_context`], `${i.id} context`).not.toBe(i.contextReason);
        expect(indicatorContext(i.id, 'fallback')).toBe(i.contextReason);
      }
    }
    expect(registry.method.domains).toHaveLength(4);
    for (const d of registry.method.domains) {
      expect(en[`domain_${d.id}`], d.id).toBe(d.label);
      expect(es[`domain_${d.id}`], d.id).not.toBe(d.label);
      expect(domainLabel(d.id, 'fallback')).toBe(d.label);
    }
    // No stale entries: every indicator_/domain_ key names a registry id.
    const ids = new Set([...registry.indicators.flatMap((i) => [`indicator_${i.id}`, `indicator_${i.id}_unit`, ...(i.contextReason ? [`indicator_${i.id}_context`] : [])]), ...registry.method.domains.map((d) => `domain_${d.id}`)]);
    expect(Object.keys(en).filter((k) => /^(indicator|domain)_/.test(k) && !ids.has(k))).toEqual([]);
  });

  it('answers in Spanish when the UI is in Spanish, and falls back to the English text for an unknown id', () => {
    setLocale('es', { reload: false });
    expect(indicatorLabel('obesity', 'Adult obesity (crude)')).toBe('Obesidad en adultos (tasa bruta)');
    expect(indicatorUnit('infant_mortality', 'deaths per 1,000 live births')).toBe('muertes por cada 1,000 nacidos vivos');
    expect(domainLabel('cardiometabolic', 'Cardiometabolic health')).toBe('Salud cardiometabólica');
    expect(domainLabel('access_to_care', 'Access to care')).toBe('Acceso a la atención médica');
    expect(indicatorLabel('new_indicator', 'A newer server’s indicator')).toBe('A newer server’s indicator');
    expect(indicatorLabel('constructor', 'Not a prototype key')).toBe('Not a prototype key');
    expect(domainLabel('other', 'Other')).toBe('Other');
    expect(indicatorContext('health_center_distance', 'English')).toMatch(/^La capa de centros de salud/);
    expect(indicatorContext('obesity', 'Ranked everywhere')).toBe('Ranked everywhere');
  });
});

/** One sentence per template, as the API prints them (functions/src, data/indicators.json). */
const EXAMPLES = [
  'Not available for municipalities in the staged sources.',
  'Not available for ZIP codes in the staged sources.',
  'No value for this place: suppressed by the publisher (small numbers), not covered by the source, or too little of the area covered by places with data.',
  'No municipalities with a published value overlaps this ZCTA.',
  'No ZCTAs with a published value overlaps this municipality.',
  'No Census places (cities and CDPs) with a published value overlaps this municipality.',
  "Municipalities with data hold only 38 % of this ZCTA's residents; the method needs 50 %.",
  "ZCTAs with data hold only 12 % of this municipality's residents; the method needs 50 %.",
  "Census places (cities and CDPs) with data hold only 41 % of this municipality's residents; the method needs 50 %.",
  'No Census place (city or CDP) in this municipality: PLACES place estimates do not cover it.',
  'CDC PLACES publishes no estimate for this place.',
  'CDC PLACES publishes no age-adjusted estimate for this place.',
  'CDC PLACES publishes no estimate for this ZCTA (not in its 2022 ZCTA file).',
  'The ACS 2019–2023 median household income is not published for this municipality (too few sample households).',
  'Suppressed by MA DPH (small numbers) or not published for this town.',
  'Suppressed by MA DPH (small numbers).',
  'Suppressed by MA DPH: 1–4 deaths in 2010.',
  'Suppressed by MA DPH: 1–6 discharges in 2009 (left-censored; never read as 0).',
  'Suppressed by MA DPH: 1–4 low-weight births in 2005–2008.',
  'Suppressed by MA DPH: 1–4 births to adolescent mothers in 2005–2008.',
  'Suppressed by MA DPH: fewer than 500 births in 2005–2008.',
  'Suppressed by MA DPH: 1–4 mothers in the count.',
  'Suppressed by MA DPH: 1–4 mothers with publicly financed care in 2005–2008.',
  'Suppressed by MA DPH: 1–4 mothers in 2010.',
  'Suppressed by MA DPH: fewer than 500 births in 2005–2008 (about 87); the file prints 0, which is not a rate.',
  'No residents in 2010: a rate over nobody is undefined.',
  'No births in 2010: a share or rate of no births is undefined, not 0.',
  'No births in 2005–2008: a share or rate of no births is undefined, not 0.',
  'Fewer than 5 births in 2010 (MA DPH suppresses counts of 1–4): too few for a stable share.',
  'Too small for this source: the publisher suppresses 1–6 events but prints 0, so a printed value is only evidence where about 9.2 or more events are expected at the state rate; here 3.4 were.',
  'Not ranked: 312 residents (ACS 2017–2021); places need at least 500 to be ranked, as rates and shares from so few people are too unstable to compare.',
  'Not ranked: 17 residents (Census 2020); places need at least 500 to be ranked, as rates and shares from so few people are too unstable to compare.',
  'Not ranked: no ACS 2017–2021 population count for this place; places need at least 1,000 residents to be ranked.',
  'No indicator of this domain is available at this geographic level.',
  'Only 1 of 6 indicators have data (the method needs at least 3).',
  'Too few domains have data for an overall score (see each domain).',
  'No overall score.',
  'No domain score.',
  'No municipality with id "2501300000" in this version.',
  'No ZIP code area (ZCTA) with id "01001" in this version.',
  'Announced AHEM community; ranks 3rd most disadvantaged on the overall index (percentile 99.4).',
  'Announced AHEM community; has no overall index score.',
  'Listed by hand in the priority-geography settings, not an announced AHEM community; ranks 41st most disadvantaged on the overall index (percentile 88.6).',
  'Not an announced AHEM community: added by the index’s rule because it ranks 12th most disadvantaged on the overall index (percentile 96.9) and borders no other priority geography, so it starts this one.',
  'Not an announced AHEM community: added by the index’s rule because it borders Chicopee and ranks 22nd most disadvantaged on the overall index (percentile 93.8).',
  'Not an announced AHEM community: added by the index’s rule because it borders Lawrence, Methuen and North Andover and ranks 11th most disadvantaged on the overall index (percentile 97.2).',
  'Not an announced AHEM community: added by the index’s rule because it borders this geography and has no overall index score.',
  // The derivation's own lines (the `reasons` array, read by versions that predate member reasons).
  'Confirmed AHEM community (https://massinsider.net/press-releases/41791); overall index rank 23 of 339 (percentile 93.49), 4 flagged indicators.',
  'Confirmed AHEM community; no overall index (no data).',
  'Listed in data/priority-geographies.json; overall index rank 59 of 339 (percentile 82.54), 1 flagged indicator.',
  'Shares a boundary with Chicopee, Holyoke, Springfield, Westfield (Chicopee); overall index rank 66 of 339 (percentile 80.77), 7 flagged indicators; the best-ranked remaining town bordering a geography with room.',
  'Best-ranked remaining town bordering no priority geography: seeds this derived geography; overall index rank 1 of 339 (percentile 100), 22 flagged indicators.',
  // An announced member's standing alone (the priority list drops "Announced AHEM community; ").
  'Ranks 3rd most disadvantaged on the overall index (percentile 99.4)',
  'Has no overall index score',
  'Configured geographies are kept (confirmed AHEM communities named after themselves). Towns at or above percentile 90 of the overall index are taken in rank order: a town bordering a geography with fewer than 6 members joins the smallest such geography (while fewer than 40 towns are members); a town bordering none seeds a derived geography (while fewer than 10 exist). docs/method.md, "Priority geographies".',
];

describe('API reasons', () => {
  it.each(EXAMPLES)('rebuilds the English exactly and translates: %s', (english) => {
    expect(reasonKnown(english)).toBe(true);
    expect(reasonIn(english, 'en')).toBe(english);
    const es = reasonIn(english, 'es');
    expect(es).not.toBe(english);
    expect(es).not.toMatch(/\{|\}/);
  });

  it('keeps numbers and names as printed and says them the Spanish way', () => {
    expect(reasonIn(EXAMPLES[30]!, 'es')).toBe(
      'Sin clasificar: 312 residentes (ACS 2017–2021); un lugar necesita al menos 500 para clasificarse, ya que las tasas y proporciones de tan pocas personas son demasiado inestables para compararlas.',
    );
    expect(reasonIn('Suppressed by MA DPH: 1–4 deaths in 2010.', 'es')).toBe('Suprimido por el MA DPH: 1–4 muertes en 2010.');
    expect(reasonIn(EXAMPLES[45]!, 'es')).toBe(
      'No es una comunidad AHEM anunciada: añadido por la regla del índice porque limita con Lawrence, Methuen y North Andover y ocupa el puesto 11 entre los más desfavorecidos del índice general (percentil 97.2).',
    );
  });

  it('says one flagged indicator in the singular, and an announced member’s standing on its own', () => {
    expect(reasonIn('Listed in data/priority-geographies.json; overall index rank 59 of 339 (percentile 82.54), 1 flagged indicator.', 'es')).toBe(
      'Incluido en data/priority-geographies.json; puesto 59 de 339 en el índice general (percentil 82.54), 1 indicador señalado.',
    );
    expect(reasonIn('Ranks 3rd most disadvantaged on the overall index (percentile 99.4)', 'es')).toBe('Ocupa el puesto 3 entre los más desfavorecidos del índice general (percentil 99.4)');
  });

  it('follows the UI language', () => {
    setLocale('es', { reload: false });
    expect(reasonText('No overall score.')).toBe('Sin puntuación general.');
    setLocale('en', { reload: false });
    expect(reasonText('No overall score.')).toBe('No overall score.');
  });

  it('passes an unknown sentence through unchanged, also when only a nested part is unknown', () => {
    for (const english of ['A reason a newer server added.', 'Not ranked: a reason a newer server added.', 'Announced AHEM community; stands somewhere new.', '']) {
      expect(reasonKnown(english)).toBe(false);
      expect(reasonIn(english, 'es')).toBe(english);
    }
  });
});
