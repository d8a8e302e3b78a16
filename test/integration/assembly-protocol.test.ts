// The protocol end to end through HTTP: generated from the record (attendance and quorum, roles, speakers,
// decisions, notes — unanswered ones verbatim), edited with a version, approved and sealed only after the meeting
// closed, then refusing every change (app and database). PDFs of protocol and transcript. The chain: record 2
// links to record 1, two concurrent seals get distinct numbers on one line, and the verify report with its head.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestClient, type TestServer } from '../support/http.js';
import { makeBody, makeOffice, makeOrganisation, makePerson } from '../support/factories.js';
import { makeMeeting, setMeetingStatus, type MadeMeeting } from '../support/assembly-factory.js';
import { chainHash, GENESIS_HASH, sha256Hex } from '../../src/modules/records/rules/seal.js';
import { cardFont } from '../../src/modules/admission/admission.card.js';
import type { Database } from '../../src/platform/db/client.js';

const PASSWORD = 'correct horse battery';
const UNANSWERED = 'Why do the same comrades speak at every meeting?  Nobody from the bench is heard.';

/** The record of a meeting written as rows: speakers, transcript, notes, a decision. */
async function record(db: Database, m: MadeMeeting, people: Record<string, { id: string }>, orgId: string) {
  const item = m.items[0]!;
  const at = (min: number) => new Date(Date.UTC(2026, 0, 10, 10, min));
  await db
    .insertInto('speaker_request')
    .values(
      (
        [
          { who: people.reporter!, kind: 'report', status: 'done', min: 1 },
          { who: people.b!, kind: 'speech', status: 'done', min: 20 },
          { who: people.a!, kind: 'speech', status: 'withdrawn', min: 25 },
          { who: people.cand!, kind: 'point_of_order', status: 'done', min: 15 },
        ] as const
      ).map((s, i) => ({
        id: uuidv7(),
        meeting_id: m.id,
        agenda_item_id: item.id,
        person_id: s.who.id,
        kind: s.kind,
        status: s.status,
        position: i + 1,
        limit_seconds: 600,
        requested_at: at(s.min),
        started_at: s.status === 'done' ? at(s.min) : null,
        ended_at: s.status === 'done' ? at(s.min + 4) : null,
      })),
    )
    .execute();
  await db
    .insertInto('transcript_entry')
    .values(
      (
        [
          { kind: 'speech', label: 'Comrade Reporter', text: 'The plan is fulfilled.' },
          { kind: 'interjection', label: 'Voice from the floor', text: 'Which plan?' },
          { kind: 'remark', label: '', text: '(Laughter)' },
        ] as const
      ).map((e, i) => ({
        id: uuidv7(),
        meeting_id: m.id,
        agenda_item_id: item.id,
        seq: i + 1,
        kind: e.kind,
        speaker_person_id: null,
        speaker_label: e.label,
        text: e.text,
        created_by: null,
      })),
    )
    .execute();
  await db
    .insertInto('question_note')
    .values([
      {
        id: uuidv7(),
        meeting_id: m.id,
        agenda_item_id: item.id,
        addressed_to: 'speaker',
        speaker_person_id: null,
        text: 'Why is bread dear?',
        token_hash: sha256Hex(uuidv7()),
        signed_by: null,
        received_minute: at(30),
        status: 'answered',
        answer: 'The harvest was poor.',
        answered_at: at(31),
      },
      {
        id: uuidv7(),
        meeting_id: m.id,
        agenda_item_id: item.id,
        addressed_to: 'presidium',
        speaker_person_id: null,
        text: UNANSWERED,
        token_hash: sha256Hex(uuidv7()),
        signed_by: null,
        received_minute: at(32),
      },
    ])
    .execute();
  await db
    .insertInto('decision')
    .values({
      id: uuidv7(),
      organisation_id: orgId,
      body_id: m.bodyId,
      taken_on: '2026-01-10',
      process: 'assembly',
      entity_id: item.id,
      outcome: 'Report approved',
      votes_for: 2,
      votes_against: 0,
      votes_abstained: 0,
      reasons: null,
      recorded_by: null,
      assembly_id: m.id,
    })
    .execute();
}

describe.each(DB_KINDS)('meeting protocol on %s', (kind) => {
  let srv: TestServer;
  const c: Record<string, TestClient> = {};
  const p: Record<string, { id: string }> = {};
  let org: { id: string };
  let po: Awaited<ReturnType<typeof makeBody>>;
  let m: MadeMeeting;
  const url = () => `/api/meetings/${m.id}/protocol`;

  /** A closed meeting of the same body, ready to be sealed through the service. */
  async function closedMeeting(title: string) {
    const made = await makeMeeting(srv.db, {
      body: po,
      title,
      participants: [p.a!, p.b!],
      present: [p.a!, p.b!],
      status: 'closed',
    });
    const draft = await srv.services.protocol.generate(null, made.id, { lang: 'en' });
    const approved = await srv.services.protocol.approve(null, made.id, { version: draft.version });
    return { made, approved };
  }

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const db = srv.db;
    org = await makeOrganisation(db);
    const cc = await makeBody(db, org, 'central_committee', null);
    const district = await makeBody(db, org, 'district_committee', cc);
    po = await makeBody(db, org, 'primary_organisation', district, { name: 'Red Putilovite organisation' });
    const otherPo = await makeBody(db, org, 'primary_organisation', district);
    p.sec = await makePerson(db, org, po, { familyName: 'Secretary' });
    await makeOffice(db, po, p.sec, 'secretary');
    p.keeper = await makePerson(db, org, po, { familyName: 'Keeper', givenName: 'Anna' });
    p.chair = await makePerson(db, org, po, { familyName: 'Chairman', givenName: 'Sergei' });
    p.reporter = await makePerson(db, org, po, { familyName: 'Reporter', givenName: 'Pavel' });
    p.a = await makePerson(db, org, po, { familyName: 'Alpha' });
    p.b = await makePerson(db, org, po, { familyName: 'Bravo', givenName: 'Boris' });
    p.cand = await makePerson(db, org, po, { familyName: 'Candidate', givenName: 'Clara', status: 'candidate' });
    p.out = await makePerson(db, org, otherPo, { familyName: 'Outsider' });
    await makeOffice(db, otherPo, p.out, 'secretary');
    for (const [key, person] of Object.entries(p)) {
      await srv.services.auth.createAccount({ personId: person.id, login: key, password: PASSWORD });
      c[key] = srv.client();
      expect((await c[key]!.login(key, PASSWORD)).status).toBe(200);
    }
    m = await makeMeeting(db, {
      body: po,
      title: 'General assembly of March',
      agenda: ['Report of the bureau', 'Any other business'],
      participants: [p.a, p.b, p.reporter, { person: p.cand, voice: 'consultative' }],
      present: [p.a, p.b, p.cand],
      roles: [
        { person: p.chair, role: 'chair' },
        { person: p.chair, role: 'presidium' },
        { person: p.keeper, role: 'secretary' },
      ],
      open: true,
    });
    await db
      .updateTable('agenda_item')
      .set({ reporter_person_id: p.reporter.id })
      .where('id', '=', m.items[0]!.id)
      .execute();
    await record(db, m, p, org.id);
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('generates a draft from the record while the meeting is open; only the secretary or managers may', async () => {
    const refused = await c.a!.post(url(), { lang: 'en' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('meeting_role_required');
    expect((await c.a!.get(url())).status).toBe(404);

    const before = await srv.db
      .selectFrom('meeting')
      .select('revision')
      .where('id', '=', m.id)
      .executeTakeFirstOrThrow();
    const r = await c.keeper!.post(url(), { lang: 'en' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ meetingId: m.id, lang: 'en', status: 'draft', version: 1, seal: null });
    const body: string = r.body.body;
    expect(body).toContain('Entitled to attend: 3 with a vote, 1 with a consultative voice.');
    expect(body).toContain('Present: 2 with a vote, 1 with a consultative voice, 0 guests.');
    expect(body).toContain('Quorum: 2 voting participants required; the quorum is reached.');
    expect(body).toContain('Chair: Chairman Sergei');
    expect(body).toContain('Secretary: Keeper Anna');
    expect(body).toContain('1. Report of the bureau (reporter: Reporter Pavel)');
    // In the order they spoke; a withdrawn request is not a speech.
    expect(body).toContain('Spoke: Reporter Pavel (report); Candidate Clara (point of order); Bravo Boris.');
    expect(body).toContain('RESOLVED: Report approved');
    expect(body).toContain('Votes: 2 for, 0 against, 0 abstained.');
    expect(body).toContain('“Why is bread dear?” — anonymous, item 1.');
    expect(body).toContain('Answer: The harvest was poor.');
    expect(body).toContain(`UNANSWERED NOTES (they stay in the record, as written):\n  1. “${UNANSWERED}” — anonymous`);

    const after = await srv.db
      .selectFrom('meeting')
      .select('revision')
      .where('id', '=', m.id)
      .executeTakeFirstOrThrow();
    expect(after.revision).toBe(before.revision + 1);
    const ev = await srv.db
      .selectFrom('outbox')
      .select(['topic', 'payload'])
      .where('topic', '=', 'meeting.protocol')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(ev.payload).toMatchObject({ meetingId: m.id, revision: after.revision });

    const seen = await c.a!.get(url());
    expect(seen.status).toBe(200);
    expect(seen.body.body).toBe(body);
    const outsider = await c.out!.get(url());
    expect(outsider.status).toBe(403);
  });

  it('regenerates in Russian while a draft', async () => {
    const r = await c.keeper!.post(url(), { lang: 'ru' });
    expect(r.status).toBe(200);
    expect(r.body.version).toBe(2);
    expect(r.body.body).toContain('ПРОТОКОЛ');
    expect(r.body.body).toContain('аноним');
    expect(r.body.body).toContain(`«${UNANSWERED}»`);
  });

  it('edits with the version: a stale version is refused with 409 and nothing changes', async () => {
    const ok = await c.keeper!.patch(url(), { version: 2, body: 'PROTOCOL\nEdited by the secretary.\n' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ version: 3, body: 'PROTOCOL\nEdited by the secretary.\n', status: 'draft' });
    expect(ok.body.editedAt).not.toBeNull();
    const stale = await c.sec!.patch(url(), { version: 2, body: 'Lost update' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('protocol_stale');
    expect((await c.a!.get(url())).body.body).toBe('PROTOCOL\nEdited by the secretary.\n');
    const blank = await c.keeper!.patch(url(), { version: 3, body: '   ' });
    expect(blank.status).toBe(400);
  });

  it('approves and seals only after the meeting has closed', async () => {
    const early = await c.keeper!.post(`${url()}/approve`, { version: 3 });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('meeting_not_closed');
    const unapproved = await c.keeper!.post(`${url()}/seal`, { version: 3 });
    expect(unapproved.status).toBe(422);
    expect(unapproved.body.error.code).toBe('protocol_not_approved');

    await setMeetingStatus(srv.db, m.id, 'closed', null);
    expect((await c.keeper!.post(`${url()}/approve`, { version: 2 })).status).toBe(409);
    const approved = await c.keeper!.post(`${url()}/approve`, { version: 3 });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', version: 4, approvedBy: 'Keeper Anna' });
    const edit = await c.keeper!.patch(url(), { version: 4, body: 'Too late' });
    expect(edit.status).toBe(422);
    expect(edit.body.error.code).toBe('protocol_not_draft');
    const regen = await c.keeper!.post(url(), { lang: 'en' });
    expect(regen.status).toBe(422);
    expect(regen.body.error.code).toBe('protocol_not_draft');

    const sealed = await c.keeper!.post(`${url()}/seal`, { version: 4 });
    expect(sealed.status).toBe(200);
    expect(sealed.body.status).toBe('sealed');
    expect(sealed.body.seal).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });

    // The record holds protocol, transcript and notes; its hashes follow from its content.
    const rec = await srv.db.selectFrom('sealed_record').selectAll().where('seq', '=', 1).executeTakeFirstOrThrow();
    expect(rec.kind).toBe('meeting.protocol');
    expect(rec.subject_id).toBe(m.id);
    expect(rec.label).toMatch(/^Protocol: General assembly of March, \d{4}-\d{2}-\d{2}$/);
    expect(rec.content_hash).toBe(sha256Hex(rec.content));
    expect(rec.hash).toBe(chainHash(GENESIS_HASH, rec.content_hash));
    expect(sealed.body.seal.hash).toBe(rec.hash);
    const content = JSON.parse(rec.content);
    expect(content).toMatchObject({
      meetingId: m.id,
      title: 'General assembly of March',
      body: 'PROTOCOL\nEdited by the secretary.\n',
      approvedBy: p.keeper!.id,
    });
    expect(content.transcript).toEqual([
      { seq: 1, label: 'Comrade Reporter', kind: 'speech', text: 'The plan is fulfilled.' },
      { seq: 2, label: 'Voice from the floor', kind: 'interjection', text: 'Which plan?' },
      { seq: 3, label: '', kind: 'remark', text: '(Laughter)' },
    ]);
    expect(content.notes).toEqual([
      { text: 'Why is bread dear?', answer: 'The harvest was poor.', status: 'answered' },
      { text: UNANSWERED, answer: null, status: 'new' },
    ]);
  });

  it('a sealed protocol refuses every change, in the app (422) and in the database', async () => {
    const v = (await c.a!.get(url())).body.version as number;
    for (const [method, path, body] of [
      ['patch', url(), { version: v, body: 'Rewritten' }],
      ['post', url(), { lang: 'en' }],
      ['post', `${url()}/approve`, { version: v }],
      ['post', `${url()}/seal`, { version: v }],
    ] as const) {
      const r = method === 'patch' ? await c.keeper!.patch(path, body) : await c.keeper!.post(path, body);
      expect(r.status, `${method} ${path}`).toBe(422);
      expect(r.body.error.code).toBe('protocol_sealed');
    }
    await expect(
      srv.db.updateTable('meeting_protocol').set({ body: 'forged' }).where('meeting_id', '=', m.id).execute(),
    ).rejects.toThrow(/sealed/);
    await expect(
      srv.db.updateTable('transcript_entry').set({ text: 'forged' }).where('meeting_id', '=', m.id).execute(),
    ).rejects.toThrow(/sealed/);
    await expect(srv.db.deleteFrom('sealed_record').where('seq', '=', 1).execute()).rejects.toThrow(/sealed/);
    expect((await srv.db.selectFrom('sealed_record').select('seq').execute()).length).toBe(1);
  });

  it('prints protocol and transcript as A4 PDFs (attachments) for viewers of the meeting', async () => {
    for (const doc of ['protocol.pdf', 'transcript.pdf']) {
      const r = await c.a!.get(`/api/meetings/${m.id}/${doc}`);
      expect(r.status, doc).toBe(200);
      expect(r.headers.get('content-type')).toBe('application/pdf');
      expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="(protocol|transcript)-.*\.pdf"$/);
      const text = String(r.body);
      expect(text.startsWith('%PDF-')).toBe(true);
      expect(text).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
      if (cardFont()) expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
      expect((await c.out!.get(`/api/meetings/${m.id}/${doc}`)).status).toBe(403);
    }
    const fresh = await makeMeeting(srv.db, { body: po, participants: [p.a!], status: 'closed' });
    const none = await c.a!.get(`/api/meetings/${fresh.id}/protocol.pdf`);
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe('protocol_not_found');
  });

  it('links each record to its predecessor; concurrent seals get distinct numbers on one line', async () => {
    const second = await closedMeeting('Second meeting');
    const s2 = await srv.services.protocol.seal(null, second.made.id, { version: second.approved.version });
    const [r1, r2] = await Promise.all(
      [1, 2].map((seq) =>
        srv.db.selectFrom('sealed_record').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow(),
      ),
    );
    expect(s2.seal!.seq).toBe(2);
    expect(r2!.prev_hash).toBe(r1!.hash);
    expect(r2!.hash).toBe(chainHash(r1!.hash, sha256Hex(r2!.content)));

    const [x, y] = await Promise.all([closedMeeting('Third meeting'), closedMeeting('Fourth meeting')]);
    const sealed = await Promise.all(
      [x, y].map((z) => srv.services.protocol.seal(null, z.made.id, { version: z.approved.version })),
    );
    expect(sealed.map((s) => s.seal!.seq).sort()).toEqual([3, 4]);
    const chain = await srv.db
      .selectFrom('sealed_record')
      .select(['seq', 'prev_hash', 'hash'])
      .orderBy('seq')
      .execute();
    expect(chain.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4]);
    for (let i = 1; i < chain.length; i++) expect(chain[i]!.prev_hash).toBe(chain[i - 1]!.hash);
  });

  it('reports the chain to managers (with the head hash to publish), not to others', async () => {
    const r = await c.sec!.get('/api/sealed-records/verify');
    expect(r.status).toBe(200);
    const head = await srv.db
      .selectFrom('sealed_record')
      .select(['seq', 'hash'])
      .where('seq', '=', 4)
      .executeTakeFirstOrThrow();
    expect(r.body).toMatchObject({ records: 4, ok: true, problems: [], head: { seq: 4, hash: head.hash } });
    const refused = await c.a!.get('/api/sealed-records/verify');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('verify_forbidden');

    // A change behind the app's back (database guards switched off) is named.
    await srv.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await trx.updateTable('meeting_protocol').set({ body: 'forged' }).where('meeting_id', '=', m.id).execute();
    });
    const bad = (await c.sec!.get('/api/sealed-records/verify')).body as Loose;
    expect(bad.ok).toBe(false);
    expect(bad.problems).toEqual([
      {
        seq: 1,
        label: expect.stringMatching(/^Protocol: General assembly of March/),
        problem: 'changed since sealing: body changed',
      },
    ]);
  });
});
