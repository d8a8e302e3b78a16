// Each table has one owner (docs/ARCHITECTURE.md "Who owns which table", ADR 0024): only the owning module's
// files write it. The owner map is read from ARCHITECTURE.md itself, so the document and the check cannot drift.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MIGRATIONS = 'src/platform/db/migrations';
/** Builds a whole organisation in bulk into a fresh database: may write any table. */
const SEEDERS = new Set(['demo']);

interface Source {
  path: string;
  text: string;
}

function read(rel: string): string {
  return readFileSync(path.join(ROOT, rel), 'utf8');
}

function walk(rel: string): string[] {
  return readdirSync(path.join(ROOT, rel), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(`${rel}/${e.name}`) : [`${rel}/${e.name}`],
  );
}

/** Every table the migrations (and the migrator, for its own table) create. */
function createdTables(): string[] {
  const texts = [
    ...readdirSync(path.join(ROOT, MIGRATIONS))
      .filter((f) => f.endsWith('.sql'))
      .map((f) => read(`${MIGRATIONS}/${f}`)),
    read('src/platform/db/migrate.ts'),
  ];
  const out = new Set<string>();
  for (const t of texts) {
    for (const m of t.matchAll(/create\s+table\s+(?:if\s+not\s+exists\s+)?([a-z_][a-z0-9_]*)/gi)) {
      out.add(m[1]!.toLowerCase());
    }
  }
  return [...out].sort();
}

/** The owner map: rows "| `table` | owner … |" under the heading "Who owns which table". */
export function ownerMap(doc: string): Map<string, string> {
  const start = doc.indexOf('## Who owns which table');
  if (start < 0) throw new Error('docs/ARCHITECTURE.md has no section "Who owns which table"');
  const next = doc.indexOf('\n## ', start + 1);
  const section = doc.slice(start, next < 0 ? undefined : next);
  const map = new Map<string, string>();
  for (const m of section.matchAll(/^\|\s*`([a-z_][a-z0-9_]*)`\s*\|\s*(\*|[a-z][a-z-]*)(?=[\s|])/gm))
    map.set(m[1]!, m[2]!);
  return map;
}

/** The module (or `platform`, …) a source file belongs to. */
function ownerOf(file: string): string {
  const m = /^src\/modules\/([^/]+)\//.exec(file);
  if (m) return m[1]!;
  return file.split('/')[1] ?? file;
}

/** Tables a file writes: Kysely's insertInto/updateTable/deleteFrom/mergeInto, and raw insert/update/delete SQL. */
export function writtenTables(text: string, tables: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  const patterns = [
    /\.(?:insertInto|updateTable|deleteFrom|mergeInto|replaceInto)\(\s*['"`]([a-z_][a-z0-9_]*)/g,
    /\b(?:insert\s+into|delete\s+from|update|merge\s+into)\s+(?:only\s+)?([a-z_][a-z0-9_]*)/gi,
  ];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      const table = m[1]!.toLowerCase();
      // `for update`, `do update set`, … name no table: only names the migrations create count.
      if (tables.has(table)) out.add(table);
    }
  }
  return [...out].sort();
}

/** "file writes table owned by X" for every write outside the table's owner. */
export function secondWriters(sources: Source[], owners: Map<string, string>): string[] {
  const tables = new Set(owners.keys());
  const found: string[] = [];
  for (const s of sources) {
    const writer = ownerOf(s.path);
    if (SEEDERS.has(writer)) continue;
    for (const table of writtenTables(s.text, tables)) {
      const owner = owners.get(table)!;
      if (owner !== '*' && owner !== writer) {
        found.push(`${s.path} writes \`${table}\`, owned by ${owner}: call the owner's *-rows.service.ts`);
      }
    }
  }
  return found;
}

/** Server code that may hold SQL: every .ts file under src/ but the web app; no other SQL files exist beside the
 * migrations (which create the tables, and whose triggers keep `body_headcount`). */
function serverSources(): Source[] {
  return walk('src')
    .filter((f) => /\.(ts|sql)$/.test(f) && !f.startsWith('src/web/') && !f.startsWith(`${MIGRATIONS}/`))
    .map((f) => ({ path: f, text: read(f) }));
}

describe('each table has one owner', () => {
  const owners = ownerMap(read('docs/ARCHITECTURE.md'));

  it('ARCHITECTURE.md names an owner for every table the migrations create, and no other table', () => {
    expect([...owners.keys()].sort()).toEqual(createdTables());
  });

  it('every owner is a module (or platform, or * for append-only shared tables)', () => {
    const modules = new Set(readdirSync(path.join(ROOT, 'src/modules')));
    const bad = [...owners].filter(([, o]) => o !== '*' && o !== 'platform' && !modules.has(o));
    expect(bad).toEqual([]);
  });

  it('no table is written outside its owning module', () => {
    expect(secondWriters(serverSources(), owners)).toEqual([]);
  });

  it('finds the writes of each form', () => {
    const t = new Set(['person', 'body']);
    expect(writtenTables("await db.updateTable('person').set({})", t)).toEqual(['person']);
    expect(writtenTables("db.insertInto('person as p')", t)).toEqual(['person']);
    expect(writtenTables("ex.deleteFrom('body')", t)).toEqual(['body']);
    expect(writtenTables('sql`insert into person (id) values (1)`', t)).toEqual(['person']);
    expect(writtenTables('sql`UPDATE person SET status = 1`', t)).toEqual(['person']);
    expect(writtenTables('sql`delete from body where id = 1`', t)).toEqual(['body']);
    expect(
      writtenTables("select 1 from person for update; on conflict do update set x = 1; db.selectFrom('person')", t),
    ).toEqual([]);
  });

  it('fails naming the file when a second module writes a table', () => {
    const fixture: Source[] = [
      { path: 'src/modules/person/person.repository.ts', text: "db.updateTable('person').set({ status: 'member' })" },
      {
        path: 'src/modules/transfer/transfer.repository.ts',
        text: "db.updateTable('person').set({ body_id: null }).where('id', '=', id)",
      },
      { path: 'src/modules/dues/dues.repository.ts', text: 'sql`update person set card_number = null`' },
      { path: 'src/modules/demo/demo.repository.ts', text: 'sql`insert into person (id) values (1)`' },
      { path: 'src/modules/review/review.repository.ts', text: "db.insertInto('outbox').values(row)" },
    ];
    expect(secondWriters(fixture, owners)).toEqual([
      "src/modules/transfer/transfer.repository.ts writes `person`, owned by person: call the owner's *-rows.service.ts",
      "src/modules/dues/dues.repository.ts writes `person`, owned by person: call the owner's *-rows.service.ts",
    ]);
  });

  it('fails when ARCHITECTURE.md and the migrations disagree', () => {
    const doc =
      '## Who owns which table\n\n| Table | Owner |\n| --- | --- |\n| `person` | person |\n\n## Next\n| `x` | y |';
    expect([...ownerMap(doc)]).toEqual([['person', 'person']]);
    expect([...ownerMap(doc).keys()]).not.toEqual(createdTables());
  });
});
