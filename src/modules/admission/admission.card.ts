// The membership card as a PDF (pdfkit). Cyrillic needs a TTF font: DejaVu Sans shipped with the app, or
// ANTAEUS_PDF_FONT (src/platform/pdf/fonts.ts); without one the card is in Latin only.
import PDFDocument from 'pdfkit';
import { unicodeFonts } from '../../platform/pdf/fonts.js';

export interface CardData {
  organisationName: string;
  organisationNameRu: string | null;
  name: string;
  nameRu: string | null;
  cardNumber: string | null;
  status: string;
  joinedOn: string | null;
  candidateSince: string | null;
  bodyName: string | null;
  bodyNameRu: string | null;
  primaryName: string | null;
  issuedOn: string;
}

/** The Unicode font for cards (the packaged DejaVu Sans unless overridden), or null (Latin only). */
export function cardFont(): string | null {
  return unicodeFonts()?.regular ?? null;
}

const STATUS_LABEL: Record<string, string> = {
  member: 'Full member',
  candidate: 'Candidate member',
  sympathiser: 'Sympathiser',
  non_member: 'Not a member',
};

export function renderCard(d: CardData, fontPath: string | null = cardFont()): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: [420, 270],
      margin: 24,
      info: { Title: `Membership card ${d.cardNumber ?? ''}` },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const unicode = !!fontPath;
    if (fontPath) doc.font(fontPath);
    else doc.font('Helvetica');
    // Without a Unicode font, drop what the built-in font cannot draw.
    const t = (s: string | null | undefined): string => (s ? (unicode ? s : s.replace(/[^\x20-\x7e]/g, '')) : '');

    doc.rect(12, 12, 396, 246).lineWidth(2).stroke('#8b0000');
    doc.fillColor('#8b0000').fontSize(14).text(t(d.organisationName), { align: 'center' });
    if (unicode && d.organisationNameRu) doc.fontSize(10).text(d.organisationNameRu, { align: 'center' });
    doc
      .moveDown(0.4)
      .fontSize(11)
      .fillColor('black')
      .text(d.status === 'candidate' ? 'CANDIDATE CARD' : 'MEMBERSHIP CARD', {
        align: 'center',
      });
    doc.moveDown(0.6).fontSize(10);
    const line = (label: string, value: string | null | undefined) => {
      if (!value) return;
      doc.font(fontPath ?? 'Helvetica-Bold').text(`${label}: `, { continued: true });
      doc.font(fontPath ?? 'Helvetica').text(t(value));
    };
    line('No.', d.cardNumber ?? '-');
    line('Name', d.name);
    if (unicode) line('Имя', d.nameRu);
    line('Status', STATUS_LABEL[d.status] ?? d.status);
    line('Joined', d.status === 'candidate' ? d.candidateSince : d.joinedOn);
    line(
      'Registered in',
      d.bodyName && d.primaryName && d.primaryName !== d.bodyName ? `${d.bodyName}, ${d.primaryName}` : d.bodyName,
    );
    if (unicode && d.bodyNameRu) line('Организация', d.bodyNameRu);
    doc.moveDown(0.6).fontSize(8).fillColor('#555').text(`Issued ${d.issuedOn}`, { align: 'right' });
    doc.end();
  });
}
