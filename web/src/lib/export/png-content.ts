import type { Level, MeasureColumn } from '../api';
import type { LegendEntry } from '../map/quantile-scale';
import type { MapPngContent } from './map-png';
import { sourceName } from './source-names';

const LEVEL_NOUNS: Record<Level, string> = { town: 'municipality', zcta: 'ZIP code area' };

export interface PngContentInput {
  measure: Pick<MeasureColumn, 'label' | 'unit' | 'direction' | 'kind' | 'vintage' | 'sourceIds' | 'ranked'>;
  level: Level;
  legend: readonly LegendEntry[];
  noDataCount: number;
  version: string;
  /** The day of the export (YYYY-MM-DD). */
  date: string;
  /** Where the picture came from (the shared link), printed so a reader can open it. */
  link?: string;
}

/** What the briefing PNG says: title, how to read it, legend, sources, version and date (issue 13). */
export function pngContent(input: PngContentInput): MapPngContent {
  const m = input.measure;
  const darker = `darker = more disadvantaged${m.direction === 'higher_is_better' ? ' (lower values)' : ''}`;
  const sources = [...new Set(m.sourceIds.map(sourceName))].join('; ');
  return {
    title: `${m.label} by ${LEVEL_NOUNS[input.level]} — Massachusetts`,
    subtitle: `${m.unit} · quintiles of places with data · ${darker}${m.ranked ? '' : ' · context only, not part of any score'}`,
    legendHeading: `Legend (${m.unit})`,
    legend: [
      ...input.legend.map((e) => ({ swatch: e.color, label: `${e.label} (${e.count})` })),
      { swatch: 'hatch', label: `No data (${input.noDataCount})` },
    ],
    footer: [
      `Sources: ${sources || 'see each indicator'}${m.kind === 'indicator' ? ` (${m.vintage})` : ''}. Boundaries: MassGIS, U.S. Census Bureau. Outlined labels: AHEM priority geographies (solid = confirmed, dashed = derived from the index).`,
      `Equity Atlas · index version ${input.version} · exported ${input.date}${input.link ? ` · ${input.link}` : ''}`,
    ],
  };
}
