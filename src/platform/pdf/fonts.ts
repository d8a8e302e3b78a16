// Unicode fonts for PDFs (pdfkit's built-in fonts have no Cyrillic): DejaVu Sans from the system
// (fonts-dejavu-core), or the TTF named by ANTAEUS_PDF_FONT (ANTAEUS_CARD_FONT is still read). Null when none is
// installed: documents are then printed in Latin only.
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface PdfFonts {
  regular: string;
  /** The bold face beside the regular one (e.g. DejaVuSans-Bold.ttf), or the regular one again. */
  bold: string;
}

const DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/share/fonts/TTF'];

function candidates(): string[] {
  return [
    process.env.ANTAEUS_PDF_FONT,
    process.env.ANTAEUS_CARD_FONT,
    ...DIRS.map((d) => path.join(d, 'DejaVuSans.ttf')),
  ].filter((p): p is string => !!p);
}

/** The first usable Unicode font on this machine (regular and bold), or null. */
export function unicodeFonts(): PdfFonts | null {
  const regular = candidates().find((p) => existsSync(p));
  if (!regular) return null;
  const bold = regular.replace(/\.ttf$/i, '-Bold.ttf');
  return { regular, bold: bold !== regular && existsSync(bold) ? bold : regular };
}

/** Without a Unicode font, drops what pdfkit's built-in Helvetica cannot draw. */
export function latinOnly(s: string): string {
  return s.replace(/[^\x20-\x7e\n]/g, '');
}
