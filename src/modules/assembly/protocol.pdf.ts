// PDFs of a meeting's protocol and transcript (pdfkit, A4, page numbers). Cyrillic needs the Unicode font from
// src/platform/pdf/fonts.ts (DejaVu Sans, shipped with the app); without one the text is printed in Latin only. A sealed document ends with its
// sealed record: number, time, hash and predecessor's hash — enough to check a paper copy against the chain.
import { unicodeFonts, type PdfFonts } from '../../platform/pdf/fonts.js';
import { openA4, type PdfDoc } from '../../platform/pdf/document.js';

export interface SealInfo {
  seq: number;
  hash: string;
  prevHash: string;
  sealedAt: string;
}

export interface ProtocolPdfData {
  title: string;
  lang: 'en' | 'ru';
  body: string;
  status: 'draft' | 'approved' | 'sealed';
  seal: SealInfo | null;
}

export interface TranscriptPdfData {
  lang: 'en' | 'ru';
  title: string;
  body: string;
  when: string;
  place: string;
  entries: {
    seq: number;
    kind: string;
    label: string;
    text: string;
    item: { position: number; title: string } | null;
  }[];
  seal: SealInfo | null;
}

const WORDS = {
  en: {
    draft: 'DRAFT — not approved',
    approved: 'Approved, not yet sealed',
    transcript: 'VERBATIM TRANSCRIPT',
    sealed: (n: number, at: string) => `Sealed record #${n}, sealed ${at}`,
    hash: 'SHA-256 of the record',
    prev: 'hash of the preceding record',
    check: 'Check: antaeus verify',
    page: (i: number, n: number) => `Page ${i} of ${n}`,
    empty: 'The transcript is empty.',
  },
  ru: {
    draft: 'ПРОЕКТ — не утверждён',
    approved: 'Утверждён, ещё не опечатан',
    transcript: 'СТЕНОГРАММА',
    sealed: (n: number, at: string) => `Опечатанная запись № ${n}, опечатана ${at}`,
    hash: 'SHA-256 записи',
    prev: 'хеш предыдущей записи',
    check: 'Проверка: antaeus verify',
    page: (i: number, n: number) => `Стр. ${i} из ${n}`,
    empty: 'Стенограмма пуста.',
  },
} as const;

function sealBlock(d: PdfDoc, seal: SealInfo, w: (typeof WORDS)['en' | 'ru']): void {
  const { doc, t } = d;
  doc.moveDown(1.5);
  const x = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc
    .moveTo(x, doc.y)
    .lineTo(x + width, doc.y)
    .lineWidth(0.5)
    .stroke('#444');
  doc.moveDown(0.5).fillColor('black');
  doc
    .font(d.bold)
    .fontSize(9)
    .text(t(w.sealed(seal.seq, seal.sealedAt)));
  doc.font(d.regular).fontSize(8);
  doc.text(`${t(w.hash)}: ${seal.hash}`);
  doc.text(`${t(w.prev)}: ${seal.prevHash}`);
  doc.text(t(w.check));
}

function finish(d: PdfDoc, w: (typeof WORDS)['en' | 'ru']): Promise<Buffer> {
  const { doc, t } = d;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(d.regular)
      .fontSize(8)
      .fillColor('#555')
      .text(t(w.page(i - range.start + 1, range.count)), 0, doc.page.height - 36, {
        width: doc.page.width,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return d.done;
}

/** Lines whose lead word is in capitals (ПРОТОКОЛ, 1. СЛУШАЛИ: …, ПОСТАНОВИЛИ: …) are the protocol's headings. */
function isHeading(line: string): boolean {
  const head = line.replace(/^\s*\d+\.\s*/, '').split(':')[0] ?? '';
  return /\p{Lu}{3}/u.test(head) && !/\p{Ll}/u.test(head);
}

export function renderProtocolPdf(data: ProtocolPdfData, fonts: PdfFonts | null = unicodeFonts()): Promise<Buffer> {
  const w = WORDS[data.lang];
  const d = openA4(data.title, fonts);
  const { doc, t } = d;
  if (data.status !== 'sealed')
    doc
      .font(d.bold)
      .fontSize(9)
      .fillColor('#8b0000')
      .text(t(data.status === 'draft' ? w.draft : w.approved), { align: 'right' })
      .fillColor('black')
      .moveDown(0.5);
  const lines = data.body.replace(/\r\n?/g, '\n').split('\n');
  // The heading block (up to the first empty line) is centred; the first line is the document's name.
  let heading = true;
  lines.forEach((line, i) => {
    if (line.trim() === '') {
      heading = false;
      doc.moveDown(0.5);
      return;
    }
    if (i === 0) {
      doc.font(d.bold).fontSize(15).text(t(line), { align: 'center' }).moveDown(0.3);
      return;
    }
    doc
      .font(heading || isHeading(line) ? d.bold : d.regular)
      .fontSize(heading ? 12 : 11)
      .text(t(line), { align: heading ? 'center' : 'left' });
  });
  if (data.seal) sealBlock(d, data.seal, w);
  return finish(d, w);
}

export function renderTranscriptPdf(data: TranscriptPdfData, fonts: PdfFonts | null = unicodeFonts()): Promise<Buffer> {
  const w = WORDS[data.lang];
  const d = openA4(`${w.transcript}: ${data.title}`, fonts);
  const { doc, t } = d;
  doc.font(d.bold).fontSize(15).text(t(w.transcript), { align: 'center' });
  doc.font(d.regular).fontSize(12).text(t(data.body), { align: 'center' });
  doc.text(t(data.title), { align: 'center' });
  doc.fontSize(10).text(t(`${data.when}. ${data.place}`), { align: 'center' });
  doc.moveDown(1);
  if (data.entries.length === 0) doc.fontSize(11).text(t(w.empty));
  let item: number | null = null;
  for (const e of data.entries) {
    if (e.item && e.item.position !== item) {
      item = e.item.position;
      doc
        .moveDown(0.6)
        .font(d.bold)
        .fontSize(12)
        .text(t(`${e.item.position}. ${e.item.title}`));
      doc.moveDown(0.3);
    }
    doc.fontSize(11);
    if (e.kind === 'remark' && !e.label) {
      doc.font(d.regular).fillColor('#333').text(t(e.text), { align: 'center' }).fillColor('black');
    } else if (e.label) {
      doc.font(d.bold).text(`${t(e.label)}: `, { continued: true });
      doc.font(d.regular).text(t(e.text));
    } else doc.font(d.regular).text(t(e.text));
    doc.moveDown(0.3);
  }
  if (data.seal) sealBlock(d, data.seal, w);
  return finish(d, w);
}
