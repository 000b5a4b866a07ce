import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PriorityGeographies, PriorityMember, SensitivityItem, Smoothing } from '../api';
import { setLocale } from '../../paraglide/runtime.js';
import { BASIS_LABEL, explainPriority } from './priority-explanation';
import { domainLabel } from './profile-view';
import { rankChangeText, type PlaceHistory } from './rank-change';
import { domainNoScoreText, notRankedText, sensitivityText } from './rank-line';
import { stateLine } from './state-line';
import { adjustmentText, coverageText, smoothingText, valueStatus } from './value-status';

// The profile's sentences with ?lang=es (issue 16); the other tests here read them in English.
beforeAll(() => setLocale('es', { reload: false }));
afterAll(() => setLocale('en', { reload: false }));

const ITEM: SensitivityItem = { id: 'T1', name: 'Synthton', rank: 18, rankMin: 11, rankMax: 27, rankP05: 12, rankP95: 25, medianRank: 18, topDecileShare: 0.64, ranksByScenario: [18, 11, 27] };
const DEATHS: Smoothing = { method: 'empirical-bayes', raw: 594.7, weight: 0.0412, prior: 720.3, priorLabel: 'Massachusetts value (MassCHIP 2010)', events: 1, exposure: 168, exposureEstimated: false };

describe('profile in Spanish', () => {
  it('says ranks, their spread and changes in Spanish', () => {
    expect(sensitivityText({ id: 'T1', rank: 18, ranked: undefined, noDataReason: null }, ITEM, 351)).toBe(
      'Puesto 18 de 351; entre 11 y 27 con otras ponderaciones razonables (en el 10 % superior en el 64 % de los escenarios)',
    );
    const history: PlaceHistory = {
      level: 'town',
      id: 'T1',
      current: 'v2',
      items: [
        { version: 'v2', method: 'ma-hei-1.1', present: true, rank: 18 } as PlaceHistory['items'][number],
        { version: 'v1', method: 'ma-hei-1.0', present: true, rank: 22 } as PlaceHistory['items'][number],
      ],
    };
    expect(rankChangeText(history, 'v2', 18)).toBe('(era 22 en la versión anterior, método ma-hei-1.0)');
  });

  it('translates the API’s reasons and keeps the fallbacks in Spanish', () => {
    expect(notRankedText({ ranked: false, noDataReason: null })).toBe('Sin clasificar: muy pocos residentes para un puesto estable.');
    expect(domainNoScoreText({ ranked: true, noDataReason: null }, 'No indicator of this domain is available at this geographic level.')).toBe(
      'Sin puntuación: Ningún indicador de este dominio está disponible en este nivel geográfico.',
    );
    expect(domainNoScoreText({ ranked: true, noDataReason: null }, null)).toBe('Sin puntuación: sin datos.');
  });

  it('names domains, value status and the state value in Spanish', () => {
    expect(domainLabel('cardiometabolic')).toBe('Salud cardiometabólica');
    expect(domainLabel('new_domain')).toBe('New domain');
    expect(adjustmentText('age-adjusted')).toBe('ajustado por edad');
    expect(coverageText(0.93)).toBe('cubre el 93 % de los residentes');
    expect(smoothingText(DEATHS, 'deaths per 100,000 (age-adjusted, 2000 US standard)')).toBe(
      'suavizado hacia el valor de Massachusetts (MassCHIP 2010) de 720: valor de la fuente 595 a partir de 1 defunción, peso 0.04',
    );
    expect(stateLine({ stateValue: 8.3, stateValueBasis: 'source' }, '% of adults')).toMatchObject({ basis: 'cifra estatal' });
    expect(stateLine({ stateValue: 8.3, stateValueBasis: 'population-weighted-mean', stateValueNote: 'Population-weighted mean of the 115 municipalities with a value (69 % of residents); the source publishes no state figure.' }, '% of adults')?.note).toBe(
      'Media ponderada por población de los 115 municipios con valor (69 % de los residentes); la fuente no publica una cifra estatal.',
    );
    expect(stateLine({ stateValue: 8.3, stateValueBasis: 'source', stateValueNote: 'Massachusetts figure published by the source (MassCHIP report (2010 births and deaths)).' }, '% of adults')?.note).toBe(
      'Cifra de Massachusetts publicada por la fuente del indicador.',
    );
    const smoothed = valueStatus({ value: 600, unit: 'deaths per 100,000', smoothing: { ...DEATHS, priorLabel: 'Massachusetts value (MA DPH MassCHIP, 2010 deaths)' } });
    expect(smoothed.find((l) => l.kind === 'smoothing')).toMatchObject({ data: 'MA DPH MassCHIP, 2010 deaths' });
    expect(BASIS_LABEL['added-by-rule']).toBe('añadido por la regla del índice');
  });

  it('explains priority geographies in Spanish', () => {
    const rule = { minPercentile: 75, maxMembersPerGeography: 5, targetGeographies: 10, targetMunicipalities: 30, text: 'rule' };
    const none: PriorityGeographies = { type: 'FeatureCollection', version: 'v', notes: '', rule, features: [] };
    expect(explainPriority('town', 'T9', 40, none).text).toBe('No está en una geografía prioritaria: el percentil 40 está por debajo del umbral de 75.');
    const reason = 'Announced AHEM community; ranks 22nd most disadvantaged on the overall index (percentile 91.2).';
    const member: PriorityMember = { id: 'T1', name: 'Alpha', role: 'configured', basis: 'announced', reason, rank: 22, percentile: 91.2, score: 0.9, flagCount: 3, adjacentTo: [], population: 1000 };
    const confirmed: PriorityGeographies = {
      ...none,
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: [] },
          properties: { id: 'alpha', name: 'Alpha', status: 'confirmed', sourceUrl: null, notes: '', population: null, index: { percentile: 90, bestRank: 1, worstRank: 9, flagCount: 3, membersRanked: 1 }, members: [member], reasons: [] },
        },
      ],
    };
    expect(explainPriority('town', 'T1', 91.2, confirmed).text).toBe(
      'En la geografía prioritaria “Alpha” (confirmada): Alpha es una comunidad AHEM anunciada. Ocupa el puesto 22 entre los más desfavorecidos del índice general (percentil 91.2).',
    );
    expect(explainPriority('town', 'T9', 40, null).text).toBe('Las geografías prioritarias no se han cargado, así que no se puede mostrar la pertenencia.');
  });
});
