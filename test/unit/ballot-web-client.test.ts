// The voter's browser code of the secret ballot (src/web/modules/ballot): the board fingerprint it recomputes to
// check a published board must be the server's own (boardHashOf), whatever the order of the entries; the ranking a
// voter types must become the preference order, and mistakes must be refused before anything is sent.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { BallotBoard, BallotContent } from '../../src/contracts/ballot.js';
import { boardCanonical, type BoardLine } from '../../src/modules/ballot/rules/board.js';
import { recomputeBoardHash, sameContent } from '../../src/web/modules/ballot/ballot-client.js';
import { rankingOf } from '../../src/web/modules/ballot/BallotBox.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const b64 = (n: number) => randomBytes(n).toString('base64');

function line(content: BallotContent): BoardLine {
  const message = randomBytes(64);
  return {
    receipt: createHash('sha256').update(message).digest('hex'),
    message: message.toString('base64'),
    signature: b64(256),
    content,
  };
}

function board(voteId: string, candidates: { id: string; name: string }[], entries: BoardLine[]): BallotBoard {
  return {
    voteId,
    title: 'A vote',
    publicKeySpki: b64(294),
    candidates,
    entries,
    boardHash: '',
    result: {
      counts: null,
      carried: null,
      majority: null,
      needed: null,
      cast: entries.length,
      invalid: 0,
      present: entries.length,
      entitled: entries.length,
      count: null,
      boardHash: null,
    },
  };
}

const serverHash = (b: BallotBoard) =>
  sha256(
    boardCanonical({
      voteId: b.voteId,
      publicKeySpki: b.publicKeySpki,
      candidateIds: b.candidates.map((c) => c.id),
      entries: b.entries,
    }),
  );

describe('the voter’s recomputation of the board fingerprint', () => {
  it('equals the server’s for an election board, in any order of entries', async () => {
    const cands = ['Ann', 'Bob', 'Cy'].map((name) => ({ id: randomUUID(), name }));
    const entries = [
      line({ prefs: [cands[0]!.id, cands[2]!.id] }),
      line({ prefs: [] }),
      line({ prefs: [cands[1]!.id, cands[0]!.id, cands[2]!.id] }),
      line({ prefs: [cands[2]!.id] }),
    ];
    const b = board(randomUUID(), cands, entries);
    const expected = serverHash(b);
    expect(await recomputeBoardHash(b)).toBe(expected);
    expect(await recomputeBoardHash({ ...b, entries: [...entries].reverse() })).toBe(expected);
  });

  it('equals the server’s for a motion board (no candidates)', async () => {
    const b = board(
      randomUUID(),
      [],
      [line({ choice: 'for' }), line({ choice: 'against' }), line({ choice: 'abstain' })],
    );
    expect(await recomputeBoardHash(b)).toBe(serverHash(b));
  });

  it('changes when any one ballot on the board is altered', async () => {
    const b = board(randomUUID(), [], [line({ choice: 'for' }), line({ choice: 'for' })]);
    const honest = await recomputeBoardHash(b);
    const forged = { ...b, entries: [b.entries[0]!, { ...b.entries[1]!, content: { choice: 'against' as const } }] };
    expect(await recomputeBoardHash(forged)).not.toBe(honest);
  });
});

describe('ranking typed as numbers', () => {
  const t = (k: string) => k;
  it('orders the candidates by the numbers, leaving blanks unranked', () => {
    expect(rankingOf({ a: '2', b: '', c: '1', d: ' 3 ' }, t)).toEqual(['c', 'a', 'd']);
    expect(rankingOf({ a: '', b: '' }, t)).toEqual([]);
  });
  it('refuses a repeated rank, a gap, zero or a non-number', () => {
    expect(rankingOf({ a: '1', b: '1' }, t)).toBe('ballots.rankSequence');
    expect(rankingOf({ a: '1', b: '3' }, t)).toBe('ballots.rankSequence');
    expect(rankingOf({ a: '0' }, t)).toBe('ballots.rankNumbers');
    expect(rankingOf({ a: 'x' }, t)).toBe('ballots.rankNumbers');
    expect(rankingOf({ a: '1.5' }, t)).toBe('ballots.rankNumbers');
  });
});

describe('a kept ballot compared with the board', () => {
  it('is the same only with the same choice or the same preferences in the same order', () => {
    expect(sameContent({ choice: 'for' }, { choice: 'for' })).toBe(true);
    expect(sameContent({ choice: 'for' }, { choice: 'against' })).toBe(false);
    expect(sameContent({ prefs: ['a', 'b'] }, { prefs: ['a', 'b'] })).toBe(true);
    expect(sameContent({ prefs: ['a', 'b'] }, { prefs: ['b', 'a'] })).toBe(false);
    expect(sameContent({ prefs: ['a'] }, { choice: 'for' })).toBe(false);
    expect(sameContent(null, { choice: 'for' })).toBe(false);
  });
});
