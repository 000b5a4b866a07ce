import { describe, expect, it } from 'vitest';
import { pngLayout, wrapText } from './png-layout';
import { pngContent } from './png-content';

// A monospace stand-in for measureText: 0.5 × size per character.
const measure = (text: string, size: number) => text.length * size * 0.5;
const base = {
  mapWidth: 800,
  mapHeight: 500,
  scale: 2,
  title: 'Low birth weight by municipality',
  subtitle: '% of live births · quintiles',
  legendHeading: 'Legend',
  legend: ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026', 'hatch'].map((swatch, i) => ({ swatch, label: `class ${i} (70)` })),
  footer: ['Sources: MassCHIP.', 'Equity Atlas · index version v1 · exported 2026-11-30'],
  measure,
};

describe('pngLayout', () => {
  it('stacks title, map, legend and footer bands without overlap, the map at full size', () => {
    const l = pngLayout(base);
    expect(l.width).toBe(800);
    expect(l.map).toEqual({ x: 0, y: l.title.h, w: 800, h: 500 });
    expect(l.title.h).toBeGreaterThan(0);
    expect(l.legend.y).toBe(l.map.y + l.map.h);
    expect(l.footer.y).toBe(l.legend.y + l.legend.h);
    expect(l.height).toBe(l.footer.y + l.footer.h);
    expect(l.height).toBeGreaterThan(500 + l.title.h);
  });
  it('puts every legend swatch and text inside the legend band and the canvas width', () => {
    const l = pngLayout(base);
    expect(l.legendItems).toHaveLength(6);
    for (const it of l.legendItems) {
      expect(it.swatchBox.y).toBeGreaterThanOrEqual(l.legend.y);
      expect(it.swatchBox.y + it.swatchBox.h).toBeLessThanOrEqual(l.legend.y + l.legend.h);
      expect(it.text.x + measure(it.label, 24)).toBeLessThanOrEqual(800);
    }
  });
  it('wraps legend items onto more rows on a narrow map, growing the band', () => {
    const wide = pngLayout(base);
    const narrow = pngLayout({ ...base, mapWidth: 390 });
    expect(new Set(narrow.legendItems.map((i) => i.swatchBox.y)).size).toBeGreaterThan(new Set(wide.legendItems.map((i) => i.swatchBox.y)).size);
    expect(narrow.legend.h).toBeGreaterThan(wide.legend.h);
  });
  it('keeps title and footer baselines inside their bands', () => {
    const l = pngLayout(base);
    for (const t of l.titleLines) expect(t.y).toBeLessThan(l.title.h);
    for (const f of l.footerLines) expect(f.y).toBeGreaterThan(l.footer.y);
    for (const f of l.footerLines) expect(f.y).toBeLessThan(l.height);
  });
});

describe('wrapText', () => {
  it('breaks at words and never drops one', () => {
    const lines = wrapText('one two three four five', 9, (s) => s.length);
    expect(lines).toEqual(['one two', 'three', 'four five']);
    expect(wrapText('unbreakableword', 3, (s) => s.length)).toEqual(['unbreakableword']);
  });
});

describe('pngContent', () => {
  it('titles the measure and level, lists the classes then "No data", and prints sources, version and date', () => {
    const c = pngContent({
      measure: { label: 'Low birth weight', unit: '% of live births', direction: 'higher_is_worse', kind: 'indicator', vintage: 'Births 2005–2008', sourceIds: ['masschip-2005-2008'], ranked: true },
      level: 'town',
      legend: [{ color: '#ffffb2', label: '2.0–5.0 %', count: 70 }],
      noDataCount: 3,
      version: 'ma-hei-1.1-x',
      date: '2026-11-30',
    });
    expect(c.title).toBe('Low birth weight by municipality — Massachusetts');
    expect(c.legend).toEqual([{ swatch: '#ffffb2', label: '2.0–5.0 % (70)' }, { swatch: 'hatch', label: 'No data (3)' }]);
    expect(c.footer.join(' ')).toMatch(/MassCHIP.*Births 2005–2008/);
    expect(c.footer.join(' ')).toMatch(/index version ma-hei-1\.1-x · exported 2026-11-30/);
    expect(c.footer.join(' ')).not.toMatch(/masschip-2005-2008/);
  });
});
