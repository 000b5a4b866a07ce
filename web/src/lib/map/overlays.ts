import { Marker, Popup, type Map as MapLibreMap } from 'maplibre-gl';
import type { Investment, PriorityGeographies } from '../api';
import { formatUsd } from '../format';
import type { MultiPolygon, Polygon } from 'geojson';
import { investmentPeriod } from './investment-points';
import { candidateBoxes, placeBoxes, type Rect } from './label-placement';
import { priorityAnchor } from './priority-anchor';
import { currentLang } from '../i18n/locale';
import { m } from '../../paraglide/messages.js';

/**
 * Labels of the priority geographies as HTML buttons over the map: no glyph
 * server is needed, a click opens the geography's lead town. Each hangs on the
 * town the geography is named for. They are out of the tab order
 * (tabindex -1): keyboard users reach the same geographies through the
 * priority list in the side panel, not through ten extra Tab stops.
 */
export function priorityLabels(map: MapLibreMap, geographies: PriorityGeographies, onselect: (townId: string) => void, townShape: (id: string) => Polygon | MultiPolygon | undefined): Marker[] {
  return geographies.features.map((f) => {
    const p = f.properties;
    const el = document.createElement('button');
    el.type = 'button';
    el.tabIndex = -1;
    el.classList.add('pg-label', `pg-${p.status}`);
    el.textContent = p.name;
    el.setAttribute('aria-label', m.map_priority_label({ name: p.name, status: p.status === 'confirmed' ? m.map_priority_confirmed() : m.map_priority_derived(), count: p.members.length }));
    const lead = p.members.find((x) => x.role !== 'adjacent') ?? p.members[0];
    el.addEventListener('click', (e) => {
      e.stopPropagation();
      if (lead) onselect(lead.id);
    });
    return new Marker({ element: el, anchor: 'center' }).setLngLat(priorityAnchor(f, townShape)).addTo(map);
  });
}

export interface LabelLayout {
  /** Where the labels are drawn now (map container pixels): other labels keep clear of them. */
  rects(): Rect[];
  stop(): void;
}

/**
 * MapLibre does not collide HTML markers: on every frame, give each label (the
 * order given: confirmed geographies first) a box around its own point that
 * covers no earlier label, and hide a label that has none — never push it off
 * the place it names.
 */
export function declutterLabels(map: MapLibreMap, markers: readonly Marker[]): LabelLayout {
  let sizes: { w: number; h: number }[] = [];
  let placed: Rect[] = [];
  const run = () => {
    // Measured once laid out (0 while the map is hidden behind another view).
    if (sizes.length !== markers.length || sizes.some((s) => s.w === 0)) sizes = markers.map((m) => ({ w: m.getElement().offsetWidth, h: m.getElement().offsetHeight }));
    const canvas = map.getCanvas();
    const labels = markers.map((m, i) => {
      const anchor = map.project(m.getLngLat());
      return { anchor, boxes: candidateBoxes(anchor, sizes[i]!) };
    });
    const boxes = placeBoxes(labels, { x: 0, y: 0, w: canvas.clientWidth, h: canvas.clientHeight });
    placed = [];
    boxes.forEach((b, i) => {
      const marker = markers[i]!;
      if (b) {
        const { x, y } = labels[i]!.anchor;
        marker.setOffset([b.x + b.w / 2 - x, b.y + b.h / 2 - y]);
        const el = marker.getElement();
        el.style.visibility = '';
        // Where in the label its town is (px from the label's top-left): for tests and debugging.
        const anchor = `${Math.round(x - b.x)},${Math.round(y - b.y)}`;
        if (el.dataset.anchor !== anchor) el.dataset.anchor = anchor;
        placed.push(b);
      } else marker.getElement().style.visibility = 'hidden';
    });
  };
  map.on('move', run);
  map.on('resize', run);
  run();
  return {
    rects: () => placed,
    stop: () => {
      map.off('move', run);
      map.off('resize', run);
    },
  };
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

/** Popup body for a municipality's investments (text only through textContent: no markup from data). */
export function investmentPopupContent(townName: string, investments: readonly Investment[]): HTMLElement {
  // Published English (funders, grantees, focus, amount notes) is marked as English when the UI is not.
  const dataLang = currentLang() === 'en' ? null : 'en';
  const data = <E extends HTMLElement>(e: E): E => {
    if (dataLang) e.lang = dataLang;
    return e;
  };
  const published = (text: string | null, fallback: string): string | Node => (text === null ? fallback : dataLang ? data(el('span', text)) : text);
  const root = el('div', undefined, 'inv-popup');
  root.append(el('h3', m.map_popup_title({ town: townName })));
  for (const inv of investments) {
    const item = el('section');
    item.append(data(el('strong', inv.funder)));
    const dl = el('dl');
    const row = (k: string, ...v: (string | Node)[]) => {
      const dd = el('dd');
      dd.append(...v);
      dl.append(el('dt', k), dd);
    };
    row(m.map_popup_grantee(), published(inv.grantee, m.map_popup_not_published()));
    const shared = inv.municipalities.length > 1 ? ` ${m.map_popup_shared({ count: String(inv.municipalities.length) })}` : '';
    if (inv.amountNote) row(m.map_popup_amount(), `${formatUsd(inv.amountUsd)}${shared} — `, published(inv.amountNote, ''));
    else row(m.map_popup_amount(), `${formatUsd(inv.amountUsd)}${shared}`);
    row(m.map_popup_period(), investmentPeriod(inv));
    row(m.map_popup_focus(), published(inv.focus, m.map_popup_not_published()));
    if (inv.sourceUrl) {
      const a = el('a', m.map_popup_announcement());
      a.href = inv.sourceUrl;
      a.target = '_blank';
      a.rel = 'noopener noreferrer'; // i18n-ignore: link relation keywords, not text
      row(m.map_popup_source(), a);
    } else row(m.map_popup_source(), m.map_popup_not_recorded());
    item.append(dl);
    root.append(item);
  }
  return root;
}

export function openInvestmentPopup(map: MapLibreMap, lngLat: [number, number], content: HTMLElement): Popup {
  return new Popup({ maxWidth: '320px', focusAfterOpen: true, closeButton: true }).setLngLat(lngLat).setDOMContent(content).addTo(map);
}
