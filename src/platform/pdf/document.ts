// An A4 document every PDF of the app starts from (pdfkit): the shared margins, the Unicode fonts registered when
// there are any (else Latin only through `t`), and the finished file as a Buffer once `doc.end()` is called.
import PDFDocument from 'pdfkit';
import { latinOnly, type PdfFonts } from './fonts.js';

export interface PdfDoc {
  doc: PDFKit.PDFDocument;
  /** the text as it can be printed: as it is with the Unicode fonts, transliterated to Latin without them */
  t: (s: string) => string;
  regular: string;
  bold: string;
  done: Promise<Buffer>;
}

export function openA4(title: string, fonts: PdfFonts | null): PdfDoc {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 62, right: 56 },
    bufferPages: true,
    info: { Title: fonts ? title : latinOnly(title) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  if (fonts) {
    doc.registerFont('regular', fonts.regular);
    doc.registerFont('bold', fonts.bold);
  }
  const regular = fonts ? 'regular' : 'Helvetica';
  const bold = fonts ? 'bold' : 'Helvetica-Bold';
  doc.font(regular).fontSize(11);
  return { doc, t: fonts ? (s) => s : latinOnly, regular, bold, done };
}
