/** The places every source-truth test samples (brief: big cities, coast, tiny, border, special cases). */
import { townByName } from './raw.js';

export const SAMPLE_TOWN_NAMES = [
  // big cities
  'Boston', 'Springfield', 'Worcester', 'Lawrence', 'New Bedford',
  // coastal
  'Gloucester', 'Provincetown', 'Nantucket', 'Chatham',
  // tiny
  'Gosnold', 'Monroe', 'Hawley', 'Mount Washington', 'Warwick', 'Leyden',
  // border towns
  'Williamstown', 'Great Barrington', 'Seekonk', 'Dudley',
  // specific cases: limited English all zero, an EJ block group without minority residents, hospital closures
  'Sherborn', 'Wilbraham', 'Warren', 'Ayer', 'Norwood',
] as const;

export const SAMPLE_ZCTAS = ['01001', '01002', '02108', '02651'] as const;

/** Towns whose population crosswalk to ZCTAs is recomputed too (small ones: the ZCTA overlay is the costly part). */
export const ZCTA_SPLIT_TOWN_NAMES = ['Provincetown', 'Chatham', 'Monroe', 'Hawley', 'Mount Washington', 'Warwick', 'Leyden', 'Sherborn', 'Warren', 'Ayer'] as const;

export const sampleTowns = () => SAMPLE_TOWN_NAMES.map((n) => ({ label: n, ...townByName(n) }));
