// The protocol is a true record (issue 10, point 6), pure parts: items never taken up are recorded as not
// considered; a vote taken without the statute's quorum is not valid (nothing carried, nobody elected) and the
// protocol says so; times in the organisation's zone (wall clock to instant and back, the calendar event); the
// PDF fonts ship with the app (found with no system font) and a Russian protocol PDF carries its Cyrillic glyphs.
import { inflateSync } from 'node:zlib';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { protocolText, type ProtocolSnapshot } from '../../src/modules/assembly/rules/protocol-text.js';
import { calendarEvent } from '../../src/modules/assembly/rules/ical.js';
import { electionResult, motionResult, type BallotSpec } from '../../src/modules/ballot/rules/board.js';
import { electedBy, quorumRequiredFor, validForQuorum } from '../../src/modules/ballot/rules/quorum.js';
import { MeetingDecisions } from '../../src/contracts/protocol-decisions.js';
import type { VoteResult } from '../../src/contracts/ballot.js';
import { StatuteRules } from '../../src/contracts/statute.js';
import { instantToZoned, zonedDateTime, zonedToInstant } from '../../src/contracts/time-zone.js';
import { PRESETS } from '../../src/modules/statute/rules/presets.js';
import { unicodeFonts, packagedFont } from '../../src/platform/pdf/fonts.js';
import { renderProtocolPdf } from '../../src/modules/assembly/protocol.pdf.js';

const ID = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

const base: ProtocolSnapshot = {
  organisation: { en: 'All-Union Communist Party (Bolsheviks)', ru: 'ВКП(б)' },
  body: { en: 'Primary organisation', ru: 'Первичная организация' },
  meeting: {
    kind: 'general_assembly',
    title: 'General assembly',
    startsAt: '2026-09-01T07:00:00.000Z',
    endsAt: null,
    place: 'Club of the works',
    openedAt: '2026-09-01T07:05:00.000Z',
    closedAt: '2026-09-01T09:00:00.000Z',
  },
  timeZone: 'Europe/Moscow',
  attendance: {
    entitledVoting: 10,
    entitledConsultative: 0,
    presentVoting: 4,
    presentConsultative: 0,
    guests: 0,
    quorumRequired: 6,
    quorumReached: false,
  },
  chair: { en: 'Kirov Sergei', ru: 'Киров Сергей' },
  secretaries: [],
  presidium: [],
  agenda: [
    {
      position: 1,
      title: 'Report of the bureau',
      reporter: null,
      speakers: [{ name: { en: 'Kirov Sergei', ru: 'Киров Сергей' }, kind: 'report' }],
      decisions: [],
      considered: true,
    },
    { position: 2, title: 'Election of the bureau', reporter: null, speakers: [], decisions: [], considered: false },
  ],
  otherDecisions: [],
  notes: [],
};

const spec = (present: number, quorumRequired: number | null): BallotSpec => ({
  title: 'On the report',
  majority: { threshold: 'simple', of: 'cast' },
  election: null,
  present,
  entitled: 10,
  quorumRequired,
});

describe('items never taken up', () => {
  it('are recorded as not considered, never as heard with nobody speaking', () => {
    const en = protocolText(base, 'en');
    expect(en).toContain('1. HEARD: Report of the bureau.');
    expect(en).toContain(
      '2. NOT CONSIDERED: Election of the bureau\nThe meeting did not take up this item; it stays for a later meeting.',
    );
    expect(en).not.toContain('HEARD: Election of the bureau');
    expect(en.split('Election of the bureau')[2]).not.toMatch(/Nobody else spoke|No decision recorded/);
    const ru = protocolText(base, 'ru');
    expect(ru).toContain('2. НЕ РАССМАТРИВАЛСЯ: Election of the bureau');
    expect(ru).not.toContain('СЛУШАЛИ: Election of the bureau');
  });

  it('while the meeting is still open, an item not reached is "not yet considered"', () => {
    const open = { ...base, meeting: { ...base.meeting, closedAt: null } };
    expect(protocolText(open, 'en')).toContain('2. NOT YET CONSIDERED: Election of the bureau');
  });
});

describe('a vote without the statute’s quorum', () => {
  it('the quorum needed is the statute’s fraction of those entitled; none recorded: none', () => {
    expect(quorumRequiredFor(0.5, 10)).toBe(6);
    expect(quorumRequiredFor(0, 10)).toBe(0);
    expect(quorumRequiredFor(null, 10)).toBeNull();
  });

  it('is not valid: a majority for does not carry it', () => {
    const counts = { for: 4, against: 0, abstain: 0 };
    const without = motionResult(spec(4, 6), counts, 4, null);
    expect(without).toMatchObject({ carried: false, quorum: { required: 6, reached: false } });
    expect(validForQuorum(without)).toBe(false);
    const with6 = motionResult(spec(6, 6), counts, 4, null);
    expect(with6).toMatchObject({ carried: true, quorum: { required: 6, reached: true } });
    // votes recorded before the quorum was kept: unchanged (the recount of their board still matches)
    const legacy = motionResult(spec(4, null), counts, 4, null);
    expect(legacy.carried).toBe(true);
    expect('quorum' in legacy).toBe(false);
  });

  it('elects nobody', () => {
    const election = { method: 'plurality' as const, seats: 1, candidates: [{ id: ID(7), name: 'Ann' }] };
    const r = electionResult({ ...spec(4, 6), majority: null, election }, [{ prefs: [ID(7)] }], 1, null);
    expect(r.count?.elected).toEqual([ID(7)]);
    expect(electedBy(r)).toEqual([]);
    expect(electedBy({ ...r, quorum: { required: 6, reached: true } })).toEqual([ID(7)]);
  });

  it('the protocol marks it NOT VALID and the motion not adopted — never “Carried” beside NO QUORUM', () => {
    const result: VoteResult = motionResult(spec(4, 6), { for: 4, against: 0, abstain: 0 }, 4, null);
    const decisions = MeetingDecisions.parse({
      motions: [
        {
          id: ID(1),
          itemPosition: 1,
          seq: 1,
          title: 'On the report',
          text: 'Approve the report.',
          currentText: 'Approve the report.',
          proposer: { en: 'Bureau', ru: 'Бюро' },
          status: 'rejected',
          questionKind: 'ordinary',
          supporters: [],
          amendments: [],
          votes: [
            {
              id: ID(2),
              title: 'On the report',
              method: 'open',
              questionKind: 'ordinary',
              majority: { threshold: 'simple', of: 'cast' },
              status: 'closed',
              result,
              roll: [],
              closedAt: '2026-09-01T08:00:00.000Z',
            },
          ],
          minorityOpinions: [],
        },
      ],
      elections: [],
      questions: [],
    });
    const en = protocolText({ ...base, meetingDecisions: decisions }, 'en');
    expect(en).toContain(
      'NOT VALID: NO QUORUM when the vote opened (4 voting participants present, 6 required); the vote decides nothing.',
    );
    expect(en).toContain('Motion 1 NOT ADOPTED: the vote on it was not valid for want of a quorum.');
    expect(en).not.toContain('Carried.');
    expect(en).not.toContain('Motion 1 REJECTED.');
    const ru = protocolText({ ...base, meetingDecisions: decisions }, 'ru');
    expect(ru).toContain('НЕДЕЙСТВИТЕЛЬНО: НЕТ КВОРУМА');
    expect(ru).not.toContain('Решение принято.');
  });
});

describe('the organisation’s time zone', () => {
  it('is the statute’s: Moscow for the party preset; an unknown zone is refused', () => {
    expect(PRESETS['party-1934'].timeZone).toBe('Europe/Moscow');
    const rules = { ...PRESETS['party-1934'] };
    expect(StatuteRules.safeParse({ ...rules, timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(StatuteRules.parse({ ...rules, timeZone: 'UTC' }).timeZone).toBe('UTC');
    const { timeZone: _dropped, ...older } = rules;
    expect(StatuteRules.parse(older).timeZone).toBe('Europe/Moscow');
  });

  it('wall-clock times in the zone and instants, both ways, across clock changes', () => {
    expect(zonedToInstant('2026-09-01T10:00', 'Europe/Moscow')?.toISOString()).toBe('2026-09-01T07:00:00.000Z');
    expect(zonedToInstant('2026-09-01T10:00', 'UTC')?.toISOString()).toBe('2026-09-01T10:00:00.000Z');
    expect(zonedToInstant('2026-07-01T10:00', 'Europe/Berlin')?.toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(zonedToInstant('2026-01-15T10:00', 'Europe/Berlin')?.toISOString()).toBe('2026-01-15T09:00:00.000Z');
    expect(zonedToInstant('not a time', 'UTC')).toBeNull();
    expect(instantToZoned('2026-09-01T07:00:00Z', 'Europe/Moscow')).toBe('2026-09-01T10:00');
    expect(zonedDateTime('2026-09-01T22:30:00Z', 'Europe/Moscow')).toEqual({ date: '2026-09-02', time: '01:30' });
  });

  it('the calendar event keeps the instant and names the local date and time', () => {
    const e = calendarEvent({
      id: 'm',
      title: 'General assembly',
      startsAt: new Date('2026-09-01T22:30:00Z'),
      endsAt: null,
      place: 'Club',
      notice: null,
      bodyName: 'Red Putilovite',
      timeZone: 'Europe/Moscow',
      agenda: [],
    });
    expect(e.start.toISOString()).toBe('2026-09-01T22:30:00.000Z');
    expect(e.description).toContain('2026-09-02, 01:30 (Europe/Moscow)');
    expect(e.filename).toBe('meeting-2026-09-02.ics');
  });
});

/** The Unicode code points a PDF's fonts map (their ToUnicode CMaps, inflated). */
function mappedCodePoints(pdf: Buffer): Set<number> {
  const s = pdf.toString('latin1');
  const out = new Set<number>();
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endstream', start);
    let text: string;
    try {
      text = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    if (!text.includes('beginbfrange') && !text.includes('beginbfchar')) continue;
    for (const hex of text.matchAll(/<([0-9a-f]{4})>/gi)) out.add(parseInt(hex[1]!, 16));
  }
  return out;
}

describe('PDF fonts shipped with the app', () => {
  it('the packaged DejaVu Sans is found with no system font at all', () => {
    const f = unicodeFonts({ env: {}, systemDirs: ['/nonexistent/fonts'] });
    expect(f).not.toBeNull();
    expect(f!.regular).toBe(packagedFont());
    expect(f!.regular.split(path.sep).slice(-3)).toEqual(['dejavu-fonts-ttf', 'ttf', 'DejaVuSans.ttf']);
    expect(path.basename(f!.bold)).toBe('DejaVuSans-Bold.ttf');
    // the override still wins; with neither package nor system font: Latin only
    expect(unicodeFonts({ env: { ANTAEUS_PDF_FONT: f!.bold }, systemDirs: [] })!.regular).toBe(f!.bold);
    expect(unicodeFonts({ env: {}, packaged: null, systemDirs: [] })).toBeNull();
  });

  it('the default resolution uses the packaged font before any system one', () => {
    expect(unicodeFonts({ env: {} })!.regular).toBe(packagedFont());
  });

  it('a Russian protocol PDF embeds DejaVu Sans and maps every Cyrillic letter of its text', async () => {
    const body =
      'ПРОТОКОЛ\nОбщее собрание\n\n1. СЛУШАЛИ: Отчёт бюро — докладчик Киров С. М.\nПОСТАНОВИЛИ: принять к сведению.';
    const pdf = await renderProtocolPdf(
      { title: 'Протокол', lang: 'ru', body, status: 'sealed', seal: null },
      unicodeFonts({ env: {}, systemDirs: [] }),
    );
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).toContain('/FontFile2');
    const mapped = mappedCodePoints(pdf);
    const cyrillic = [...new Set([...body].filter((ch) => /\p{Script=Cyrillic}/u.test(ch)))];
    expect(cyrillic.length).toBeGreaterThan(20);
    expect(cyrillic.filter((ch) => !mapped.has(ch.codePointAt(0)!))).toEqual([]);
  });
});
