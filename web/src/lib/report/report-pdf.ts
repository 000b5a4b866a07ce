/**
 * "Download PDF" for the one-page reports (issue 16): the pure parts — paper, file name, where the
 * page snapshot goes on the sheet, and text the PDF's standard font can carry. The drawing itself
 * (html2canvas-pro + jsPDF) is in pdf-render.ts, loaded only when the button is clicked.
 */

export type Paper = 'letter' | 'a4';

/** Page sizes in PDF points (1/72 in): US Letter 8.5×11 in, A4 210×297 mm. */
export const PAPER_PT: Record<Paper, { width: number; height: number }> = {
  letter: { width: 612, height: 792 },
  a4: { width: 595.28, height: 841.89 },
};

/** Letter unless the page URL says `paper=a4` (the report has no paper control of its own; print uses the printer's). */
export function paperFromSearch(search: string): Paper {
  return new URLSearchParams(search).get('paper')?.trim().toLowerCase() === 'a4' ? 'a4' : 'letter';
}

/** Lower-case ASCII words joined by '-', so the name is safe on every file system ("Manchester-by-the-Sea" stays readable). */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** e.g. `equity-atlas-report-lawrence-2500934550-ma-hei-1.1-20261123T034501Z-1a2b.pdf`: place and version, so two saved reports never collide silently. */
export function pdfFileName(placeName: string, placeId: string, version: string): string {
  const parts = ['equity-atlas-report', slug(placeName), slug(placeId), version.replace(/[^A-Za-z0-9.-]+/g, '-')].filter(Boolean);
  return `${parts.join('-')}.pdf`;
}

/** The report sheet is 7.4 in wide, and the printed page keeps 0.4 in margins (report-print.css). */
export const SHEET_WIDTH_IN = 7.4;
export const MARGIN_IN = 0.4;

/**
 * Where a snapshot of `pxWidth`×`pxHeight` CSS pixels goes on the page, in points: 7.4 in wide
 * (the print size), centred, 0.4 in from the top; shrunk evenly if it is taller than the page
 * between margins, so the file is always exactly one page (as printing is).
 */
export function placeSnapshot(paper: Paper, pxWidth: number, pxHeight: number): { x: number; y: number; width: number; height: number; ptPerPx: number } {
  const page = PAPER_PT[paper];
  const margin = MARGIN_IN * 72;
  let width = Math.min(SHEET_WIDTH_IN * 72, page.width - 2 * margin);
  let ptPerPx = width / pxWidth;
  const room = page.height - 2 * margin;
  if (pxHeight * ptPerPx > room) {
    ptPerPx = room / pxHeight;
    width = pxWidth * ptPerPx;
  }
  return { x: (page.width - width) / 2, y: margin, width, height: pxHeight * ptPerPx, ptPerPx };
}

/** Canvas scale for a given resolution: CSS pixels are 1/96 in, so 2.5 × gives 240 dpi (the brief's floor is 150). */
export const snapshotScale = (dpi: number) => dpi / 96;

const WIN_ANSI_SWAPS: Record<string, string> = { '→': '->', '←': '<-', '≥': '>=', '≤': '<=', '−': '-', '×': 'x', '‘': "'", '’': "'", '“': '"', '”': '"', '…': '...', '–': '-', '—': '-', '·': '-', '\u00a0': ' ', '\u202f': ' ' };

/**
 * The invisible text layer uses a standard PDF font (WinAnsi, no embedding), so characters it
 * cannot carry become their ASCII spelling instead of garbage; letters with accents become bare
 * letters. It is there to be searched and copied, the picture shows the real glyphs.
 */
export function pdfSafeText(text: string): string {
  return text
    .replace(/[→←≥≤−×‘’“”…–—·\u00a0\u202f]/g, (c) => WIN_ANSI_SWAPS[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '?');
}
