import { describe, expect, it } from 'vitest';
import { PAPER_PT, paperFromSearch, pdfFileName, pdfSafeText, placeSnapshot, snapshotScale } from './report-pdf';

describe('report PDF: paper, file name, placement', () => {
  it('is Letter unless the link says paper=a4', () => {
    expect(paperFromSearch('?level=town&id=2500934550')).toBe('letter');
    expect(paperFromSearch('?level=town&id=2500934550&paper=A4')).toBe('a4');
    expect(paperFromSearch('?paper=legal')).toBe('letter');
    // 8.5 × 11 in and 210 × 297 mm in points.
    expect(PAPER_PT.letter).toEqual({ width: 8.5 * 72, height: 11 * 72 });
    expect(PAPER_PT.a4.width).toBeCloseTo((210 / 25.4) * 72, 1);
    expect(PAPER_PT.a4.height).toBeCloseTo((297 / 25.4) * 72, 1);
  });

  it('names the file after the place and the version', () => {
    expect(pdfFileName('Manchester-by-the-Sea', '2500938400', 'ma-hei-1.1-20261123T034501Z-1a2b')).toBe('equity-atlas-report-manchester-by-the-sea-2500938400-ma-hei-1.1-20261123T034501Z-1a2b.pdf');
    expect(pdfFileName('Lawrence (01841)', '01841', 'v/1')).toBe('equity-atlas-report-lawrence-01841-01841-v-1.pdf');
  });

  it('puts the sheet 7.4 in wide at the top margin, and shrinks a tall sheet to stay on one page', () => {
    const px = 7.4 * 96; // the sheet's CSS width
    const fits = placeSnapshot('letter', px, 900);
    expect(fits.width).toBeCloseTo(7.4 * 72, 6);
    expect(fits.x).toBeCloseTo((612 - 7.4 * 72) / 2, 6);
    expect(fits.y).toBeCloseTo(0.4 * 72, 6);
    expect(fits.height).toBeCloseTo(900 * 0.75, 6); // 72 pt per 96 px
    const tall = placeSnapshot('letter', px, 2000);
    expect(tall.y + tall.height).toBeCloseTo(792 - 0.4 * 72, 6);
    expect(tall.width / tall.height).toBeCloseTo(px / 2000, 6);
    expect(tall.x + tall.width / 2).toBeCloseTo(306, 6);
    const a4 = placeSnapshot('a4', px, 900);
    expect(a4.x + a4.width).toBeLessThanOrEqual(PAPER_PT.a4.width - 0.4 * 72 + 1e-9);
    expect(snapshotScale(240) * 96).toBe(240);
  });

  it('keeps the text layer in what a standard PDF font can carry', () => {
    expect(pdfSafeText('Percentile ≥ 90 → flagged – 90 % interval 12.3–45.6 · Chicopee’s')).toBe("Percentile >= 90 -> flagged - 90 % interval 12.3-45.6 - Chicopee's");
    expect(pdfSafeText('Médecins')).toBe('Medecins');
    expect(pdfSafeText('a\u2603b')).toBe('a?b');
  });
});
