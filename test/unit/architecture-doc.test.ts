// docs/ARCHITECTURE.md must describe every folder, and only folders that exist.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TOP = ['src', 'test', 'bench', 'bin', 'docs', '.ci'];
const SKIP = new Set(['node_modules', 'dist', 'coverage', 'test-results', 'data']);

function folders(rel: string): string[] {
  const out = [rel];
  for (const entry of readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
    if (entry.isDirectory() && !SKIP.has(entry.name) && !entry.name.startsWith('.')) {
      out.push(...folders(`${rel}/${entry.name}`));
    }
  }
  return out;
}

/** Folder entries of the doc: lines like "- `src/platform/db/` — …" (a `*` stands for one folder name). */
function documented(): string[] {
  const doc = readFileSync(path.join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8');
  return [...doc.matchAll(/^- `([^`]+)\/` — \S/gm)].map((m) => m[1]!);
}

function matches(entry: string, folder: string): boolean {
  const re = new RegExp(`^${entry.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]+')}$`);
  return re.test(folder);
}

describe('docs/ARCHITECTURE.md', () => {
  const existing = TOP.flatMap((top) => folders(top));
  const entries = documented();

  it('has a line for every folder', () => {
    const missing = existing.filter((f) => !entries.some((e) => matches(e, f)));
    expect(missing, 'add a line "- `folder/` — what lives there" to docs/ARCHITECTURE.md').toEqual([]);
  });

  it('names only folders that exist', () => {
    const stale = entries.filter((e) => !existing.some((f) => matches(e, f)));
    expect(stale, 'remove or fix these lines of docs/ARCHITECTURE.md').toEqual([]);
  });
});
