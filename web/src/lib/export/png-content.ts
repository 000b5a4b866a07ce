import type { Level, MeasureColumn } from '../api';
import type { LegendEntry } from '../map/quantile-scale';
import { measureLabel, measureUnit } from '../map/measure-text';
import { currentLang, numberLocale } from '../i18n/locale';
import { m } from '../../paraglide/messages.js';
import type { MapPngContent } from './map-png';
import { sourceName } from './source-names';

const levelNoun = (level: Level): string => (level === 'town' ? m.map_png_level_town() : m.map_png_level_zcta());

/** The export day as printed: YYYY-MM-DD in English (as before), the long date of the UI's locale otherwise. */
function exportDate(iso: string): string {
  if (currentLang() === 'en' || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString(numberLocale(), { dateStyle: 'long', timeZone: 'UTC' });
}

export interface PngContentInput {
  measure: Pick<MeasureColumn, 'label' | 'unit' | 'direction' | 'kind' | 'vintage' | 'sourceIds' | 'ranked'> & Partial<Pick<MeasureColumn, 'id' | 'domain'>>;
  level: Level;
  legend: readonly LegendEntry[];
  noDataCount: number;
  version: string;
  /** The day of the export (YYYY-MM-DD). */
  date: string;
  /** Where the picture came from (the shared link), printed so a reader can open it. */
  link?: string;
}

/** What the briefing PNG says: title, how to read it, legend, sources, version and date (issue 13), in the UI's language. */
export function pngContent(input: PngContentInput): MapPngContent {
  const c = input.measure;
  const unit = measureUnit(c);
  const darker = c.direction === 'higher_is_better' ? `${m.map_darker()} ${m.map_png_lower_values()}` : m.map_darker();
  // Source names and vintages are published names: they stay as published.
  const sources = [...new Set(c.sourceIds.map(sourceName))].join('; ');
  return {
    title: m.map_png_title({ measure: measureLabel(c), level: levelNoun(input.level) }),
    subtitle: [unit, m.map_quintiles(), darker, ...(c.ranked ? [] : [m.map_png_context_only()])].join(' · '),
    legendHeading: m.map_png_legend_heading({ unit }),
    legend: [
      ...input.legend.map((e) => ({ swatch: e.color, label: `${e.label} (${e.count})` })),
      { swatch: 'hatch', label: m.map_png_no_data({ count: String(input.noDataCount) }) },
    ],
    footer: [
      [
        m.map_png_sources({ sources: `${sources || m.map_png_see_each_indicator()}${c.kind === 'indicator' ? ` (${c.vintage})` : ''}` }),
        m.map_png_boundaries({ boundaries: 'MassGIS, U.S. Census Bureau' }), // i18n-ignore: source names, as published
        m.map_png_outlined(),
      ].join(' '),
      `${m.map_png_version({ version: input.version, date: exportDate(input.date) })}${input.link ? ` · ${input.link}` : ''}`,
    ],
  };
}
