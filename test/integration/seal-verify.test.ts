// The tamper test: `antaeus verify` as a child process on a database holding sealed protocols. A sound chain
// verifies (exit 0, head hash printed); changes made by SQL behind the app's back — with the database's own guards
// switched off — to a protocol's text, a transcript entry, a sealed record itself, a motion's final text or a
// vote's result are each named with the record's number and label (and the motion or vote by its id), and the
// command exits with 1. (Every other kind of record the seal covers: seal-record.test.ts.) On PGlite (a data folder) and PostgreSQL, and on a
// freshly generated demo (its three sealed meetings of March 1927).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/processes.js';
import { demoFolder, type DemoFolder } from '../support/shared-demo.js';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { DB_KINDS, createScratchDatabase, seedPgliteFolder, type DbKind } from '../support/db.js';
import { openDatabase, type DbHandle } from '../../src/platform/db/client.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { createServices } from '../../src/app/compose.js';
import { makeBody, makeOrganisation, makePerson } from '../support/factories.js';
import { makeMeeting } from '../support/assembly-factory.js';
import { uuidv7 } from 'uuidv7';

/** A database the CLI can open too: a PGlite data folder, or a PostgreSQL scratch database. */
async function fileDb(
  kind: DbKind,
): Promise<{ open: () => Promise<DbHandle>; env: Record<string, string>; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'antaeus-seal-'));
    const dataDir = path.join(dir, 'data');
    await seedPgliteFolder(dataDir);
    return {
      open: () => openDatabase({ dataDir }),
      env: { ANTAEUS_DATA: dataDir },
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const scratch = await createScratchDatabase({ migrated: true });
  return {
    open: () => openDatabase({ databaseUrl: scratch.url }),
    env: { DATABASE_URL: scratch.url },
    drop: scratch.drop,
  };
}

/** Runs `fn` with the database's guards (the sealed-record triggers) switched off, as an intruder with SQL would. */
async function behindTheBack(h: DbHandle, fn: (ex: DbHandle['db']) => Promise<unknown>): Promise<void> {
  await h.db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await fn(trx as unknown as DbHandle['db']);
  });
}

describe.each(DB_KINDS)('antaeus verify on %s', (kind) => {
  let db: Awaited<ReturnType<typeof fileDb>>;
  const meetings: { id: string; title: string }[] = [];
  const motionId = uuidv7();
  const voteId = uuidv7();
  let headHash = '';

  beforeAll(async () => {
    db = await fileDb(kind);
    const h = await db.open();
    try {
      await migrate(h);
      const s = createServices(h);
      const org = await makeOrganisation(h.db);
      const po = await makeBody(h.db, org, 'primary_organisation', null);
      const a = await makePerson(h.db, org, po);
      for (const title of ['Cell meeting', 'Bureau session', 'General assembly of Red Putilovite']) {
        const m = await makeMeeting(h.db, {
          body: po,
          title,
          startsAt: '1927-03-14T15:00:00Z',
          participants: [a],
          present: [a],
          status: 'closed',
        });
        await h.db
          .insertInto('transcript_entry')
          .values(
            ['Товарищи, собрание открыто.', 'Голос с места: Правильно!', '(Смех)'].map((text, i) => ({
              id: uuidv7(),
              meeting_id: m.id,
              agenda_item_id: m.items[0]!.id,
              seq: i + 1,
              kind: i === 0 ? 'chair' : i === 1 ? 'interjection' : 'remark',
              speaker_person_id: null,
              speaker_label: i === 0 ? 'Председатель' : '',
              text,
              created_by: null,
            })),
          )
          .execute();
        if (meetings.length === 0) {
          // the cell meeting adopted a motion by a show of hands: both are sealed with the protocol
          await h.db
            .insertInto('motion')
            .values({
              id: motionId,
              meeting_id: m.id,
              agenda_item_id: m.items[0]!.id,
              seq: 1,
              title: 'О ремонте клуба',
              text: 'Отремонтировать клуб к маю.',
              current_text: 'Отремонтировать клуб к маю.',
              proposer_label: 'Бюро ячейки',
              status: 'adopted',
            })
            .execute();
          await h.db
            .insertInto('vote')
            .values({
              id: voteId,
              meeting_id: m.id,
              agenda_item_id: m.items[0]!.id,
              motion_id: motionId,
              title: 'О ремонте клуба',
              method: 'open',
              status: 'closed',
              result: JSON.stringify({ counts: { for: 1, against: 0, abstain: 0 }, carried: true }),
              closed_at: new Date('1927-03-14T16:00:00Z'),
            })
            .execute();
        }
        const draft = await s.protocol.generate(null, m.id, { lang: 'ru' });
        const approved = await s.protocol.approve(null, m.id, { version: draft.version });
        const sealed = await s.protocol.seal(null, m.id, { version: approved.version });
        headHash = sealed.seal!.hash;
        meetings.push({ id: m.id, title });
      }
      const report = await s.seal.verify();
      expect(report).toMatchObject({ records: 3, ok: true, problems: [], head: { seq: 3, hash: headHash } });
    } finally {
      await h.close();
    }
  }, 120_000);
  afterAll(async () => {
    await db?.drop();
  });

  it('verifies a sound chain: exit 0, the count and the head hash to publish', async () => {
    const r = await runCli(['verify'], db.env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('verified 3 sealed records: ok');
    expect(r.stdout).toContain(`head: record #3 ${headHash}`);
    expect(r.stderr).toMatch(/Verify: sealed records 3\/3/);
  }, 120_000);

  it('names every record changed behind the app’s back and exits with 1', async () => {
    const h = await db.open();
    try {
      // Without switching the guards off, the database refuses.
      await expect(
        h.db
          .updateTable('transcript_entry')
          .set({ text: 'forged' })
          .where('meeting_id', '=', meetings[2]!.id)
          .execute(),
      ).rejects.toThrow(/sealed/);
      await behindTheBack(h, async (ex) => {
        // #3: one word of the transcript; #2: the protocol's text; #1: the sealed record's own content, the
        // adopted motion's text and its vote's result.
        await ex
          .updateTable('transcript_entry')
          .set({ text: 'Голос с места: Неправильно!' })
          .where('meeting_id', '=', meetings[2]!.id)
          .where('seq', '=', 2)
          .execute();
        await ex
          .updateTable('meeting_protocol')
          .set({ body: sql`body || ' (исправлено)'` })
          .where('meeting_id', '=', meetings[1]!.id)
          .execute();
        await ex
          .updateTable('sealed_record')
          .set({ content: sql`replace(content, 'собрание открыто', 'собрание закрыто')` })
          .where('seq', '=', 1)
          .execute();
        await ex.updateTable('motion').set({ current_text: 'Закрыть клуб.' }).where('id', '=', motionId).execute();
        await ex
          .updateTable('vote')
          .set({ result: JSON.stringify({ counts: { for: 0, against: 1, abstain: 0 }, carried: false }) })
          .where('id', '=', voteId)
          .execute();
      });
    } finally {
      await h.close();
    }
    const r = await runCli(['verify'], db.env);
    expect(r.code, r.stderr).toBe(1);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('sealed record #'));
    expect(lines).toEqual([
      expect.stringMatching(
        /^sealed record #1 "Protocol: Cell meeting, 1927-03-14": content changed \(hash [0-9a-f]{12}…≠[0-9a-f]{12}…\)$/,
      ),
      'sealed record #1 "Protocol: Cell meeting, 1927-03-14": changed since sealing: transcript #1 changed',
      `sealed record #1 "Protocol: Cell meeting, 1927-03-14": changed since sealing: motion ${motionId}: final text changed`,
      `sealed record #1 "Protocol: Cell meeting, 1927-03-14": changed since sealing: vote ${voteId}: result changed`,
      'sealed record #2 "Protocol: Bureau session, 1927-03-14": changed since sealing: body changed',
      'sealed record #3 "Protocol: General assembly of Red Putilovite, 1927-03-14": changed since sealing: transcript #2 changed',
    ]);
    expect(r.stdout).toContain('verified 3 sealed records: 6 problem(s)');
  }, 120_000);
});

describe('antaeus verify on a fresh demo (PGlite data folder)', () => {
  let folder: DemoFolder | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    // `antaeus demo` into a PGlite folder, run once per test run; this suite works on its own copy
    folder = await demoFolder('antaeus-seal-demo-');
    env = folder.env;
    const demo = folder.run;
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stderr).toMatch(/Demo: meetings 3\/3/);
  }, 300_000);
  afterAll(async () => folder?.remove());

  it('passes on the demo’s sealed meetings, then names the general assembly once its transcript is touched', async () => {
    const ok = await runCli(['verify'], env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('verified 3 sealed records: ok');

    const h = await openDatabase({ dataDir: env.ANTAEUS_DATA! });
    try {
      const labels = await h.db.selectFrom('sealed_record').select(['seq', 'label']).orderBy('seq').execute();
      expect(labels.map((l) => l.label)).toEqual([
        'Protocol: Meeting of the steel foundry cell, 1927-03-02',
        'Protocol: Session of the bureau of the Red Putilovite organisation, 1927-03-09',
        'Protocol: General assembly of the Red Putilovite organisation, 1927-03-14',
      ]);
      const ga = await h.db
        .selectFrom('meeting_protocol as p')
        .innerJoin('meeting as m', 'm.id', 'p.meeting_id')
        .select(['p.body', 'p.status', 'm.id'])
        .where('m.kind', '=', 'general_assembly')
        .executeTakeFirstOrThrow();
      expect(ga.status).toBe('sealed');
      expect(ga.body).toContain('ЗАПИСКИ БЕЗ ОТВЕТА');
      await behindTheBack(h, (ex) =>
        ex
          .updateTable('transcript_entry')
          .set({ text: 'Неправильно!' })
          .where('meeting_id', '=', ga.id)
          .where('text', '=', 'Правильно!')
          .execute(),
      );
    } finally {
      await h.close();
    }
    const bad = await runCli(['verify'], env);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(
      /^sealed record #3 "Protocol: General assembly of the Red Putilovite organisation, 1927-03-14": changed since sealing: transcript #\d+ changed$/m,
    );
  }, 120_000);
});
