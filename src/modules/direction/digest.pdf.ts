// A committee's digest as a PDF (pdfkit, A4): rounds due, children overdue, discrepancies and returned reports, in
// English or Russian. Cyrillic needs the Unicode font from src/platform/pdf/fonts.ts (DejaVu Sans, shipped with the
// app); without one the text is printed in Latin only.
import { openA4 } from '../../platform/pdf/document.js';
import { latinOnly, unicodeFonts, type PdfFonts } from '../../platform/pdf/fonts.js';
import type { Digest } from '../../contracts/direction-insight.js';

const WORDS = {
  en: {
    title: 'Digest',
    forDate: (d: string) => `For ${d}`,
    due: 'Due',
    none: 'Nothing.',
    dueAt: (d: string) => `due ${d}`,
    progress: (r: number, e: number, o: number) => `reported ${r} of ${e}, on time ${o}`,
    own: (state: string) => `own report: ${state}`,
    overdue: (n: number) => `Overdue: ${n}`,
    missing: (n: number) => `missing ${n}`,
    more: (n: number) => `… and ${n} more`,
    discrepancies: 'Discrepancies',
    summaryVsRaw: (s: number, r: number | null) => `summary ${s}, reports ${r ?? '—'}`,
    returned: 'Returned reports',
    page: (i: number, n: number) => `Page ${i} of ${n}`,
    states: {
      none: 'not begun',
      draft: 'draft',
      submitted: 'submitted',
      returned: 'returned',
      approved: 'approved',
      reopened: 'reopened',
    },
  },
  ru: {
    title: 'Сводка',
    forDate: (d: string) => `На ${d}`,
    due: 'Сроки',
    none: 'Нет.',
    dueAt: (d: string) => `срок ${d}`,
    progress: (r: number, e: number, o: number) => `отчиталось ${r} из ${e}, в срок ${o}`,
    own: (state: string) => `свой отчёт: ${state}`,
    overdue: (n: number) => `Просрочено: ${n}`,
    missing: (n: number) => `не хватает ${n}`,
    more: (n: number) => `… и ещё ${n}`,
    discrepancies: 'Расхождения',
    summaryVsRaw: (s: number, r: number | null) => `сводка ${s}, по отчётам ${r ?? '—'}`,
    returned: 'Возвращённые отчёты',
    page: (i: number, n: number) => `Стр. ${i} из ${n}`,
    states: {
      none: 'не начат',
      draft: 'черновик',
      submitted: 'подан',
      returned: 'возвращён',
      approved: 'утверждён',
      reopened: 'открыт вновь',
    },
  },
} as const;

export function renderDigestPdf(
  d: Digest,
  lang: 'en' | 'ru',
  fonts: PdfFonts | null = unicodeFonts(),
): Promise<Buffer> {
  const w = WORDS[lang];
  const t = fonts ? (s: string) => s : latinOnly;
  const name = (en: string, ru: string | null) => (lang === 'ru' && ru ? ru : en);
  const bodyName = name(d.bodyName, d.bodyNameRu);
  const { doc, regular, bold, done } = openA4(`${w.title}: ${bodyName}`, fonts);
  const day = (iso: string) => iso.slice(0, 10);
  const heading = (s: string) => doc.moveDown(0.8).font(bold).fontSize(13).text(t(s)).moveDown(0.3);
  const line = (s: string, indent = 0) => doc.font(regular).fontSize(10.5).text(t(s), { indent });

  doc
    .font(bold)
    .fontSize(16)
    .text(t(`${w.title}: ${bodyName}`), { align: 'center' });
  doc
    .font(regular)
    .fontSize(11)
    .text(t(w.forDate(d.forDate)), { align: 'center' });

  heading(w.due);
  if (d.rounds.length === 0) line(w.none);
  for (const r of d.rounds) {
    doc
      .moveDown(0.3)
      .font(bold)
      .fontSize(11)
      .text(t(`${name(r.title, r.titleRu)} (${r.periodStart}) — ${w.dueAt(day(r.dueAt))}`));
    line(w.progress(r.reported, r.expected, r.onTime) + (r.addressed ? `; ${w.own(w.states[r.state])}` : ''), 12);
    if (r.overdueCount > 0) {
      line(w.overdue(r.overdueCount), 12);
      for (const o of r.overdue) line(`• ${name(o.name, o.nameRu)} — ${w.missing(o.missing)}`, 24);
      if (r.overdueCount > r.overdue.length) line(w.more(r.overdueCount - r.overdue.length), 24);
    }
  }

  heading(w.discrepancies);
  if (d.discrepancies.length === 0) line(w.none);
  for (const x of d.discrepancies)
    line(
      `• ${name(x.title, x.titleRu)}: ${name(x.name, x.nameRu)}, ${x.indicatorCode} — ${w.summaryVsRaw(x.summary, x.raw)}`,
    );

  heading(w.returned);
  if (d.returned.length === 0) line(w.none);
  for (const x of d.returned) line(`• ${name(x.title, x.titleRu)}: ${name(x.name, x.nameRu)}`);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(regular)
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
  return done;
}
