import type { Map as MapLibreMap } from 'maplibre-gl';
import { mapToPng } from './map-png';
import { pngContent, type PngContentInput } from './png-content';
import { downloadBlob } from '../download';
import { m } from '../../paraglide/messages.js';

/**
 * The header's Share and Export actions. Each resolves to the status sentence the page shows (never
 * rejects): the user always learns what happened.
 */

/** Copies the page's link (the URL is the whole state); where the clipboard is refused, shows it to copy by hand. */
export async function copyPageLink(): Promise<string> {
  try {
    await navigator.clipboard.writeText(location.href);
    return m.common_share_copied();
  } catch {
    return m.common_share_copy_this({ url: location.href });
  }
}

/** Saves the map as a briefing PNG: the canvas with title, legend, sources, version, date and link. */
export async function exportMapPng(map: MapLibreMap, content: Omit<PngContentInput, 'date' | 'link'>): Promise<string> {
  try {
    const blob = await mapToPng(map, pngContent({ ...content, date: new Date().toISOString().slice(0, 10), link: location.href }));
    const measureId = content.measure.id ?? 'map';
    downloadBlob(`equity-atlas-${content.level}-${measureId.replace(':', '-')}.png`, blob);
    return m.common_export_saved();
  } catch (e) {
    return m.common_export_failed({ message: (e as Error).message });
  }
}
