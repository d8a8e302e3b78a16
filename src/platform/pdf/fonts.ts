// Unicode fonts for PDFs (pdfkit's built-in fonts have no Cyrillic). DejaVu Sans ships with the app (the npm
// package dejavu-fonts-ttf, a dependency), so every PDF prints Cyrillic on any fresh machine, no system font
// needed. The TTF named by ANTAEUS_PDF_FONT (ANTAEUS_CARD_FONT is still read) overrides it; the system's DejaVu
// (fonts-dejavu-core) is used only if the packaged files are missing. Null when none is found: documents are then
// printed in Latin only.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface PdfFonts {
  regular: string;
  /** The bold face beside the regular one (e.g. DejaVuSans-Bold.ttf), or the regular one again. */
  bold: string;
}

export const SYSTEM_FONT_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/share/fonts/TTF'];

/** DejaVuSans.ttf of the packaged fonts (node_modules/dejavu-fonts-ttf/ttf), or null when the package is absent. */
export function packagedFont(): string | null {
  try {
    const pkg = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json');
    return path.join(path.dirname(pkg), 'ttf', 'DejaVuSans.ttf');
  } catch {
    return null;
  }
}

export interface FontSources {
  /** Environment with ANTAEUS_PDF_FONT / ANTAEUS_CARD_FONT (default: process.env). */
  env?: Record<string, string | undefined>;
  /** The packaged regular face (default: packagedFont()). */
  packaged?: string | null;
  /** Directories searched for a system DejaVuSans.ttf (default: SYSTEM_FONT_DIRS). */
  systemDirs?: readonly string[];
  exists?: (p: string) => boolean;
}

/** The first usable Unicode font (regular and bold): override, packaged, system; or null. */
export function unicodeFonts(src: FontSources = {}): PdfFonts | null {
  const env = src.env ?? process.env;
  const exists = src.exists ?? existsSync;
  const packaged = src.packaged === undefined ? packagedFont() : src.packaged;
  const candidates = [
    env.ANTAEUS_PDF_FONT,
    env.ANTAEUS_CARD_FONT,
    packaged,
    ...(src.systemDirs ?? SYSTEM_FONT_DIRS).map((d) => path.join(d, 'DejaVuSans.ttf')),
  ].filter((p): p is string => !!p);
  const regular = candidates.find((p) => exists(p));
  if (!regular) return null;
  const bold = regular.replace(/\.ttf$/i, '-Bold.ttf');
  return { regular, bold: bold !== regular && exists(bold) ? bold : regular };
}

/** Without a Unicode font, drops what pdfkit's built-in Helvetica cannot draw. */
export function latinOnly(s: string): string {
  return s.replace(/[^\x20-\x7e\n]/g, '');
}
