/**
 * Draws a report sheet into a one-page PDF and saves it (issue 16, "Download PDF"). This module,
 * jsPDF and html2canvas-pro are one lazily loaded chunk: ReportPdfButton imports it on click, so
 * neither the map nor the report's first render downloads them.
 *
 * The page is a 240 dpi snapshot of exactly what is on screen (fonts, the locator map image,
 * colours), plus an invisible text layer placed over each line so the text can be searched and
 * copied, plus link areas over the page's links. See docs/web.md "Download PDF" for why.
 */
import { jsPDF } from 'jspdf';
import html2canvas from 'html2canvas-pro';
import { PAPER_PT, pdfSafeText, placeSnapshot, snapshotScale, type Paper } from './report-pdf';

export interface PdfRequest {
  paper: Paper;
  fileName: string;
  /** Document info: title (names the place and version), subject. */
  title: string;
  subject: string;
}

const DPI = 240;

/** Every line of text under `root` (not in `skip`), with its box in viewport pixels. */
function textLines(root: HTMLElement, skip: Element | null): { text: string; rect: DOMRect; fontPx: number }[] {
  const lines: { text: string; rect: DOMRect; fontPx: number }[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const parent = node.parentElement;
    if (!parent || (skip && skip.contains(node)) || !node.data.trim()) continue;
    const style = getComputedStyle(parent);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    const fontPx = parseFloat(style.fontSize) || 12;
    // Word by word: a wrapped text node spans several lines, and each line is written where it is.
    let line: { start: number; end: number; rect: DOMRect } | null = null;
    const flush = () => {
      if (line && line.rect.width > 0) lines.push({ text: node!.data.slice(line.start, line.end), rect: line.rect, fontPx });
      line = null;
    };
    for (const m of node.data.matchAll(/\S+/g)) {
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const r = range.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (line && Math.abs(r.top - line.rect.top) < fontPx / 2) {
        const l: { start: number; end: number; rect: DOMRect } = line;
        l.end = m.index + m[0].length;
        l.rect = new DOMRect(l.rect.left, Math.min(l.rect.top, r.top), r.right - l.rect.left, Math.max(l.rect.bottom, r.bottom) - Math.min(l.rect.top, r.top));
      } else {
        flush();
        line = { start: m.index, end: m.index + m[0].length, rect: r };
      }
    }
    flush();
  }
  return lines;
}

export async function saveReportPdf(sheet: HTMLElement, req: PdfRequest): Promise<void> {
  // The on-screen controls sit at the top of the sheet; the PDF starts below them (print hides them too).
  const controls = sheet.querySelector('.report-controls');
  await Promise.all(Array.from(sheet.querySelectorAll('img'), (img) => img.decode().catch(() => undefined)));
  await document.fonts?.ready;

  const sheetRect = sheet.getBoundingClientRect();
  const contentTop = controls ? controls.getBoundingClientRect().bottom + parseFloat(getComputedStyle(controls).marginBottom || '0') : sheetRect.top;
  const last = sheet.lastElementChild;
  const contentBottom = last && last !== controls ? last.getBoundingClientRect().bottom : sheetRect.bottom;
  const pxWidth = sheetRect.width;
  const pxHeight = Math.max(1, contentBottom - contentTop);

  const scale = snapshotScale(DPI);
  const shot = await html2canvas(sheet, { scale, backgroundColor: '#ffffff', logging: false, useCORS: true });
  // Crop to the content, in the snapshot's own pixels (it starts at the sheet's border box).
  const crop = document.createElement('canvas');
  crop.width = Math.round(pxWidth * scale);
  crop.height = Math.round(pxHeight * scale);
  const ctx = crop.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, crop.width, crop.height);
  ctx.drawImage(shot, 0, Math.round((contentTop - sheetRect.top) * scale), crop.width, crop.height, 0, 0, crop.width, crop.height);

  const size = PAPER_PT[req.paper];
  const doc = new jsPDF({ unit: 'pt', format: [size.width, size.height], orientation: 'portrait', compress: true });
  // i18n-ignore: PDF creator field (producer metadata, not read as page text)
  doc.setProperties({ title: pdfSafeText(req.title), subject: pdfSafeText(req.subject), author: 'Equity Atlas', creator: 'Equity Atlas report page' });
  const at = placeSnapshot(req.paper, pxWidth, pxHeight);
  doc.addImage(crop, 'JPEG', at.x, at.y, at.width, at.height, 'report', 'NONE');

  // Invisible text over each line (searchable, copyable), in the standard Helvetica.
  doc.setFont('helvetica', 'normal');
  for (const { text, rect, fontPx } of textLines(sheet, controls)) {
    const x = at.x + (rect.left - sheetRect.left) * at.ptPerPx;
    // Alphabetic baseline ≈ 80 % down a line box of the font's size, centred in the box.
    const baseline = at.y + (rect.top - contentTop + (rect.height - fontPx) / 2 + fontPx * 0.8) * at.ptPerPx;
    if (baseline < at.y || baseline > at.y + at.height + 1) continue;
    doc.setFontSize(fontPx * at.ptPerPx);
    doc.text(pdfSafeText(text.replace(/\s+/g, ' ')), x, baseline, { renderingMode: 'invisible', baseline: 'alphabetic' });
  }
  // Links stay links (method document, the page's own URL).
  for (const a of Array.from(sheet.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
    if (controls?.contains(a)) continue;
    for (const r of Array.from(a.getClientRects())) {
      doc.link(at.x + (r.left - sheetRect.left) * at.ptPerPx, at.y + (r.top - contentTop) * at.ptPerPx, r.width * at.ptPerPx, r.height * at.ptPerPx, { url: a.href });
    }
  }
  await doc.save(req.fileName, { returnPromise: true });
}
