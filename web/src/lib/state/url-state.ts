import type { Level } from '../api';
import { langFromSearch, type Lang } from '../i18n/locale';

/**
 * What a shared link restores: level, measure, selected place, compared
 * places, view and filters. Pure functions over the query string, so a reload
 * or a pasted link lands on the same screen.
 */
export const VIEWS = ['map', 'table', 'need', 'about'] as const;
export type View = (typeof VIEWS)[number];

export const MAX_COMPARE = 4;

export interface AppState {
  level: Level;
  /** "overall", "domain:<id>" or an indicator id (GET /v1/layers/{level}). */
  measure: string;
  /** The place whose profile is open. */
  place: string | null;
  /** Places compared side by side (at most MAX_COMPARE). */
  compare: string[];
  view: View;
  flaggedOnly: boolean;
  priorityOnly: boolean;
  /** County filter: county names, sorted, no duplicates; empty = every county (URL: county=Hampden,Worcester). */
  counties: string[];
  /** The UI language (`lang=es`); fixed for the life of a page: the language switch links to the other one. */
  lang: Lang;
}

export const DEFAULT_STATE: AppState = { level: 'town', measure: 'overall', place: null, compare: [], view: 'map', flaggedOnly: false, priorityOnly: false, counties: [], lang: 'en' };

const ID = /^[0-9A-Za-z_-]{1,20}$/;
const MEASURE = /^[a-z_]+(:[a-z_]+)?$/;
const COUNTY = /^[A-Za-z][A-Za-z .'-]{0,29}$/;

/** County names as the filter keeps them: valid, unique, sorted (so one filter has one URL). */
export const normalizeCounties = (names: readonly string[]): string[] => [...new Set(names.filter((c) => COUNTY.test(c)))].sort();

/** Read the state from a query string; anything unknown or malformed falls back to the default. */
export function parseState(search: string): AppState {
  const q = new URLSearchParams(search);
  const level = q.get('level');
  const view = q.get('view');
  const measure = q.get('measure');
  const place = q.get('place');
  const filters = new Set((q.get('filter') ?? '').split(',').filter(Boolean));
  const compare = [...new Set((q.get('compare') ?? '').split(',').filter((id) => ID.test(id)))].slice(0, MAX_COMPARE);
  return {
    level: level === 'town' || level === 'zcta' ? level : DEFAULT_STATE.level,
    measure: measure && MEASURE.test(measure) ? measure : DEFAULT_STATE.measure,
    place: place && ID.test(place) ? place : null,
    compare,
    view: (VIEWS as readonly string[]).includes(view ?? '') ? (view as View) : DEFAULT_STATE.view,
    flaggedOnly: filters.has('flagged'),
    priorityOnly: filters.has('priority'),
    counties: normalizeCounties((q.get('county') ?? '').split(',')),
    lang: langFromSearch(search),
  };
}

/** The query string for a state, leaving out defaults so links stay short ("" for the default state). */
export function serializeState(state: AppState): string {
  const q = new URLSearchParams();
  if (state.level !== DEFAULT_STATE.level) q.set('level', state.level);
  if (state.measure !== DEFAULT_STATE.measure) q.set('measure', state.measure);
  if (state.view !== DEFAULT_STATE.view) q.set('view', state.view);
  if (state.place) q.set('place', state.place);
  if (state.compare.length) q.set('compare', state.compare.slice(0, MAX_COMPARE).join(','));
  const filters = [state.flaggedOnly && 'flagged', state.priorityOnly && 'priority'].filter(Boolean);
  if (filters.length) q.set('filter', filters.join(','));
  const counties = normalizeCounties(state.counties);
  if (counties.length) q.set('county', counties.join(','));
  if (state.lang !== DEFAULT_STATE.lang) q.set('lang', state.lang);
  const s = q.toString().replaceAll('%3A', ':').replaceAll('%2C', ',');
  return s ? `?${s}` : '';
}

/** Add a place to the comparison (no duplicates); the oldest drops out beyond MAX_COMPARE. */
export function addToCompare(compare: readonly string[], id: string): string[] {
  const next = [...compare.filter((c) => c !== id), id];
  return next.slice(Math.max(0, next.length - MAX_COMPARE));
}
