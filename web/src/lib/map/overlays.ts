import { Marker, Popup, type Map as MapLibreMap } from 'maplibre-gl';
import type { Investment, PriorityGeographies } from '../api';
import { formatUsd } from '../format';
import { labelPoint } from './geometry-utils';
import { investmentPeriod } from './investment-points';

/** Pixels between a label's anchor point and its top edge. */
const LABEL_OFFSET = 6;

/**
 * Labels of the priority geographies as HTML buttons over the map: no glyph
 * server is needed, screen readers and the keyboard reach them, and a click
 * opens the geography's seed town.
 */
export function priorityLabels(map: MapLibreMap, geographies: PriorityGeographies, onselect: (townId: string) => void): Marker[] {
  return geographies.features.map((f) => {
    const p = f.properties;
    const el = document.createElement('button');
    el.type = 'button';
    el.className = `pg-label pg-${p.status}`;
    el.textContent = p.name;
    el.setAttribute('aria-label', `${p.name}: ${p.status === 'confirmed' ? 'confirmed AHEM community' : 'derived from the index, not official'}, ${p.members.length} municipalit${p.members.length === 1 ? 'y' : 'ies'}. Open its profile.`);
    const lead = p.members.find((m) => m.role !== 'adjacent') ?? p.members[0];
    el.addEventListener('click', (e) => {
      e.stopPropagation();
      if (lead) onselect(lead.id);
    });
    return new Marker({ element: el, anchor: 'top', offset: [0, LABEL_OFFSET] }).setLngLat(labelPoint(f.geometry)).addTo(map);
  });
}

const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * MapLibre does not collide HTML markers: after each move, push a label that
 * would cover an earlier one (confirmed geographies come first) below it.
 * Returns the function that stops it.
 */
export function declutterLabels(map: MapLibreMap, markers: readonly Marker[]): () => void {
  const run = () => {
    const placed: DOMRect[] = [];
    for (const marker of markers) {
      let dy = LABEL_OFFSET;
      marker.setOffset([0, dy]);
      let rect = marker.getElement().getBoundingClientRect();
      for (let tries = 0; tries < 4 && placed.some((r) => overlaps(r, rect)); tries++) {
        dy += rect.height + 2;
        marker.setOffset([0, dy]);
        rect = marker.getElement().getBoundingClientRect();
      }
      placed.push(rect);
    }
  };
  map.on('moveend', run);
  run();
  return () => map.off('moveend', run);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

/** Popup body for a municipality's investments (text only through textContent: no markup from data). */
export function investmentPopupContent(townName: string, investments: readonly Investment[]): HTMLElement {
  const root = el('div', undefined, 'inv-popup');
  root.append(el('h3', `Investments naming ${townName}`));
  for (const inv of investments) {
    const item = el('section');
    item.append(el('strong', inv.funder));
    const dl = el('dl');
    const row = (k: string, v: string | Node) => {
      const dd = el('dd');
      dd.append(v);
      dl.append(el('dt', k), dd);
    };
    row('Grantee', inv.grantee ?? 'not published');
    row('Amount', `${formatUsd(inv.amountUsd)}${inv.municipalities.length > 1 ? ` (shared by ${inv.municipalities.length} municipalities)` : ''}${inv.amountNote ? ` — ${inv.amountNote}` : ''}`);
    row('Period', investmentPeriod(inv));
    row('Focus', inv.focus ?? 'not published');
    if (inv.sourceUrl) {
      const a = el('a', 'announcement');
      a.href = inv.sourceUrl;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      row('Source', a);
    } else row('Source', 'not recorded');
    item.append(dl);
    root.append(item);
  }
  return root;
}

export function openInvestmentPopup(map: MapLibreMap, lngLat: [number, number], content: HTMLElement): Popup {
  return new Popup({ maxWidth: '320px', focusAfterOpen: true, closeButton: true }).setLngLat(lngLat).setDOMContent(content).addTo(map);
}
