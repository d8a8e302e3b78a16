// The ballot board's canonical text (its SHA-256 is the board hash), ballot validation and the result from
// ballots — the same pure code for the official count and for anyone's recount.
import { describe, expect, it } from 'vitest';
import {
  ballotProblem,
  ballotsResult,
  boardCanonical,
  canonicalContent,
  type BallotSpec,
} from '../../src/modules/ballot/rules/board.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const election: BallotSpec = {
  title: 'Bureau',
  majority: null,
  election: {
    method: 'plurality',
    seats: 2,
    candidates: [
      { id: A, name: 'Ann' },
      { id: B, name: 'Bob' },
      { id: C, name: 'Cid' },
    ],
  },
  present: 5,
  entitled: 6,
};
const motion: BallotSpec = {
  title: 'Q',
  majority: { threshold: 'simple', of: 'cast' },
  election: null,
  present: 5,
  entitled: 5,
};

describe('board canonical text', () => {
  it('is sorted by receipt whatever the order given, with one exact content form', () => {
    const e1 = { receipt: 'bb', message: 'm1', signature: 's1', content: { prefs: [B, A] } };
    const e2 = { receipt: 'aa', message: 'm2', signature: 's2', content: { choice: 'for' as const } };
    const text = boardCanonical({ voteId: 'v', publicKeySpki: 'K', candidateIds: [A], entries: [e1, e2] });
    expect(text).toBe(
      [
        'antaeus-ballot-board/1',
        'vote v',
        'key K',
        `candidates ["${A}"]`,
        'aa m2 s2 {"choice":"for"}',
        `bb m1 s1 {"prefs":["${B}","${A}"]}`,
      ].join('\n'),
    );
    expect(boardCanonical({ voteId: 'v', publicKeySpki: 'K', candidateIds: [A], entries: [e2, e1] })).toBe(text);
  });
  it('changes when one ballot’s content changes', () => {
    const entries = [{ receipt: 'aa', message: 'm', signature: 's', content: { choice: 'for' as const } }];
    const before = boardCanonical({ voteId: 'v', publicKeySpki: 'K', candidateIds: [], entries });
    const after = boardCanonical({
      voteId: 'v',
      publicKeySpki: 'K',
      candidateIds: [],
      entries: [{ ...entries[0]!, content: { choice: 'against' } }],
    });
    expect(after).not.toBe(before);
    // key order of a stored (jsonb) content does not matter
    expect(canonicalContent({ prefs: [A] })).toBe(`{"prefs":["${A}"]}`);
  });
});

describe('ballot validation', () => {
  it('takes a choice for a motion and candidates of this election for an election', () => {
    expect(ballotProblem(motion, { choice: 'abstain' })).toBeNull();
    expect(ballotProblem(motion, { prefs: [] })).toMatch(/one choice/);
    expect(ballotProblem(election, { choice: 'for' })).toMatch(/candidates marked/);
    expect(ballotProblem(election, { prefs: [] })).toBeNull();
    expect(ballotProblem(election, { prefs: [A, B] })).toBeNull();
    expect(ballotProblem(election, { prefs: [A, A] })).toMatch(/twice/);
    expect(ballotProblem(election, { prefs: ['00000000-0000-4000-8000-0000000000ff'] })).toMatch(/not a candidate/);
    expect(ballotProblem(election, { prefs: [A, B, C] })).toMatch(/more candidates than there are seats \(2\)/);
    const approval = { ...election, election: { ...election.election!, method: 'approval' as const } };
    expect(ballotProblem(approval, { prefs: [A, B, C] })).toBeNull();
  });
});

describe('result from ballots', () => {
  it('counts a motion’s choices under its majority', () => {
    const r = ballotsResult(
      motion,
      [{ choice: 'for' }, { choice: 'for' }, { choice: 'against' }, { choice: 'abstain' }],
      'h',
    );
    expect(r).toMatchObject({
      counts: { for: 2, against: 1, abstain: 1 },
      carried: true,
      needed: 2,
      cast: 4,
      boardHash: 'h',
    });
  });
  it('counts an election with the app’s counting code; blank ballots are cast but invalid', () => {
    const r = ballotsResult(election, [{ prefs: [A, B] }, { prefs: [A] }, { prefs: [C, B] }, { prefs: [] }], null);
    expect(r.cast).toBe(4);
    expect(r.invalid).toBe(1);
    expect(r.count?.totals).toMatchObject({ [A]: 2, [B]: 2, [C]: 1 });
    expect(new Set(r.count?.elected)).toEqual(new Set([A, B]));
  });
});
