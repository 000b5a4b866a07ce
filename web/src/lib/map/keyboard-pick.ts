import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MeasureColumn, MeasureTable } from '../api';
import { formatPercentile, formatValue } from '../format';
import { reasonText } from '../i18n/registry-text';
import { m } from '../../paraglide/messages.js';
import { measureLabel } from './measure-text';

export interface PickedPlace {
  name: string;
  /** The current measure's value, or why there is none. */
  detail: string;
}

/** What the crosshair announces for a place: the tooltip's words, for the ear. */
export function placeSummary(table: MeasureTable, measure: MeasureColumn, id: string): PickedPlace | null {
  const i = table.places.findIndex((p) => p.id === id);
  const place = table.places[i];
  if (!place) return null;
  const value = measure.values[i] ?? null;
  const label = measureLabel(measure);
  if (value === null) return { name: place.name, detail: m.map_pick_no_data({ label, reason: reasonText(measure.noData[i] ?? '') }).trim() };
  const percentile = measure.kind === 'indicator' ? ` ${m.map_percentile_paren({ percentile: formatPercentile(measure.percentiles[i] ?? null) })}` : '';
  return { name: place.name, detail: `${label}: ${formatValue(value, measure.unit, { id: measure.id })}${percentile}` };
}

export interface KeyboardPick {
  /** Announce again (the measure changed). */
  refresh(): void;
  stop(): void;
}

/**
 * Picking a place without a mouse: while the map canvas has keyboard focus a
 * crosshair marks its centre and a live region names the place under it with
 * its value; arrows pan and +/- zoom (MapLibre's keyboard handler), Enter or
 * Space opens the place's profile like a click.
 */
export function keyboardPick(map: MapLibreMap, options: { layers: string[]; describe: (id: string) => PickedPlace | null; onselect: (id: string) => void }): KeyboardPick {
  const canvas = map.getCanvas();
  const container = map.getContainer();
  const crosshair = document.createElement('div');
  crosshair.className = 'map-crosshair';
  crosshair.setAttribute('aria-hidden', 'true');
  const region = document.createElement('div');
  region.className = 'map-pick';
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  container.append(crosshair, region);

  let active = false;
  let current: string | null = null;
  const placeAtCentre = (): string | null => {
    const hit = map.queryRenderedFeatures([canvas.clientWidth / 2, canvas.clientHeight / 2], { layers: options.layers }).find((f) => f.id !== undefined);
    return hit ? String(hit.id) : null;
  };
  const announce = (force = false) => {
    if (!active) return;
    const id = placeAtCentre();
    if (id === current && !force) return;
    current = id;
    const place = id ? options.describe(id) : null;
    const name = document.createElement('strong');
    name.dataset.placeName = '';
    if (!place) {
      region.replaceChildren(m.map_pick_none());
      return;
    }
    name.textContent = place.name;
    const hint = document.createElement('span');
    hint.className = 'map-pick-hint';
    hint.textContent = m.map_pick_hint();
    region.replaceChildren(name, ` — ${place.detail}. `, hint);
  };
  const activate = () => {
    if (active) return;
    active = true;
    current = null;
    crosshair.classList.add('on');
    announce(true);
  };
  const onFocus = () => {
    if (canvas.matches(':focus-visible')) activate();
  };
  const onBlur = () => {
    active = false;
    crosshair.classList.remove('on');
    region.replaceChildren();
  };
  const onKey = (e: KeyboardEvent) => {
    activate(); // focused by a click, then used with keys
    if ((e.key === 'Enter' || e.key === ' ') && current) {
      e.preventDefault();
      options.onselect(current);
    }
  };
  const onMoveEnd = () => announce();
  canvas.addEventListener('focus', onFocus);
  canvas.addEventListener('blur', onBlur);
  canvas.addEventListener('keydown', onKey);
  map.on('moveend', onMoveEnd);
  map.on('idle', onMoveEnd); // places drawn after the move (new level) are found
  return {
    refresh: () => announce(true),
    stop: () => {
      canvas.removeEventListener('focus', onFocus);
      canvas.removeEventListener('blur', onBlur);
      canvas.removeEventListener('keydown', onKey);
      map.off('moveend', onMoveEnd);
      map.off('idle', onMoveEnd);
      crosshair.remove();
      region.remove();
    },
  };
}
