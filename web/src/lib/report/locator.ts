import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Geometry, MeasureTable } from '../api';
import { bboxOf, type Bbox } from '../map/geometry-utils';
import { contextBounds } from '../map/zoom-context';
import type { LegendEntry } from '../map/quantile-scale';
import { findMeasure, placeStyles } from '../state/map-layers';

export interface LocatorProps {
  id: string;
  name: string;
  /** Colour class of the overall index (quantile-scale.ts; NO_DATA = -1), as the main map draws it. */
  cls: number;
  /** The place the report is about (outlined). */
  target: boolean;
  /** Line style of the outline when it is not solid (the priority-geography report: members added by the rule are dashed). */
  outline?: 'solid' | 'dashed' | 'dotted';
}

export interface Locator {
  collection: FeatureCollection<Polygon | MultiPolygon, LocatorProps>;
  /** The place with its neighbours around it (the main map's "zoom to a place" margin). */
  bounds: Bbox;
  legend: LegendEntry[];
}

/**
 * The report's locator: every place of the level coloured by the overall index with the
 * same quintiles as the main map (so the two never disagree), the place marked; null when
 * the version's outlines do not have the place.
 */
export function locatorData(geometry: Geometry, table: MeasureTable, placeId: string): Locator | null {
  const target = geometry.features.find((f) => f.properties.id === placeId);
  if (!target) return null;
  const { ids, styles, scale } = placeStyles(table, findMeasure(table, 'overall'), null);
  const cls = new Map(ids.map((id, i) => [id, styles[i]!.cls]));
  const features = geometry.features.map(
    (f): Feature<Polygon | MultiPolygon, LocatorProps> => ({
      type: 'Feature',
      geometry: f.geometry,
      properties: { id: f.properties.id, name: f.properties.name, cls: cls.get(f.properties.id) ?? -1, target: f.properties.id === placeId },
    }),
  );
  return { collection: { type: 'FeatureCollection', features }, bounds: contextBounds(bboxOf(target.geometry)), legend: scale.legend };
}
