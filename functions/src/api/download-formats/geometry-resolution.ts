import { z } from '@hono/zod-openapi';
import type { Level } from '../../indices/place-record.js';

/** `geometry=` of a geometry download: the map's display outlines, or the full-resolution source outlines. */
export const GEOMETRY_RESOLUTIONS = ['display', 'full'] as const;
export type GeometryResolution = (typeof GEOMETRY_RESOLUTIONS)[number];

/** What a geometry download says about its outlines (GeoJSON member `geometryResolution`, GeoPackage `equity_atlas_about`). */
export interface GeometryNote {
  resolution: GeometryResolution;
  /** True when vertices were removed (simplified) or moved (rounded) for display: not for area, overlay or distance work. */
  displaySimplified: boolean;
  /** Decimals of degrees the coordinates were snapped to; null = as the source publishes them. */
  coordinateDecimals: number | null;
  /** Every polygon passed an OGC validity check (GEOS) before it was published. */
  valid: true;
  crs: 'EPSG:4326';
  source: string;
  note: string;
}

const DISPLAY_DECIMALS = 5;
const ZCTA_SOURCE = 'US Census Bureau cartographic boundary ZCTAs cb_2019_us_zcta510_500k (2010 ZCTAs, generalized by the Census Bureau at 1:500,000; NAD83 lon/lat, which differs from WGS84 by about 1 m in Massachusetts)';
const TOWN_SOURCE = 'MassGIS / Census 2020 county subdivisions (ma_towns_census2020_massgis_full, 6-decimal WGS84)';

/** Source and treatment of each level's outlines, as published by the pipeline (pipeline/run-pipeline.ts, geo/web-geometry.ts). */
export function geometryNote(level: Level, resolution: GeometryResolution): GeometryNote {
  const common = { resolution, valid: true, crs: 'EPSG:4326' } as const;
  if (resolution === 'full') {
    return {
      ...common, displaySimplified: false, coordinateDecimals: null,
      source: level === 'town' ? TOWN_SOURCE : ZCTA_SOURCE,
      note: level === 'town'
        ? 'Full-resolution town outlines as the source publishes them (not simplified, not rounded).'
        : 'The ZCTA outlines as the Census Bureau publishes them (its own 1:500,000 generalization; we neither simplify nor round them). A full-resolution TIGER/Line ZCTA layer is not among the inputs.',
    };
  }
  return {
    ...common, displaySimplified: true, coordinateDecimals: DISPLAY_DECIMALS,
    source: level === 'town' ? `${TOWN_SOURCE}, simplified with mapshaper (-simplify 8% keep-shapes -clean)` : ZCTA_SOURCE,
    note: `Display geometry for web maps: ${level === 'town' ? 'simplified (8 % of vertices kept) and ' : ''}snap-rounded to ${DISPLAY_DECIMALS} decimals (≈ 1 m). Use geometry=full for area, overlay or distance work.`,
  };
}

export const GeometryNoteSchema = z
  .object({
    resolution: z.enum(GEOMETRY_RESOLUTIONS),
    displaySimplified: z.boolean().openapi({ description: 'true: outlines simplified and/or snap-rounded for web maps; not for area, overlay or distance work' }),
    coordinateDecimals: z.number().int().nullable().openapi({ description: 'decimals of degrees the coordinates were snapped to; null = as the source publishes them' }),
    valid: z.literal(true).openapi({ description: 'every polygon passed an OGC validity check before publication' }),
    crs: z.literal('EPSG:4326'),
    source: z.string(),
    note: z.string(),
  })
  .openapi('GeometryResolution', { description: 'What the outlines of a geometry download are: display-simplified or full resolution, and from which source.' });
