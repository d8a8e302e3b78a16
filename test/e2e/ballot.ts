// Browser journey of issue 5 (how an assembly decides): an STV election among 5 candidates for 3 seats by 20
// voters, each in their own browser context (own session). The chair creates the election, nominates, a candidate
// consents on their own screen (the others too; one consent is recorded by the chair), announces and opens a
// secret ballot; the voters' browsers obtain their blind eligibility tokens, rank the candidates with the keyboard
// (number inputs) and cast without cookies, keeping a receipt; the chair sees the ballots arrive live and closes;
// the round-by-round transcript is shown, the recount from the published board matches, the projector shows the
// elected, a voter checks their ballot on the board; the protocol is generated, approved and sealed with the result.
//
// The 20 accounts do not exist in the demo organisation, so this journey serves its own small organisation from an
// in-process server (in-memory PGlite, the built web app) seeded with the test factories; it shares only the
// browser of web.test.ts.
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/app/server.js';
import { makeBody, makeOffice, makeOrganisation, makePerson } from '../support/factories.js';
import { makeMeeting } from '../support/assembly-factory.js';
import { ROOT, fieldSays, screenshot, signIn, type Harness } from './harness.js';

interface Voter {
  login: string;
  id: string;
  name: string;
  family: string;
}

interface Session {
  name: string;
  ctx: BrowserContext;
  page: Page;
  errors: string[];
}

/** Candidates A–E (voters 3–7) and the other voters. */
const CANDIDATES = [
  ['Anna', 'Antonova'],
  ['Boris', 'Belov'],
  ['Cyril', 'Chernov'],
  ['Darya', 'Dyakova'],
  ['Egor', 'Egorov'],
] as const;
const OTHERS = [
  ['Zakhar', 'Zimin'], // the chair
  ['Yulia', 'Yakovleva'], // the secretary
  ['Vasily', 'Voronov'],
  ['Ustin', 'Ustinov'],
  ['Tamara', 'Tarasova'],
  ['Semyon', 'Sokolov'],
  ['Roman', 'Rybakov'],
  ['Polina', 'Panova'],
  ['Oleg', 'Orlov'],
  ['Nikita', 'Nikitin'],
  ['Maria', 'Markova'],
  ['Lev', 'Lebedev'],
  ['Klavdia', 'Kuznetsova'],
  ['Ivan', 'Ilyin'],
  ['Galina', 'Gromova'],
] as const;
/** A 21st participant, present, who tries to cast only after the close. */
const LATE = ['Praskovya', 'Pavlova'] as const;

/**
 * The 20 ballots, by candidate letter. Scottish STV, 3 seats, quota floor(20/4)+1 = 6: stage 1 A 8, B 3, C 2,
 * D 3, E 4 — A elected, surplus 2 to B (5); C excluded (2 to D: 5); E excluded (2 to D: 7, 2 exhausted via C) —
 * D elected; B is the last continuing candidate for the last seat. Elected: A, D, B.
 */
const BALLOTS: string[] = [
  ...Array<string>(8).fill('ABC'),
  ...Array<string>(3).fill('BA'),
  ...Array<string>(2).fill('CD'),
  ...Array<string>(3).fill('DC'),
  ...Array<string>(2).fill('ED'),
  ...Array<string>(2).fill('EC'),
];

/** The voters' password (accounts made here must have at least 8 characters). */
const PASSWORD = 'arsenal-1934';

const poll = <T>(fn: () => Promise<T> | T, timeout = 20_000) => expect.poll(fn, { timeout, interval: 200 });

async function text(page: Page, testId: string): Promise<string> {
  const l = page.getByTestId(testId);
  return (await l.count()) ? ((await l.first().textContent()) ?? '').trim() : '';
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tablist', { name: 'Meeting controls' }).getByRole('tab', { name, exact: true }).click();
}

async function noError(page: Page): Promise<void> {
  const errs = (await page.getByTestId('form-error').allTextContents()).map((s) => s.trim()).filter(Boolean);
  expect(errs, 'error messages on the page').toEqual([]);
}

/**
 * A small organisation: one primary organisation whose members (with accounts, in the given language) are the
 * participants of a general assembly in session, all present; the first chairs it, the second is its secretary.
 */
async function seedMeeting(
  server: RunningServer,
  people: readonly (readonly [string, string, ('en' | 'ru')?])[],
  agenda: string[],
  preset: 'union-federation' | 'party-1934' = 'union-federation',
): Promise<{ meetingId: string; voters: Voter[] }> {
  const db = server.handle.db;
  const org = await makeOrganisation(db, { name: 'Union of the Vyborg side', preset });
  const root = await makeBody(db, org, 'central_committee', null, { name: 'Federation executive' });
  const branch = await makeBody(db, org, 'primary_organisation', root, { name: 'Branch of the Arsenal works' });
  const voters: Voter[] = [];
  for (const [i, [given, family, locale]] of people.entries()) {
    const p = await makePerson(db, org, branch, { givenName: given, familyName: family });
    const login = `voter.${String(i + 1).padStart(2, '0')}`;
    await server.services.auth.createAccount({ personId: p.id, login, password: PASSWORD, locale: locale ?? 'en' });
    voters.push({ login, id: p.id, name: `${family} ${given}`, family });
  }
  const meeting = await makeMeeting(db, {
    body: branch,
    title: 'General assembly of the Arsenal branch',
    agenda,
    participants: voters,
    present: voters,
    roles: [
      { person: voters[0]!, role: 'chair', how: 'elected' },
      { person: voters[1]!, role: 'secretary', how: 'elected' },
    ],
    open: true,
  });
  return { meetingId: meeting.id, voters };
}

/** An in-process server over an empty in-memory database, and the browser sessions of one journey. */
async function stage(h: Harness) {
  const server = await startServer(
    { dataDir: 'memory://', databaseUrl: undefined, port: 0, host: '127.0.0.1', secureCookies: false },
    { log: () => undefined, webDir: path.join(ROOT, 'dist/web') },
  );
  const sessions: Session[] = [];
  return {
    server,
    sessions,
    /** Signs a person in, in a new browser context (their own device and session). */
    open: async (name: string, login: string, viewport = { width: 1280, height: 900 }): Promise<Session> => {
      const ctx = await h.browser.newContext({ baseURL: server.url, viewport, locale: 'en-GB' });
      ctx.setDefaultTimeout(20_000);
      const page = await ctx.newPage();
      const s: Session = { name, ctx, page, errors: [] };
      page.on('pageerror', (e) => s.errors.push(e.message));
      page.on('dialog', (d) => void d.accept());
      sessions.push(s);
      await signIn(page, login, PASSWORD);
      return s;
    },
    /** Closes a session that is done, after checking its pages threw nothing. */
    done: async (s: Session) => {
      expect(s.errors, `uncaught errors in ${s.name}`).toEqual([]);
      await s.ctx.close();
      sessions.splice(sessions.indexOf(s), 1);
    },
    /** Screenshots of every open page, named after the journey, added to the error. */
    failed: async (journey: string, err: unknown) => {
      const shots: string[] = [];
      for (const s of sessions)
        for (const [i, p] of s.ctx.pages().entries())
          shots.push(await screenshot(p, `failed-${journey}-${s.name}-${i}`));
      if (err instanceof Error) err.message += `\n(screenshots: ${shots.join(', ')})`;
    },
    close: async () => {
      for (const s of sessions) await s.ctx.close().catch(() => undefined);
      await server.close();
    },
  };
}

export function ballotJourneys(harness: () => Harness): void {
  describe('decisions', () => {
    it('an STV election, 5 candidates for 3 seats, 20 voters in their own sessions: secret ballot, a late ballot refused, transcript, recount, sealed protocol, receipt check catching an altered board', async () => {
      const st = await stage(harness());
      const { server, sessions, open, done } = st;
      try {
        const { meetingId, voters } = await seedMeeting(
          server,
          [OTHERS[0], OTHERS[1], ...CANDIDATES, ...OTHERS.slice(2), LATE],
          ['Election of the branch bureau', 'Any other business'],
        );
        const [chairV, secretaryV] = voters as [Voter, Voter];
        const cand = voters.slice(2, 7);
        const letter = (c: string) => cand['ABCDE'.indexOf(c)]!;
        const url = `/meetings/${meetingId}`;

        // --- the chair creates the election and nominates five candidates --------------------------------
        const chair = await open('chair', chairV.login);
        const cp = chair.page;
        await cp.goto(url);
        await poll(() => text(cp, 'meeting-status')).toBe('In session');
        await openTab(cp, 'Elections');
        const create = cp.getByTestId('create-election');
        await create.getByLabel('Agenda item').selectOption({ label: '1. Election of the branch bureau' });
        await create.getByLabel('Title', { exact: true }).fill('Bureau of the Arsenal branch');
        await create.getByLabel('Office').selectOption('bureau');
        await create.getByLabel('Seats').fill('3');
        await create.getByLabel('Counting method').selectOption('scottish_stv');
        await create.getByLabel('Ballot', { exact: true }).selectOption('secret');
        await create.getByRole('button', { name: 'Create', exact: true }).click();
        const election = cp.getByTestId('election');
        await election.waitFor();
        await noError(cp);
        expect(await election.textContent()).toContain('STV (Scottish rules)');
        for (const c of cand) {
          const search = election.getByRole('searchbox', { name: 'Nominate a candidate' });
          await search.fill(c.family);
          await search.press('Enter');
          await election.locator('.picker-list button').filter({ hasText: c.family }).first().click();
          await poll(() => election.getByTestId('candidate').filter({ hasText: c.name }).count()).toBe(1);
        }
        await poll(() => election.getByTestId('candidate').count()).toBe(5);
        await noError(cp);

        // four candidates consent on their own screens; the chair records the fifth's consent given aloud
        await Promise.all(
          cand.slice(0, 4).map(async (c) => {
            const s = await open(`candidate-${c.family}`, c.login);
            await s.page.goto(url);
            await openTab(s.page, 'Elections');
            const prompt = s.page.getByTestId('consent-prompt');
            await prompt.waitFor();
            expect(await prompt.textContent()).toContain('Bureau of the Arsenal branch');
            await prompt.getByRole('button', { name: 'I agree to stand' }).click();
            await poll(() => s.page.getByTestId('consent-prompt').count()).toBe(0);
            await noError(s.page);
            await done(s);
          }),
        );
        const fifth = cand[4]!;
        await election.getByRole('button', { name: `Record consent of ${fifth.name}` }).click();
        await poll(() => election.locator('[data-testid="candidate"][data-consent="consented"]').count()).toBe(5);

        // --- the chair announces a secret ballot on the election and opens it ----------------------------------
        await openTab(cp, 'Votes');
        const announce = cp.getByTestId('announce-form');
        await announce.getByLabel('What is voted on').selectOption('election');
        await announce.getByLabel('How').selectOption('secret');
        await announce.getByRole('button', { name: 'Announce the vote' }).click();
        const voteCard = cp.getByTestId('vote-card').first();
        await poll(() => voteCard.getAttribute('data-status')).toBe('announced');
        await voteCard.getByRole('button', { name: 'Open the vote' }).click();
        await poll(() => voteCard.getAttribute('data-status')).toBe('open');
        await noError(cp);

        // the projector (a second screen of the chair's) shows the vote in progress
        const proj = await chair.ctx.newPage();
        proj.on('pageerror', (e) => chair.errors.push(`projector: ${e.message}`));
        await proj.goto(`${url}/projector`);
        await poll(() => text(proj, 'live-vote-title')).toBe('Bureau of the Arsenal branch');
        await poll(() => text(proj, 'live-vote-status')).toBe('Voting');
        await poll(() => text(proj, 'live-vote-received')).toBe('0');

        // --- 20 voters rank and cast, five at a time, each in their own session --------------------------------
        const receipts = new Map<string, string>();
        const castBy = async (s: Session, v: Voter, ballot: string) => {
          const page = s.page;
          if (page.url() !== `${server.url}${url}`) await page.goto(url);
          const box = page.getByTestId('ballot-box');
          const form = box.getByTestId('ballot-form');
          // the ballot is taken only on the device the voter chooses
          await box.getByTestId('vote-here').click();
          await form.waitFor({ timeout: 30_000 });
          expect(await form.getByTestId('ballot-candidate').count()).toBe(5);
          for (const [i, l] of [...ballot].entries()) {
            await form.getByLabel(`Rank for ${letter(l).name}`, { exact: true }).fill(String(i + 1));
          }
          await poll(() => text(page, 'ranking-preview')).toContain(`1. ${letter(ballot[0]!).name}`);
          if (process.env.E2E_SHOTS && v === voters[2]) await screenshot(page, `ok-ballot-form-${v.login}`);
          const sent: Request[] = [];
          page.on('request', (r) => {
            if (r.method() === 'POST' && r.url().endsWith('/ballots')) sent.push(r);
          });
          await form.getByRole('button', { name: 'Cast my ballot' }).click();
          await poll(() => text(page, 'receipt-code')).toMatch(/^[0-9a-f]{64}$/);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, 'no sideways scrolling').toBeLessThanOrEqual(1);
          if (process.env.E2E_SHOTS && v === voters[2]) await screenshot(page, `ok-ballot-receipt-${v.login}`);
          receipts.set(v.login, await text(page, 'receipt-code'));
          expect(sent).toHaveLength(1);
          const headers = await sent[0]!.allHeaders();
          expect(headers['cookie'], 'a ballot carries no cookie').toBeUndefined();
          expect(headers['x-csrf-token']).toBeUndefined();
          await noError(page);
        };
        // the chair votes from the console's page, the secretary keeps their session for the protocol
        await castBy(chair, chairV, BALLOTS[0]!);
        const secretary = await open('secretary', secretaryV.login);
        await castBy(secretary, secretaryV, BALLOTS[1]!);
        const rest = voters.slice(2, 20);
        const lateV = voters[20]!;
        for (let i = 0; i < rest.length; i += 6) {
          await Promise.all(
            rest.slice(i, i + 6).map(async (v, j) => {
              const s = await open(`voter-${v.family}`, v.login, { width: 390, height: 844 });
              await castBy(s, v, BALLOTS[2 + i + j]!);
              await done(s);
            }),
          );
        }
        expect(new Set(receipts.values()).size).toBe(20);

        // the chair sees every ballot arrive, live; so does the projector
        await poll(() => text(cp, 'vote-received')).toBe('20');
        await poll(() => text(proj, 'live-vote-received')).toBe('20');

        // a 21st participant fills in a ballot, on a phone that has lost the live stream (it still shows the vote
        // open), and casts only after the close: refused, with the server's message
        const late = await open('late-voter', lateV.login, { width: 390, height: 844 });
        await late.page.route('**/stream', (r) => r.abort());
        await late.page.goto(url);
        const lateForm = late.page.getByTestId('ballot-form');
        await late.page.getByTestId('vote-here').click();
        await lateForm.waitFor({ timeout: 30_000 });
        await lateForm.getByLabel(`Rank for ${letter('E').name}`, { exact: true }).fill('1');

        // --- the chair closes the vote: the result, the transcript, the board and the recount -------------------
        await voteCard.getByRole('button', { name: 'Close the vote' }).click();
        await poll(() => voteCard.getAttribute('data-status')).toBe('closed');
        await noError(cp);
        await lateForm.getByRole('button', { name: 'Cast my ballot' }).click();
        await poll(() => text(late.page, 'form-error')).toContain(
          'The vote is closed (or cancelled), so nothing more is recorded in it. A ballot that arrives after the close is NOT counted.',
        );
        expect(await late.page.getByTestId('receipt').count()).toBe(0);
        await done(late);
        await openTab(cp, 'Elections');
        const result = cp.getByTestId('election-result');
        await result.waitFor();
        const elected = await result.getByTestId('elected-list').locator('li').allTextContents();
        expect(elected).toEqual([letter('A').name, letter('D').name, letter('B').name]);
        const transcript = result.getByTestId('stv-transcript');
        expect(await transcript.locator('caption').textContent()).toBe('Round-by-round count');
        expect(await transcript.getByTestId('stv-round').count()).toBeGreaterThanOrEqual(3);
        const heads = await transcript.locator('thead th').allTextContents();
        for (const c of cand) expect(heads).toContain(c.name);
        expect(heads).toEqual(expect.arrayContaining(['Round', 'Exhausted', 'Quota', 'What happened']));
        // stage 1: A 8, B 3, C 2, D 3, E 4; quota 6
        const first = await transcript.getByTestId('stv-round').first().locator('td').allTextContents();
        expect(first.slice(0, 5).map((c) => c.split(/\s/)[0])).toEqual(['8', '3', '2', '3', '4']);
        const hash = await text(cp, 'board-hash');
        expect(hash).toMatch(/^[0-9a-f]{64}$/);
        expect(await result.getByTestId('blt-link').getAttribute('href')).toBe(
          `/api/votes/${await voteIdOf(cp)}/board.blt`,
        );
        await result.getByRole('button', { name: 'Recount from the board' }).click();
        await poll(() => result.getByTestId('recount-result').getAttribute('data-matches')).toBe('true');
        expect(await text(cp, 'recount-result')).toBe(
          'The recount from the published board matches the official result.',
        );
        if (process.env.E2E_SHOTS) await screenshot(cp, 'ok-ballot-election-result');

        // the projector shows the elected
        await poll(() => text(proj, 'live-vote-status')).toBe('Closed');
        await poll(() => text(proj, 'live-elected')).toBe(
          `Elected: ${letter('A').name}, ${letter('D').name}, ${letter('B').name}`,
        );

        // --- a voter checks their ballot on the published board ------------------------------------------------
        const sp = secretary.page;
        const box = sp.getByTestId('ballot-box');
        await poll(() => text(sp, 'ballot-status')).toBe('Closed');
        expect(await text(sp, 'receipt-code')).toBe(receipts.get(secretaryV.login));
        await box.getByRole('button', { name: 'Check my ballot' }).click();
        const outcome = box.getByTestId('check-outcome');
        await poll(() => outcome.getAttribute('data-ok')).toBe('true');
        expect(await outcome.textContent()).toContain(hash);
        expect(await outcome.textContent()).toContain('20 ballots on the board');

        // --- the chair closes the meeting; the secretary generates, approves and seals the protocol -----------
        await openTab(cp, 'Chair console');
        await cp.getByTestId('session-controls').getByRole('button', { name: 'Close the meeting' }).click();
        await poll(() => text(cp, 'meeting-status')).toBe('Closed');
        await noError(cp);
        await openTab(sp, 'Protocol');
        const protocol = sp.getByTestId('protocol-panel');
        await protocol.getByLabel('Language of the protocol').selectOption('en');
        await protocol.getByRole('button', { name: 'Generate the protocol' }).click();
        const textarea = protocol.getByLabel('Protocol', { exact: true });
        await textarea.waitFor({ timeout: 60_000 });
        await protocol.getByRole('button', { name: 'Approve', exact: true }).click();
        await poll(() => text(sp, 'protocol-status')).toMatch(/^Approved/);
        await protocol.getByRole('button', { name: 'Seal', exact: true }).click();
        await poll(() => text(sp, 'protocol-status')).toMatch(/^Sealed/);
        expect(await text(sp, 'seal-hash')).toMatch(/^[0-9a-f]{64}$/);
        const sealed = await textarea.inputValue();
        expect(sealed).toContain('Bureau of the Arsenal branch');
        expect(sealed).toContain(`ELECTED: ${letter('A').name}, ${letter('D').name}, ${letter('B').name}.`);
        expect(sealed).toContain(hash);
        await noError(sp);

        // --- someone alters another voter's ballot on the board after publication: the check catches it ---------
        const other = [...receipts.entries()].find(([login]) => login !== secretaryV.login)![1];
        // (the database refuses to change a ballot: the forger has to switch its guard off first)
        const db = server.handle.db;
        await sql`alter table ballot disable trigger ballot_immutable`.execute(db);
        await sql`update ballot set content = ${JSON.stringify({ prefs: [letter('E').id] })}::jsonb
          where receipt = ${other}`.execute(db);
        await sql`alter table ballot enable trigger ballot_immutable`.execute(db);
        await box.getByRole('button', { name: 'Check my ballot' }).click();
        await poll(() => box.getByTestId('check-outcome').getAttribute('data-ok')).toBe('false');
        const alarm = (await box.getByTestId('check-outcome').textContent()) ?? '';
        expect(alarm).toContain('Warning: the check failed.');
        expect(alarm).toContain(
          'The ballots on the published board, hashed by your browser, do not give the fingerprint announced with the result',
        );

        for (const s of sessions) expect(s.errors, `uncaught errors in ${s.name}`).toEqual([]);
        if (process.env.E2E_SHOTS) {
          for (const s of sessions) await screenshot(s.page, `ok-ballot-${s.name}`);
          await screenshot(proj, 'ok-ballot-projector');
        }
      } catch (err) {
        await st.failed('ballot', err);
        throw err;
      } finally {
        await st.close();
      }
    }, 600_000);

    it('a motion and its amendment: moved, supported, the amendment carried by a show of hands counted by the tellers, the motion by roll-call, a minority opinion in Russian', async () => {
      const st = await stage(harness());
      const { server, open } = st;
      try {
        const { meetingId, voters } = await seedMeeting(
          server,
          [
            ['Zakhar', 'Zimin'],
            ['Yulia', 'Yakovleva'],
            ['Vasily', 'Voronov'],
            ['Ustin', 'Ustinov'],
            ['Tamara', 'Tarasova', 'ru'],
          ],
          ['Working hours in the foundry', 'Any other business'],
        );
        const [chairV, , mover, seconder, dissenter] = voters as [Voter, Voter, Voter, Voter, Voter];
        const url = `/meetings/${meetingId}`;
        const text0 =
          'The foundry works two shifts of ten hours; the night shift is paid at one and a half times the rate.';

        // --- a member moves a motion on the current item; another supports it and moves an amendment ---------
        const m = await open('mover', mover.login);
        await m.page.goto(url);
        await openTab(m.page, 'Motions');
        const panel = m.page.getByTestId('motions-panel');
        await panel.getByRole('button', { name: 'Propose a motion' }).click();
        const propose = panel.getByTestId('propose-motion');
        // the contract's own checks speak under each field: a motion without a title and a text is not sent
        await propose.getByRole('button', { name: 'Propose', exact: true }).click();
        for (const label of ['Title of the motion', 'Text of the motion']) {
          await poll(() => fieldSays(propose.getByLabel(label))).toEqual({ invalid: 'true', message: 'Fill this in.' });
        }
        expect(((await propose.getByTestId('form-error').textContent()) ?? '').trim()).toBe(
          '2 fields need attention: see the messages under them.',
        );
        expect(await panel.getByTestId('motion').count()).toBe(0);
        await propose.getByLabel('Title of the motion').fill('Shifts in the foundry');
        await propose.getByLabel('Text of the motion').fill(text0);
        await propose.getByRole('button', { name: 'Propose', exact: true }).click();
        const motion = panel.getByTestId('motion').first();
        await poll(() => text(m.page, 'motion-status')).toBe('Proposed');
        expect(await motion.textContent()).toContain('1 more needed before the vote');
        await noError(m.page);

        const sec = await open('seconder', seconder.login);
        await sec.page.goto(url);
        await openTab(sec.page, 'Motions');
        const sMotion = sec.page.getByTestId('motion').first();
        await sMotion.getByRole('button', { name: 'Support', exact: true }).click();
        await poll(() => sMotion.getByTestId('motion-status').first().textContent()).toBe('Supported');
        expect(await sMotion.textContent()).toMatch(new RegExp(`Supporters: 1: [^·]*${seconder.family}`));
        await sMotion.getByRole('button', { name: 'Propose an amendment' }).click();
        const amend = sMotion.getByTestId('propose-amendment');
        // a phrase that is not in the text is refused before it is sent
        await amend.getByLabel('Words replaced').fill('twelve hours');
        await amend.getByLabel('New words').fill('eight hours');
        await amend.getByRole('button', { name: 'Propose the amendment' }).click();
        await poll(async () => (await amend.getByTestId('form-error').textContent()) ?? '').toContain(
          'The words to replace do not appear in the current text.',
        );
        await amend.getByLabel('Words replaced').fill('ten hours');
        await amend.getByRole('button', { name: 'Propose the amendment' }).click();
        const amendment = sMotion.getByTestId('amendment');
        await poll(() => amendment.count()).toBe(1);
        expect(await amendment.locator('del').textContent()).toBe('ten hours');
        expect(await amendment.locator('ins').textContent()).toBe('eight hours');
        await noError(sec.page);

        // the mover supports the amendment
        const mAmendment = m.page.getByTestId('amendment');
        await poll(() => mAmendment.count()).toBe(1);
        await mAmendment.getByRole('button', { name: 'Support', exact: true }).click();
        await poll(() => mAmendment.locator('.badge').textContent()).toBe('Supported');

        // --- the chair puts the amendment to an open vote; the tellers' count; carried -------------------------
        const ch = await open('chair', chairV.login);
        await ch.page.goto(url);
        await openTab(ch.page, 'Votes');
        const announce = ch.page.getByTestId('announce-form');
        await announce.getByLabel('What is voted on').selectOption('motion');
        await announce.getByLabel('Motion', { exact: true }).selectOption({ label: 'Amendment 2 to motion 1' });
        await announce.getByLabel('How').selectOption('open');
        await announce.getByRole('button', { name: 'Announce the vote' }).click();
        const card = ch.page.getByTestId('vote-card').first();
        await poll(() => card.getAttribute('data-status')).toBe('announced');
        await card.getByRole('button', { name: 'Open the vote' }).click();
        await poll(() => card.getAttribute('data-status')).toBe('open');
        // every participant's screen says the vote is by show of hands
        await poll(() => text(sec.page, 'ballot-status')).toBe('Voting');
        const count = card.getByTestId('count-form');
        await count.getByLabel('For', { exact: true }).fill('4');
        await count.getByLabel('Against', { exact: true }).fill('1');
        await count.getByLabel('Abstain', { exact: true }).fill('0');
        await count.getByRole('button', { name: 'Enter the count' }).click();
        await poll(() => count.locator('.act-done').textContent()).toBe('Done.');
        await card.getByRole('button', { name: 'Close the vote' }).click();
        await poll(() => card.getAttribute('data-status')).toBe('closed');
        await poll(() => text(ch.page, 'vote-carried')).toMatch(/^Carried/);
        expect(await text(ch.page, 'vote-result')).toContain('For 4, against 1, abstained 0');
        await noError(ch.page);
        // the motion's current text has the amendment in it
        await poll(() => text(m.page, 'motion-text')).toBe(text0.replace('ten hours', 'eight hours'));

        // --- the motion by roll-call: the secretary's sheet (here the chair's) records each named vote --------
        await announce.getByLabel('What is voted on').selectOption('motion');
        await announce.getByLabel('Motion', { exact: true }).selectOption({ label: 'Motion 1: Shifts in the foundry' });
        await announce.getByLabel('How').selectOption('roll_call');
        await announce.getByRole('button', { name: 'Announce the vote' }).click();
        await poll(() => ch.page.getByTestId('vote-card').count()).toBe(2);
        const rc = ch.page.getByTestId('vote-card').first();
        await poll(() => rc.getAttribute('data-status')).toBe('announced');
        await rc.getByRole('button', { name: 'Open the vote' }).click();
        await poll(() => rc.getAttribute('data-status')).toBe('open');
        const sheet = rc.getByTestId('roll-call-sheet');
        await poll(() => sheet.getByTestId('roll-row').count()).toBe(5);
        const choices: [Voter, string][] = [
          [voters[0]!, 'For'],
          [voters[1]!, 'For'],
          [mover, 'For'],
          [seconder, 'Abstain'],
        ];
        for (const [v, c] of choices) {
          await sheet.getByRole('button', { name: new RegExp(`^${c} — .*${v.family}`) }).click();
          await poll(() =>
            sheet.getByTestId('roll-row').filter({ hasText: v.family }).locator('td').first().textContent(),
          ).toBe(c);
        }
        // the dissenter votes against by name from their own phone, in Russian
        const d = await open('dissenter', dissenter.login, { width: 390, height: 844 });
        await d.page.goto(`${url}/delegate`);
        await poll(() => d.page.getAttribute('html', 'lang')).toBe('ru');
        const box = d.page.getByTestId('ballot-box');
        await box.getByRole('button', { name: 'Против', exact: true }).click();
        await poll(async () => (await box.locator('.act-done').textContent()) ?? '').toBe(
          'Ваш голос «Против» записан поимённо.',
        );
        await poll(() =>
          sheet.getByTestId('roll-row').filter({ hasText: dissenter.family }).locator('td').first().textContent(),
        ).toBe('Against');
        await rc.getByRole('button', { name: 'Close the vote' }).click();
        await poll(() => rc.getAttribute('data-status')).toBe('closed');
        await poll(async () => (await rc.getByTestId('vote-result').textContent()) ?? '').toContain(
          'For 3, against 1, abstained 1',
        );
        expect(await rc.getByTestId('vote-carried').textContent()).toMatch(/^Carried/);
        await noError(ch.page);
        // the phone shows the result, live
        await poll(() => text(d.page, 'live-vote-status')).toBe('Закрыто');
        expect(await text(d.page, 'vote-carried')).toMatch(/^Принято/);

        // --- the dissenter records a minority opinion, in Russian --------------------------------------------
        await d.page.goto(url);
        await d.page
          .getByRole('tablist', { name: 'Управление собранием' })
          .getByRole('tab', { name: 'Предложения' })
          .click();
        const dm = d.page.getByTestId('motion').first();
        await poll(() => dm.getByTestId('motion-status').first().textContent()).toBe('Принято');
        await dm.getByRole('button', { name: 'Записать особое мнение' }).click();
        const opinion = 'Восемь часов в литейном — мало для плана; я против.';
        // an empty opinion: the contract's check says so under the field, in Russian
        await dm.getByTestId('minority-opinion').getByRole('button', { name: 'Записать', exact: true }).click();
        await poll(() => fieldSays(dm.getByLabel('Особое мнение'))).toEqual({
          invalid: 'true',
          message: 'Заполните это поле.',
        });
        expect(((await dm.getByTestId('minority-opinion').getByTestId('form-error').textContent()) ?? '').trim()).toBe(
          'Одно поле требует внимания: см. сообщение под ним.',
        );
        await dm.getByLabel('Особое мнение').fill(opinion);
        await dm.getByTestId('minority-opinion').getByRole('button', { name: 'Записать', exact: true }).click();
        await poll(async () => (await dm.locator('.opinions').textContent()) ?? '').toContain(opinion);
        await noError(d.page);
        const overflow = await d.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, 'no sideways scrolling on a phone').toBeLessThanOrEqual(1);

        for (const s of st.sessions) expect(s.errors, `uncaught errors in ${s.name}`).toEqual([]);
        if (process.env.E2E_SHOTS) for (const s of st.sessions) await screenshot(s.page, `ok-motions-${s.name}`);
      } catch (err) {
        await st.failed('motions', err);
        throw err;
      } finally {
        await st.close();
      }
    }, 300_000);

    it('the credentials commission of a district conference enters mandates, confirms within the norm, rejects one with a reason', async () => {
      const st = await stage(harness());
      const { server, open } = st;
      try {
        const db = server.handle.db;
        const org = await makeOrganisation(db, { name: 'Union of the Vyborg side', preset: 'union-federation' });
        const root = await makeBody(db, org, 'central_committee', null, { name: 'Federation executive' });
        const district = await makeBody(db, org, 'district_committee', root, { name: 'Vyborg district council' });
        const arsenal = await makeBody(db, org, 'primary_organisation', district, { name: 'Arsenal works branch' });
        const depot = await makeBody(db, org, 'primary_organisation', district, { name: 'Tram depot branch' });
        const member = (body: { id: string }, given: string, family: string) =>
          makePerson(db, org, body, { givenName: given, familyName: family }).then((p) => ({ ...p, family }));
        const d1 = await member(arsenal, 'Fyodor', 'Fomin');
        const d2 = await member(arsenal, 'Gleb', 'Gusev');
        await member(arsenal, 'Inna', 'Isaeva');
        const d3 = await member(depot, 'Kira', 'Klimova');
        const commissioner = await member(district, 'Lidia', 'Lvova');
        await makeOffice(db, district, commissioner, 'secretary');
        await server.services.auth.createAccount({
          personId: commissioner.id,
          login: 'credentials',
          password: PASSWORD,
        });
        const meeting = await makeMeeting(db, {
          body: district,
          kind: 'conference',
          title: 'Vyborg district conference',
          agenda: ['Report of the credentials commission'],
          participants: [commissioner],
          roles: [{ person: commissioner, role: 'credentials', how: 'elected' }],
        });

        const c = await open('credentials', 'credentials');
        await c.page.goto(`/meetings/${meeting.id}`);
        await openTab(c.page, 'Mandates');
        const panel = c.page.getByTestId('mandates-panel');
        const form = panel.getByTestId('enter-mandate');
        for (const [d, body] of [
          [d1, 'Arsenal works branch'],
          [d2, 'Arsenal works branch'],
          [d3, 'Tram depot branch'],
        ] as const) {
          const who = form.getByRole('searchbox', { name: 'Find the delegate' });
          await who.fill(d.family);
          await who.press('Enter');
          await form.locator('.picker-list button').filter({ hasText: d.family }).first().click();
          await poll(() => text(c.page, 'mandate-person')).toContain(d.family);
          const from = form.getByRole('searchbox', { name: 'Find the electing body' });
          await from.fill(body);
          await from.press('Enter');
          await form.locator('.picker-list button').filter({ hasText: body }).first().click();
          await poll(() => text(c.page, 'mandate-body')).toContain(body);
          await form.getByRole('button', { name: 'Enter the mandate' }).click();
          await poll(() => panel.getByTestId('mandate').filter({ hasText: d.family }).count()).toBe(1);
        }
        await noError(c.page);
        // the Arsenal branch (3 members, one delegate per 50 under the statute) has sent two: over the norm
        const arsenalRow = panel.getByTestId('quotas').locator('tbody tr').filter({ hasText: 'Arsenal works branch' });
        expect((await arsenalRow.locator('td').allTextContents()).map((s) => s.trim())).toEqual([
          '3',
          '1',
          '2over the norm',
        ]);
        const row = (d: { family: string }) => panel.getByTestId('mandate').filter({ hasText: d.family });
        await row(d1)
          .getByRole('button', { name: /^Confirm the mandate of / })
          .click();
        await poll(() => row(d1).getAttribute('data-status')).toBe('confirmed');
        // a second Arsenal mandate cannot be confirmed within the norm: the server says why
        await row(d2)
          .getByRole('button', { name: /^Confirm the mandate of / })
          .click();
        await poll(async () => ((await row(d2).getByTestId('form-error').textContent()) ?? '').trim()).not.toBe('');
        expect(await row(d2).getAttribute('data-status')).toBe('submitted');
        // a rejection without a reason is not sent: the check speaks under the reason
        await row(d2)
          .getByRole('button', { name: /^Reject the mandate of / })
          .click();
        await poll(() => fieldSays(row(d2).getByRole('textbox'))).toEqual({
          invalid: 'true',
          message: 'Fill this in.',
        });
        expect(await row(d2).getAttribute('data-status')).toBe('submitted');
        await row(d2).getByRole('textbox').fill('The branch elected more delegates than the norm allows.');
        await row(d2)
          .getByRole('button', { name: /^Reject the mandate of / })
          .click();
        await poll(() => row(d2).getAttribute('data-status')).toBe('rejected');
        expect(await row(d2).textContent()).toContain('The branch elected more delegates than the norm allows.');
        await row(d3)
          .getByRole('button', { name: /^Confirm the mandate of / })
          .click();
        await poll(() => row(d3).getAttribute('data-status')).toBe('confirmed');
        await poll(() => text(c.page, 'seated-count')).toBe('Seated: 2 of 3 mandates.');
        await poll(async () => (await arsenalRow.locator('td').allTextContents()).map((s) => s.trim())).toEqual([
          '3',
          '1',
          '1',
        ]);
        expect(c.errors).toEqual([]);
        if (process.env.E2E_SHOTS) await screenshot(c.page, 'ok-mandates');
      } catch (err) {
        await st.failed('mandates', err);
        throw err;
      } finally {
        await st.close();
      }
    }, 300_000);

    it('a block vote for two seats by secret ballot (at most two marks) and a single seat by show of hands counted per candidate', async () => {
      const st = await stage(harness());
      const { server, open, done } = st;
      try {
        const { meetingId, voters } = await seedMeeting(
          server,
          [
            ['Zakhar', 'Zimin'],
            ['Yulia', 'Yakovleva'],
            ['Anna', 'Antonova'],
            ['Boris', 'Belov'],
            ['Cyril', 'Chernov'],
          ],
          ['Elections of the auditing commission', 'Any other business'],
          'party-1934',
        );
        const [chairV] = voters as [Voter];
        const [a, b, c] = voters.slice(2) as [Voter, Voter, Voter];
        const url = `/meetings/${meetingId}`;
        const ch = await open('chair', chairV.login);
        const cp = ch.page;
        await cp.goto(url);
        const hold = async (title: string, seats: string, ballot: 'secret' | 'open', who: Voter[]) => {
          await openTab(cp, 'Elections');
          const create = cp.getByTestId('create-election');
          await create.getByLabel('Title', { exact: true }).fill(title);
          await create.getByLabel('Office').selectOption('commission');
          await create.getByLabel('Seats').fill(seats);
          await create.getByLabel('Counting method').selectOption('plurality');
          await create.getByLabel('Ballot', { exact: true }).selectOption(ballot);
          await create.getByRole('button', { name: 'Create', exact: true }).click();
          const el = cp.getByTestId('election').filter({ hasText: title });
          await el.waitFor();
          for (const v of who) {
            const search = el.getByRole('searchbox', { name: 'Nominate a candidate' });
            await search.fill(v.family);
            await search.press('Enter');
            await el.locator('.picker-list button').filter({ hasText: v.family }).first().click();
            await el.getByRole('button', { name: `Record consent of ${v.name}` }).click();
            await poll(() => el.locator('[data-testid="candidate"][data-consent="consented"]').count()).toBe(
              who.indexOf(v) + 1,
            );
          }
          await openTab(cp, 'Votes');
          const announce = cp.getByTestId('announce-form');
          await announce.getByLabel('What is voted on').selectOption('election');
          await announce.getByLabel('Election', { exact: true }).selectOption({ label: title });
          await announce.getByLabel('How').selectOption(ballot);
          await announce.getByRole('button', { name: 'Announce the vote' }).click();
          const card = cp.getByTestId('vote-card').filter({ hasText: title });
          await poll(() => card.getAttribute('data-status')).toBe('announced');
          await card.getByRole('button', { name: 'Open the vote' }).click();
          await poll(() => card.getAttribute('data-status')).toBe('open');
          await noError(cp);
          return { el, card };
        };

        // --- a block vote: two seats, at most two marks per ballot ---------------------------------------------
        const first = await hold('Auditing commission', '2', 'secret', [a, b, c]);
        const marks: [Voter, Voter[]][] = [
          [voters[0]!, [a, b]],
          [voters[1]!, [a, c]],
          [a, [b]],
          [b, [a, b]],
          [c, [c]],
        ];
        for (const [v, marked] of marks) {
          const s = v === chairV ? ch : await open(`voter-${v.family}`, v.login, { width: 390, height: 844 });
          if (v !== chairV) await s.page.goto(url);
          const form = s.page.getByTestId('ballot-form');
          await s.page.getByTestId('vote-here').click();
          await form.waitFor({ timeout: 30_000 });
          expect(await form.textContent()).toContain('Mark up to 2 candidates.');
          if (v === voters[1]) {
            // three marks are one too many: refused before anything is sent
            for (const x of [a, b, c]) await form.getByRole('checkbox', { name: x.name }).check();
            await form.getByRole('button', { name: 'Cast my ballot' }).click();
            await poll(() => form.getByRole('alert').textContent()).toBe('Mark at most 2 candidates.');
            for (const x of [a, b, c]) await form.getByRole('checkbox', { name: x.name }).uncheck();
          }
          for (const x of marked) await form.getByRole('checkbox', { name: x.name }).check();
          await form.getByRole('button', { name: 'Cast my ballot' }).click();
          await poll(() => text(s.page, 'receipt-code')).toMatch(/^[0-9a-f]{64}$/);
          await noError(s.page);
          if (v !== chairV) await done(s);
        }
        await poll(() => text(cp, 'vote-received')).toBe('5');
        await first.card.getByRole('button', { name: 'Close the vote' }).click();
        await poll(() => first.card.getAttribute('data-status')).toBe('closed');
        // A 3, B 3, C 2: A and B elected; the marks per candidate are shown
        expect(await first.card.getByTestId('elected-list').locator('li').allTextContents()).toEqual(
          expect.arrayContaining([a.name, b.name]),
        );
        expect(await first.card.getByTestId('elected-list').locator('li').count()).toBe(2);
        expect(await first.card.locator('.totals').textContent()).toContain(`${c.name}: 2`);
        await noError(cp);

        // --- a single seat by show of hands: the tellers count the hands for each candidate ---------------------
        const second = await hold('Delegate to the district conference', '1', 'open', [b, c]);
        const count = second.card.getByTestId('count-form');
        await count.getByLabel(`Hands for ${b.name}`).fill('2');
        await count.getByLabel(`Hands for ${c.name}`).fill('3');
        await count.getByRole('button', { name: 'Enter the count' }).click();
        await poll(() => count.locator('.act-done').textContent()).toBe('Done.');
        await second.card.getByRole('button', { name: 'Close the vote' }).click();
        await poll(() => second.card.getAttribute('data-status')).toBe('closed');
        expect(await second.card.getByTestId('elected-list').locator('li').allTextContents()).toEqual([c.name]);
        await openTab(cp, 'Elections');
        await poll(() => second.el.getByTestId('election-status').textContent()).toBe('Closed');
        await noError(cp);
        expect(ch.errors).toEqual([]);
        if (process.env.E2E_SHOTS) await screenshot(cp, 'ok-block-vote');
      } catch (err) {
        await st.failed('block-vote', err);
        throw err;
      } finally {
        await st.close();
      }
    }, 300_000);

    it('a voter opens the meeting on a desktop without taking the ballot and votes from a phone; another moves the ballot taken on one device to a second one by its transfer code, and the first can no longer cast it', async () => {
      const st = await stage(harness());
      const { server, open, done } = st;
      try {
        const { meetingId, voters } = await seedMeeting(
          server,
          [OTHERS[0], OTHERS[1], CANDIDATES[0], CANDIDATES[1]],
          ['Resolution on the production plan', 'Any other business'],
        );
        const [chairV, , anna, boris] = voters as [Voter, Voter, Voter, Voter];
        const url = `/meetings/${meetingId}`;
        const phone = { width: 360, height: 740 };
        const chair = await open('chair', chairV.login);
        const cp = chair.page;
        await cp.goto(url);
        await poll(() => text(cp, 'meeting-status')).toBe('In session');
        await openTab(cp, 'Votes');
        const announce = cp.getByTestId('announce-form');
        await announce.getByLabel('What is voted on').selectOption('question');
        await announce.getByLabel('How').selectOption('secret');
        await announce.getByLabel('Question', { exact: true }).fill('Adopt the production plan');
        await announce.getByRole('button', { name: 'Announce the vote' }).click();
        const card = cp.getByTestId('vote-card').first();
        await poll(() => card.getAttribute('data-status')).toBe('announced');
        await noError(cp);

        // --- Anna opens the meeting on her desktop while the vote is announced: no ballot is taken there ------
        const desk = await open('anna-desktop', anna.login);
        const deskTokenRequests: string[] = [];
        desk.page.on('request', (r) => {
          if (r.method() === 'POST' && /\/token(\/moved)?$/.test(r.url())) deskTokenRequests.push(r.url());
        });
        await desk.page.goto(url);
        await desk.page.getByTestId('vote-here').waitFor();
        expect(await desk.page.getByTestId('token-state').getAttribute('data-state')).toBe('none');
        await card.getByRole('button', { name: 'Open the vote' }).click();
        await poll(() => card.getAttribute('data-status')).toBe('open');
        await desk.page.getByTestId('vote-here').waitFor();
        expect(await desk.page.getByTestId('ballot-form').count()).toBe(0);

        // --- she votes from her phone (the delegate's view) ---------------------------------------------------
        const annaPhone = await open('anna-phone', anna.login, phone);
        await annaPhone.page.goto(`${url}/delegate`);
        await annaPhone.page.getByTestId('vote-here').click();
        const form = annaPhone.page.getByTestId('ballot-form');
        await form.waitFor({ timeout: 30_000 });
        await form.getByLabel('For', { exact: true }).check();
        await form.getByRole('button', { name: 'Cast my ballot' }).click();
        await poll(() => text(annaPhone.page, 'receipt-code')).toMatch(/^[0-9a-f]{64}$/);
        await noError(annaPhone.page);
        const overflow = await annaPhone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, 'no sideways scrolling on the phone').toBeLessThanOrEqual(1);
        // the token is forgotten once cast; the receipt is kept
        const kept = await annaPhone.page.evaluate(() =>
          Object.keys(localStorage)
            .filter((k) => k.startsWith('antaeus.ballot.'))
            .map((k) => localStorage.getItem(k) ?? ''),
        );
        expect(kept).toHaveLength(1);
        expect(kept[0]).toContain('"receipt"');
        expect(kept[0]).not.toContain('"token"');
        await done(annaPhone);
        // the desktop never asked for a token
        expect(deskTokenRequests).toEqual([]);
        await done(desk);

        // --- Boris takes his ballot on device A, shows its transfer code, and takes it on device B ------------
        const devA = await open('boris-a', boris.login);
        await devA.page.goto(url);
        await devA.page.getByTestId('vote-here').click();
        await devA.page.getByTestId('ballot-form').waitFor({ timeout: 30_000 });
        expect(await devA.page.getByTestId('token-state').getAttribute('data-state')).toBe('here');

        const devB = await open('boris-b', boris.login, phone);
        const bTokenRequests: string[] = [];
        devB.page.on('request', (r) => {
          if (r.method() === 'POST' && r.url().endsWith('/token')) bTokenRequests.push(r.url());
        });
        await devB.page.goto(`${url}/delegate`);
        // device B says plainly where the ballot is, and what to do
        await poll(() => devB.page.getByTestId('token-state').getAttribute('data-state')).toBe('elsewhere');
        expect(await text(devB.page, 'token-state')).toMatch(
          /^Your ballot token was taken on another device at \d{1,2}:\d\d\. Open it there, or show its transfer code there/,
        );
        expect(await devB.page.getByTestId('vote-here').count()).toBe(0);

        await devA.page.getByTestId('transfer-start').click();
        const shown = devA.page.getByTestId('transfer-show');
        await shown.waitFor();
        const code = await shown.getByTestId('transfer-code').inputValue();
        expect(code).toMatch(/^AT1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
        expect(await shown.locator('svg.qr').getAttribute('data-qr')).toBe(code);
        expect(await devA.page.getByTestId('ballot-form').count()).toBe(0);

        // a wrong code is refused in words; the right one moves the ballot
        const enter = devB.page.getByTestId('transfer-enter');
        await enter.getByTestId('transfer-input').fill(code.slice(0, -8) + 'AAAAAAAA');
        await enter.getByRole('button', { name: 'Take my ballot on this device' }).click();
        await poll(() => text(devB.page, 'form-error')).toContain('This is not a ballot transfer code for this vote.');
        await enter.getByTestId('transfer-input').fill(code);
        await enter.getByRole('button', { name: 'Take my ballot on this device' }).click();
        const formB = devB.page.getByTestId('ballot-form');
        await formB.waitFor({ timeout: 30_000 });
        expect(await devB.page.getByTestId('token-state').getAttribute('data-state')).toBe('here');
        await formB.getByLabel('Against', { exact: true }).check();
        await formB.getByRole('button', { name: 'Cast my ballot' }).click();
        await poll(() => text(devB.page, 'receipt-code')).toMatch(/^[0-9a-f]{64}$/);
        await noError(devB.page);
        expect(bTokenRequests, 'device B never obtained a token of its own').toEqual([]);
        expect(
          await devB.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        ).toBeLessThanOrEqual(1);

        // device A forgets the ballot and says where it went; it cannot cast it any more
        await poll(() => devA.page.getByTestId('token-state').getAttribute('data-state')).toBe('moved');
        expect(await text(devA.page, 'token-state')).toMatch(
          /^Your ballot token was moved to another device at \d{1,2}:\d\d\./,
        );
        expect(await devA.page.getByTestId('ballot-form').count()).toBe(0);
        expect(await devA.page.getByTestId('transfer-show').count()).toBe(0);
        const left = await devA.page.evaluate(() =>
          Object.keys(localStorage)
            .filter((k) => k.startsWith('antaeus.ballot.'))
            .map((k) => localStorage.getItem(k) ?? ''),
        );
        expect(left.join('')).not.toContain('"token"');
        await devA.page.reload();
        await poll(() => devA.page.getByTestId('token-state').getAttribute('data-state')).toBe('moved');
        expect(await devA.page.getByTestId('ballot-form').count()).toBe(0);
        await done(devA);
        await done(devB);

        // two ballots, one each
        await poll(() => text(cp, 'vote-received')).toBe('2');
        await card.getByRole('button', { name: 'Close the vote' }).click();
        await poll(() => card.getAttribute('data-status')).toBe('closed');
        expect(await card.textContent()).toContain('For 1, against 1, abstained 0');
        await noError(cp);
        expect(chair.errors).toEqual([]);
      } catch (err) {
        await st.failed('vote-on-any-device', err);
        throw err;
      } finally {
        await st.close();
      }
    }, 300_000);
  });
}

/** The id of the (only) vote of the meeting, as the chair's page links it. */
async function voteIdOf(page: Page): Promise<string> {
  const href = (await page.getByTestId('board-link').getAttribute('href')) ?? '';
  return /\/api\/votes\/([0-9a-f-]{36})\/board$/.exec(href)?.[1] ?? '';
}
