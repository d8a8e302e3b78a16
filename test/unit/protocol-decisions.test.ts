// The protocol prints what the meeting decided by vote, per agenda item: motions with their amendments and their
// fate, the final text, every vote (method, majority, counts or the roll of named votes, carried or not; secret
// ballots with ballots cast, blank and the board hash), elections with candidates and the count's stages as a
// table, and minority opinions verbatim — in English and Russian.
import { describe, expect, it } from 'vitest';
import { protocolText, type ProtocolSnapshot } from '../../src/modules/assembly/rules/protocol-text.js';
import { MeetingDecisions, NO_DECISIONS, type DecisionVote } from '../../src/contracts/protocol-decisions.js';
import type { VoteResult } from '../../src/contracts/ballot.js';

const ID = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const HASH = 'ab'.repeat(32);

const result = (r: Partial<VoteResult>): VoteResult => ({
  counts: null,
  carried: null,
  majority: null,
  needed: null,
  cast: 0,
  invalid: 0,
  present: 0,
  entitled: 0,
  count: null,
  boardHash: null,
  ...r,
});

const vote = (v: Partial<DecisionVote> & Pick<DecisionVote, 'id' | 'method'>): DecisionVote => ({
  title: 'Vote',
  questionKind: 'ordinary',
  majority: { threshold: 'simple', of: 'cast' },
  status: 'closed',
  result: null,
  roll: [],
  closedAt: '1927-03-14T17:00:00.000Z',
  ...v,
});

const ann = { en: 'Ivanova Anna', ru: 'Иванова Анна' };
const bob = { en: 'Borisov Boris', ru: 'Борисов Борис' };
const cid = { en: 'Sidorov Pyotr', ru: null };
const dan = { en: 'Danilov Daniil', ru: 'Данилов Даниил' };

const decisions: MeetingDecisions = MeetingDecisions.parse({
  motions: [
    {
      id: ID(1),
      itemPosition: 1,
      seq: 1,
      title: 'On the control figures',
      text: 'The assembly approves the control figures and asks the bureau to report monthly.',
      currentText: 'The assembly approves the revised control figures and asks the bureau to report monthly.',
      proposer: { en: 'Bureau of the organisation', ru: 'Бюро организации' },
      status: 'adopted',
      questionKind: 'ordinary',
      supporters: [ann],
      amendments: [
        {
          id: ID(2),
          seq: 2,
          title: 'Amendment 2 to motion 1',
          replaces: 'the control figures',
          text: 'the revised control figures',
          proposer: { en: 'Anna Ivanova', ru: null },
          status: 'adopted',
          votes: [
            vote({
              id: ID(20),
              method: 'open',
              questionKind: 'amendment',
              result: result({
                counts: { for: 31, against: 12, abstain: 4 },
                carried: true,
                majority: { threshold: 'simple', of: 'cast' },
                needed: 22,
                cast: 47,
                present: 50,
                entitled: 60,
              }),
            }),
          ],
          minorityOpinions: [],
        },
        {
          id: ID(3),
          seq: 3,
          title: 'Amendment 3 to motion 1',
          replaces: 'the control figures and',
          text: '',
          proposer: { en: 'Boris Borisov', ru: null },
          status: 'lapsed',
          votes: [],
          minorityOpinions: [],
        },
        {
          id: ID(4),
          seq: 4,
          title: 'Amendment 4 to motion 1',
          replaces: '',
          text: 'Dues are to be raised.',
          proposer: { en: 'Boris Borisov', ru: null },
          status: 'rejected',
          votes: [
            vote({
              id: ID(21),
              method: 'secret',
              result: result({
                counts: { for: 10, against: 35, abstain: 3 },
                carried: false,
                majority: { threshold: 'simple', of: 'cast' },
                needed: 23,
                cast: 49,
                invalid: 1,
                present: 50,
                entitled: 60,
                boardHash: HASH,
              }),
            }),
          ],
          minorityOpinions: [{ name: bob, text: 'Without higher dues the club will never be repaired.' }],
        },
      ],
      votes: [
        vote({
          id: ID(22),
          method: 'roll_call',
          majority: { threshold: 'two_thirds', of: 'present' },
          roll: [
            { name: ann, choice: 'for' },
            { name: bob, choice: 'for' },
            { name: cid, choice: 'against' },
            { name: dan, choice: 'abstain' },
          ],
          result: result({
            counts: { for: 2, against: 1, abstain: 1 },
            carried: true,
            majority: { threshold: 'two_thirds', of: 'present' },
            needed: 2,
            cast: 4,
            present: 4,
            entitled: 5,
          }),
        }),
      ],
      minorityOpinions: [{ name: cid, text: 'The figures ignore the state of the rolling mill.' }],
    },
    {
      id: ID(5),
      itemPosition: 1,
      seq: 5,
      title: 'On the club',
      text: 'Repair the club.',
      currentText: 'Repair the club.',
      proposer: { en: 'Boris Borisov', ru: null },
      status: 'withdrawn',
      questionKind: 'ordinary',
      supporters: [],
      amendments: [],
      votes: [],
      minorityOpinions: [],
    },
    {
      id: ID(6),
      itemPosition: 2,
      seq: 6,
      title: 'On the wall newspaper',
      text: 'Publish it weekly.',
      currentText: 'Publish it weekly.',
      proposer: { en: 'Anna Ivanova', ru: null },
      status: 'rejected',
      questionKind: 'ordinary',
      supporters: [bob],
      amendments: [],
      votes: [
        vote({
          id: ID(23),
          method: 'open',
          result: result({ counts: { for: 3, against: 40, abstain: 0 }, carried: false, needed: 22, cast: 43 }),
        }),
      ],
      minorityOpinions: [],
    },
  ],
  elections: [
    {
      id: ID(7),
      itemPosition: 2,
      title: 'Bureau of the cell',
      office: 'bureau',
      seats: 2,
      method: 'scottish_stv',
      ballot: 'secret',
      status: 'closed',
      candidates: [
        { id: ID(101), name: ann, position: 1, consent: 'consented', withdrawn: false, elected: true },
        { id: ID(102), name: bob, position: 2, consent: 'consented', withdrawn: false, elected: false },
        { id: ID(103), name: dan, position: 3, consent: 'consented', withdrawn: false, elected: true },
        { id: ID(104), name: cid, position: 4, consent: 'declined', withdrawn: false, elected: false },
      ],
      votes: [
        vote({
          id: ID(24),
          method: 'secret',
          questionKind: null,
          majority: null,
          result: result({
            cast: 20,
            invalid: 1,
            present: 20,
            entitled: 22,
            boardHash: HASH,
            count: {
              method: 'scottish_stv',
              seats: 2,
              candidates: [
                { id: ID(101), name: 'Ivanova Anna' },
                { id: ID(102), name: 'Borisov Boris' },
                { id: ID(103), name: 'Danilov Daniil' },
              ],
              valid: 19,
              invalid: 1,
              elected: [ID(101), ID(103)],
              totals: null,
              rounds: [
                {
                  round: 1,
                  action: 'First preferences',
                  votes: { [ID(101)]: '9.00000', [ID(102)]: '4.00000', [ID(103)]: '6.00000' },
                  exhausted: '0.00000',
                  quota: '7.33334',
                  elected: [ID(101)],
                  excluded: [],
                  tieBreak: null,
                },
                {
                  round: 2,
                  action: 'Surplus of Ivanova Anna transferred',
                  votes: { [ID(101)]: '7.33334', [ID(102)]: '4.00000', [ID(103)]: '7.66666' },
                  exhausted: '0.00000',
                  quota: '7.33334',
                  elected: [ID(103)],
                  excluded: [],
                  tieBreak: 'by the first stage',
                },
              ],
            },
          }),
        }),
      ],
    },
  ],
  questions: [
    {
      itemPosition: null,
      vote: vote({
        id: ID(25),
        title: 'To close the list of speakers',
        method: 'open',
        questionKind: 'procedural',
        result: result({ counts: { for: 40, against: 2, abstain: 1 }, carried: true, needed: 22, cast: 42 }),
      }),
    },
  ],
});

const snap: ProtocolSnapshot = {
  organisation: { en: 'All-Union Communist Party (Bolsheviks)', ru: 'ВКП(б)' },
  body: { en: 'Primary organisation', ru: 'Первичная организация' },
  meeting: {
    kind: 'general_assembly',
    title: 'General assembly',
    startsAt: '1927-03-14T15:00:00.000Z',
    endsAt: null,
    place: 'Club',
    openedAt: '1927-03-14T15:10:00.000Z',
    closedAt: '1927-03-14T19:40:00.000Z',
  },
  timeZone: 'UTC',
  attendance: {
    entitledVoting: 60,
    entitledConsultative: 0,
    presentVoting: 50,
    presentConsultative: 0,
    guests: 0,
    quorumRequired: 31,
    quorumReached: true,
  },
  chair: ann,
  secretaries: [bob],
  presidium: [ann],
  agenda: [
    { position: 1, title: 'On the control figures', reporter: null, speakers: [], decisions: [] },
    { position: 2, title: 'Elections', reporter: null, speakers: [], decisions: [] },
    { position: 3, title: 'Any other business', reporter: null, speakers: [], decisions: [] },
  ],
  otherDecisions: [],
  notes: [],
  meetingDecisions: decisions,
};

/** The part of the text about agenda item `n` (from its HEARD line to the next blank line). */
function item(text: string, n: number): string {
  const start = text.search(new RegExp(`^${n}\\. (HEARD|СЛУШАЛИ):`, 'm'));
  expect(start).toBeGreaterThan(-1);
  return text.slice(start, text.indexOf('\n\n', start));
}

describe('protocol: motions, votes and elections', () => {
  const en = protocolText(snap, 'en');

  it('prints a motion with its proposer, supporters, text as moved, amendments and their fate, and the final text', () => {
    const one = item(en, 1);
    expect(one).toContain(
      'MOTION 1: On the control figures (moved by: Bureau of the organisation; supported by: Ivanova Anna).',
    );
    expect(one).toContain(
      'Text as moved:\n    The assembly approves the control figures and asks the bureau to report monthly.',
    );
    expect(one).toContain(
      'Amendment 2 (moved by: Anna Ivanova): replace “the control figures” with “the revised control figures” — ADOPTED.',
    );
    expect(one).toContain(
      'Amendment 3 (moved by: Boris Borisov): delete “the control figures and” — LAPSED: its words no longer occur in the text.',
    );
    expect(one).toContain(
      'Amendment 4 (moved by: Boris Borisov): add at the end: “Dues are to be raised.” — REJECTED.',
    );
    expect(one).toContain(
      'RESOLVED: motion 1 adopted as amended. Final text:\n    The assembly approves the revised control figures and asks the bureau to report monthly.',
    );
    expect(one).toContain('Motion 5 withdrawn by the proposer.');
    expect(one).not.toContain('No decision recorded.');
    // amendments come before the vote on the motion
    expect(one.indexOf('Amendment 4')).toBeLessThan(one.indexOf('Vote on the motion'));
  });

  it('prints every vote: method, counts, majority and whether carried; roll-call names; secret ballots with the board hash', () => {
    const one = item(en, 1);
    expect(one).toContain(
      '    Vote: open (show of hands, counted by the tellers).\n' +
        '      For: 31; against: 12; abstained: 4.\n' +
        '      Majority applied: a simple majority of the votes cast (22 needed).\n' +
        '      Present with a vote: 50 of 60 entitled.\n' +
        '      Carried.',
    );
    expect(one).toContain(
      '    Vote: secret ballot.\n' +
        '      For: 10; against: 35; abstained: 3.\n' +
        '      Ballots cast: 49; blank or invalid: 1.\n' +
        '      Majority applied: a simple majority of the votes cast (23 needed).\n' +
        '      Present with a vote: 50 of 60 entitled.\n' +
        '      Not carried.\n' +
        `      Ballot board published; its SHA-256: ${HASH}.`,
    );
    expect(one).toContain(
      '  Vote on the motion: by roll call.\n' +
        '    For: 2; against: 1; abstained: 1.\n' +
        '    Voted for: Ivanova Anna, Borisov Boris.\n' +
        '    Voted against: Sidorov Pyotr.\n' +
        '    Abstained: Danilov Daniil.\n' +
        '    Majority applied: two thirds of those present (2 needed).',
    );
    expect(item(en, 2)).toContain('MOTION 6: On the wall newspaper');
    expect(item(en, 2)).toContain('Motion 6 REJECTED.');
  });

  it('prints minority opinions verbatim with the motion, and with an amendment', () => {
    expect(item(en, 1)).toContain(
      '— REJECTED.\n    Vote: secret ballot.\n' +
        '      For: 10; against: 35; abstained: 3.\n' +
        '      Ballots cast: 49; blank or invalid: 1.\n' +
        '      Majority applied: a simple majority of the votes cast (23 needed).\n' +
        '      Present with a vote: 50 of 60 entitled.\n' +
        '      Not carried.\n' +
        `      Ballot board published; its SHA-256: ${HASH}.\n` +
        '    Minority opinions:\n      Borisov Boris: “Without higher dues the club will never be repaired.”',
    );
    expect(item(en, 1)).toContain(
      '  Minority opinions:\n    Sidorov Pyotr: “The figures ignore the state of the rolling mill.”',
    );
  });

  it('prints an election: candidates, method, seats, the stages as a table and the elected in order', () => {
    const two = item(en, 2);
    expect(two).toContain(
      'ELECTION: Bureau of the cell — seats: 2; single transferable vote (Scottish STV rules); secret ballot.',
    );
    expect(two).toContain(
      'Candidates: 1. Ivanova Anna; 2. Borisov Boris; 3. Danilov Daniil; 4. Sidorov Pyotr (declined).',
    );
    expect(two).toContain('Ballots cast: 20; blank or invalid: 1.');
    expect(two).toContain('Count: valid ballots 19; blank or invalid 1; seats 2.');
    const table = [
      '    Stage                   1        2',
      '    Ivanova Anna      9.00000  7.33334',
      '    Borisov Boris     4.00000  4.00000',
      '    Danilov Daniil    6.00000  7.66666',
      '    Non-transferable  0.00000  0.00000',
      '    Quota             7.33334  7.33334',
    ].join('\n');
    expect(two).toContain(table);
    expect(two).toContain('Stage 1: First preferences; elected: Ivanova Anna.');
    expect(two).toContain(
      'Stage 2: Surplus of Ivanova Anna transferred; elected: Danilov Daniil; tie: by the first stage.',
    );
    expect(two).toContain(`Ballot board published; its SHA-256: ${HASH}.`);
    expect(two).toContain('  ELECTED: Ivanova Anna, Danilov Daniil.');
  });

  it('puts questions not on an agenda item among the other decisions; an item without any says so', () => {
    const other = en.slice(en.indexOf('OTHER DECISIONS:'));
    expect(other).toContain(
      'QUESTION PUT TO THE VOTE: To close the list of speakers.\n  Vote: open (show of hands, counted by the tellers).\n    For: 40; against: 2; abstained: 1.',
    );
    expect(item(en, 3)).toContain('No decision recorded.');
  });

  it('in Russian', () => {
    const ru = protocolText(snap, 'ru');
    expect(ru).toContain(
      'ПРЕДЛОЖЕНИЕ 1: On the control figures (внесено: Бюро организации; поддержали: Иванова Анна).',
    );
    expect(ru).toContain('заменить «the control figures» на «the revised control figures» — ПРИНЯТА.');
    expect(ru).toContain('— СНЯТА: её слов больше нет в тексте.');
    expect(ru).toContain('ПОСТАНОВИЛИ: предложение 1 принять с поправками. Окончательный текст:');
    expect(ru).toContain('Голосование по предложению: поимённое.');
    expect(ru).toContain('Голосовали за: Иванова Анна, Борисов Борис.');
    expect(ru).toContain('Требуемое большинство: две трети присутствующих (необходимо 2).');
    expect(ru).toContain('Особые мнения:\n    Sidorov Pyotr: «The figures ignore the state of the rolling mill.»');
    expect(ru).toContain(
      'ВЫБОРЫ: Bureau of the cell — мест: 2; единый передаваемый голос (шотландские правила); тайное голосование.',
    );
    expect(ru).toContain('Этап 1: избраны: Иванова Анна.');
    expect(ru).not.toContain('First preferences');
    expect(ru).toContain('ИЗБРАНЫ: Иванова Анна, Данилов Даниил.');
    expect(ru).toContain(`Доска бюллетеней опубликована; её SHA-256: ${HASH}.`);
    expect(ru).toContain('Предложение 6 ОТКЛОНЕНО.');
  });

  it('prints nothing extra when nothing was voted', () => {
    const { meetingDecisions: _omit, ...without } = snap;
    expect(protocolText({ ...snap, meetingDecisions: NO_DECISIONS }, 'en')).toBe(protocolText(without, 'en'));
    expect(protocolText(without, 'en')).not.toContain('MOTION');
  });

  it('shows a vote not yet closed, a cancelled vote, and a motion never put', () => {
    const open: MeetingDecisions = {
      ...NO_DECISIONS,
      motions: [
        {
          ...decisions.motions[1]!,
          status: 'voting',
          votes: [
            vote({ id: ID(30), method: 'open', status: 'cancelled' }),
            vote({ id: ID(31), method: 'open', status: 'open' }),
          ],
        },
        { ...decisions.motions[1]!, id: ID(8), seq: 8, status: 'supported' },
      ],
    };
    const t = protocolText({ ...snap, meetingDecisions: open }, 'en');
    expect(t).toContain(
      '  Vote on the motion: open (show of hands, counted by the tellers).\n    The vote was cancelled.',
    );
    expect(t).toContain('    The vote is not closed.');
    expect(t).toContain('Motion 5 is being voted on.');
    expect(t).toContain('Motion 8 not put to the vote.');
  });

  it('is deterministic', () => {
    expect(protocolText(snap, 'en')).toBe(protocolText(structuredClone(snap), 'en'));
  });
});
