// Issue 10: a void vote or election says so in the protocol, in English and Russian — no "Carried"/"Not carried"
// beside it and nobody elected (the count of a void election is null, so no stage is printed either).
import { describe, expect, it } from 'vitest';
import { decisionsLines } from '../../src/modules/assembly/rules/protocol-text.js';
import type { DecisionVote } from '../../src/contracts/protocol-decisions.js';
import type { VoteResult } from '../../src/contracts/ballot.js';

const result = (r: Partial<VoteResult>): VoteResult => ({
  counts: null,
  carried: null,
  majority: null,
  needed: null,
  cast: 0,
  invalid: 0,
  present: 5,
  entitled: 5,
  count: null,
  boardHash: null,
  ...r,
});

const vote = (id: string, r: VoteResult): DecisionVote => ({
  id,
  title: 'Vote',
  method: 'secret',
  questionKind: null,
  majority: null,
  status: 'closed',
  result: r,
  roll: [],
  closedAt: '1927-03-14T17:00:00.000Z',
});

const part = {
  motions: [
    {
      id: 'm',
      itemPosition: 1,
      seq: 1,
      title: 'On the control figures',
      text: 'The assembly approves the control figures.',
      currentText: 'The assembly approves the control figures.',
      proposer: { en: 'Bureau of the organisation', ru: 'Бюро организации' },
      status: 'rejected' as const,
      questionKind: 'ordinary' as const,
      supporters: [],
      amendments: [],
      votes: [vote('mv', result({ void: { reason: 'no_valid_ballots', minimumTurnout: 0 } }))],
      minorityOpinions: [],
    },
  ],
  questions: [
    {
      itemPosition: 1,
      vote: {
        ...vote('q', {
          ...result({ counts: { for: 2, against: 0, abstain: 0 }, carried: false, cast: 2, needed: 2 }),
          majority: { threshold: 'simple', of: 'cast' },
          void: { reason: 'turnout_below_minimum', minimumTurnout: 60 },
        }),
        questionKind: 'ordinary' as const,
      },
    },
  ],
  elections: [
    {
      id: 'e',
      itemPosition: 1,
      title: 'Bureau',
      office: 'bureau' as const,
      seats: 2,
      method: 'plurality' as const,
      ballot: 'secret' as const,
      status: 'closed' as const,
      candidates: [
        {
          id: 'a',
          name: { en: 'Ivanova Anna', ru: 'Иванова Анна' },
          position: 1,
          consent: 'consented' as const,
          withdrawn: false,
          elected: false,
        },
        {
          id: 'b',
          name: { en: 'Borisov Boris', ru: 'Борисов Борис' },
          position: 2,
          consent: 'consented' as const,
          withdrawn: false,
          elected: false,
        },
      ],
      votes: [vote('v', result({ void: { reason: 'no_valid_ballots', minimumTurnout: 0 } }))],
    },
  ],
};

describe('void votes in the protocol', () => {
  it('says VOID and why in English, never carried, nobody elected', () => {
    const text = decisionsLines(part, 'en').join('\n');
    expect(text).toContain("VOID: fewer voted than the statute's minimum turnout (60% of those entitled)");
    expect(text).toContain('VOID: not a single valid ballot was cast; nothing was decided and nobody was elected.');
    expect(text).not.toMatch(/\bCarried\.|Not carried\./);
    expect(text).toMatch(/Elected: [^\n]*nobody/i);
    // a motion whose vote was void was not rejected on its merits: it was not adopted
    expect(text).toContain('Motion 1 NOT ADOPTED: the vote on it was void.');
    expect(text).not.toContain('Motion 1 REJECTED');
  });

  it('says it in Russian', () => {
    const text = decisionsLines(part, 'ru').join('\n');
    expect(text).toContain('ГОЛОСОВАНИЕ НЕДЕЙСТВИТЕЛЬНО: проголосовало меньше установленного уставом минимума (60%');
    expect(text).toContain('ГОЛОСОВАНИЕ НЕДЕЙСТВИТЕЛЬНО: не подано ни одного действительного бюллетеня');
    expect(text).not.toContain('Решение не принято.\n');
    expect(text).toContain('Предложение 1 НЕ ПРИНЯТО: голосование по нему недействительно.');
  });
});
