// Scottish STV (SSI 2007/42, Schedule 1 rules 45–52) on hand-checked examples and published elections.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { count } from '../../src/modules/ballot/rules/count/index.js';
import { parseBlt } from '../../src/modules/ballot/rules/blt.js';
import type { CountInput } from '../../src/contracts/count.js';

const cands = (ids: string) => ids.split('').map((id) => ({ id, name: id.toUpperCase() }));
const ballots = (spec: Record<string, number>) =>
  Object.entries(spec).map(([k, weight]) => ({ prefs: k.split(''), weight }));
const stv = (input: Omit<CountInput, 'method'>) => count({ method: 'scottish_stv', ...input });
const fixture = (name: string) => parseBlt(readFileSync(`test/fixtures/blt/${name}`, 'utf8'));

describe('Scottish STV: hand-checked', () => {
  it('quota, surplus at transfer value, exclusions with exhausted papers, last vacancy (rule 52)', () => {
    const r = stv({
      seats: 2,
      candidates: cands('abcd'),
      ballots: ballots({ ab: 6, ac: 2, b: 1, cd: 3, d: 2, dc: 1 }),
    });
    // valid 15; quota floor(15 / 3) + 1 = 6
    // stage 1: a 8 (elected), b 1, c 3, d 3
    // stage 2: a's surplus 2, transfer value 2 × 1 / 8 = 0.25: 6 'ab' → b +1.5, 2 'ac' → c +0.5
    // stage 3: b lowest (2.5) excluded: 'b' ×1 and the 6 'ab' papers (0.25 each) have no next preference: 2.5 exhausted
    // stage 4: d (3) below c (3.5) excluded: 'dc' → c +1 = 4.5, 'd' ×2 exhausted; c alone continues for 1 seat
    expect(r.valid).toBe(15);
    expect(r.elected).toEqual(['a', 'c']);
    const v = r.rounds.map((x) => x.votes);
    expect(v[0]).toEqual({ a: '8.00000', b: '1.00000', c: '3.00000', d: '3.00000' });
    expect(v[1]).toEqual({ a: '6.00000', b: '2.50000', c: '3.50000', d: '3.00000' });
    expect(v[2]).toEqual({ a: '6.00000', b: '0.00000', c: '3.50000', d: '3.00000' });
    expect(v[3]).toEqual({ a: '6.00000', b: '0.00000', c: '4.50000', d: '0.00000' });
    expect(r.rounds.map((x) => x.exhausted)).toEqual(['0.00000', '0.00000', '2.50000', '4.50000']);
    expect(r.rounds.map((x) => x.quota)).toEqual(['6.00000', '6.00000', '6.00000', '6.00000']);
    expect(r.rounds.map((x) => x.excluded)).toEqual([[], [], ['b'], ['d']]);
    expect(r.rounds.map((x) => x.elected)).toEqual([['a'], [], [], ['c']]);
    expect(r.rounds[1]!.action).toContain('transfer value 0.25000');
    expect(r.rounds[3]!.action).toContain('rule 52');
  });

  it('transfer values are truncated to 5 places (rule 48(3)) and non-transferable papers keep their share', () => {
    // valid 10, 2 seats: quota floor(10 / 3) + 1 = 4. a has 7: surplus 3, transfer value 3 / 7 = 0.428571… → 0.42857
    // 5 'ab' → b 5 × 0.42857 = 2.14285; 2 'a' non-transferable 2 × 0.42857 = 0.85714; lost 3 − 2.14285 − 0.85714 = 0.00001
    const r = stv({ seats: 2, candidates: cands('abc'), ballots: ballots({ ab: 5, a: 2, c: 3 }) });
    expect(r.rounds[1]!.votes).toEqual({ a: '4.00000', b: '2.14285', c: '3.00000' });
    expect(r.rounds[1]!.exhausted).toBe('0.85714');
    expect(r.rounds[1]!.action).toContain('0.00001 lost to rounding');
    // then b (2.14285) is excluded, c alone fills the last seat
    expect(r.elected).toEqual(['a', 'c']);
  });

  it('equal lowest votes: look back to the most recent earlier stage where they differed (rule 51(2)(a))', () => {
    // valid 17, 2 seats, quota floor(17 / 3) + 1 = 6
    // stage 1: a 8 (elected), b 2, c 3, d 4
    // stage 2: a's surplus 2 at 2 / 8 = 0.25: 4 'ab' → b +1 = 3; 4 'a' non-transferable 1.0
    // stage 3: b and c both 3; at stage 1 b had 2 < c 3, so b is excluded (a lot could have excluded c)
    //          'bc' ×2 → c 5; the 4 'ab' papers exhaust (+1.0)
    // stage 4: d (4) excluded, its 4 papers exhaust; c fills the last seat
    const r = stv({ seats: 2, candidates: cands('abcd'), ballots: ballots({ ab: 4, a: 4, bc: 2, c: 3, d: 4 }) });
    expect(r.rounds[1]!.votes).toEqual({ a: '6.00000', b: '3.00000', c: '3.00000', d: '4.00000' });
    expect(r.rounds[2]!.excluded).toEqual(['b']);
    expect(r.rounds[2]!.tieBreak).toMatch(/B, C tied; B had the fewest votes .*\(stage 1\)/);
    expect(r.rounds[2]!.votes.c).toBe('5.00000');
    expect(r.rounds.map((x) => x.exhausted)).toEqual(['0.00000', '1.00000', '2.00000', '6.00000']);
    expect(r.elected).toEqual(['a', 'c']);
  });

  it('equal at every stage: excluded by the reproducible lot, recorded, independent of ballot order', () => {
    // valid 3, 1 seat, quota floor(3 / 2) + 1 = 2: nobody reaches it; a, b, c tied at 1 at every stage
    const input = { seats: 1, candidates: cands('abc'), ballots: ballots({ a: 1, b: 1, c: 1 }) };
    const r = stv(input);
    expect(r.rounds[1]!.tieBreak).toMatch(/A, B, C tied, equal at every earlier stage; [ABC] chosen by lot \(SHA-256/);
    expect(r.rounds[1]!.excluded).toHaveLength(1);
    expect(r.elected).toHaveLength(1);
    expect(stv({ ...input, ballots: [...input.ballots].reverse() })).toEqual(r);
  });

  it('withdrawn candidates are skipped: the next preference counts at stage 1', () => {
    // w withdrew: 'wb' counts for b. valid 5, 1 seat, quota floor(5 / 2) + 1 = 3 → b 3 elected at once
    const r = stv({ seats: 1, candidates: cands('abw'), withdrawn: ['w'], ballots: ballots({ wb: 2, b: 1, a: 2 }) });
    expect(r.rounds[0]!.votes).toEqual({ a: '2.00000', b: '3.00000' });
    expect(r.elected).toEqual(['b']);
  });

  it('papers naming an unknown candidate or only withdrawn candidates are invalid and do not count for the quota', () => {
    const r = stv({
      seats: 1,
      candidates: cands('abw'),
      withdrawn: ['w'],
      ballots: [...ballots({ a: 2, b: 1, w: 3 }), { prefs: ['a', 'x'] }, { prefs: [] }],
    });
    expect(r.valid).toBe(3);
    expect(r.invalid).toBe(5);
    expect(r.rounds[0]!.quota).toBe('2.00000');
  });

  it('candidates running out: every continuing candidate is elected, fewer than the seats', () => {
    const r = stv({ seats: 3, candidates: cands('ab'), ballots: ballots({ a: 3, b: 1 }) });
    expect(r.elected).toEqual(['a', 'b']);
  });
});

describe('Scottish STV: values stay exact (2^53)', () => {
  // Vote values are integers × 10^5 in doubles; above 2^53 / 10^5 ≈ 90 071 992 547 papers they would round.
  const heavy = (total: number) => {
    const out: { prefs: string[]; weight: number }[] = [];
    for (let left = total; left > 0; left -= 1_000_000)
      out.push({ prefs: ['a', 'b'], weight: Math.min(left, 1_000_000) });
    out.push({ prefs: ['b'], weight: 7 });
    return out;
  };

  it('refuses a count whose total weight × 10^5 would pass Number.MAX_SAFE_INTEGER, counts exactly up to it', () => {
    const over = Math.floor(Number.MAX_SAFE_INTEGER / 100_000) - 6; // + 7 for b: one paper over the limit
    expect(() => stv({ seats: 1, candidates: cands('ab'), ballots: heavy(over) })).toThrow(
      /Scottish STV counts at most 90071992547 valid ballots \(the sum of their weights\), not 90071992548/,
    );
    // one paper fewer: counted, exactly
    const total = Math.floor(Number.MAX_SAFE_INTEGER / 100_000) - 7;
    const r = stv({ seats: 2, candidates: cands('abc'), ballots: heavy(total) });
    expect(r.valid).toBe(90_071_992_547);
    // quota floor(90071992547 / 3) + 1 = 30023997516; a's surplus 90071992540 − 30023997516 = 60047995024 goes to b
    // at transfer value 0.66666: b 7 + 0.66666 × 90071992540 = 60047394553.71640
    expect(r.rounds[0]!.votes).toEqual({ a: '90071992540.00000', b: '7.00000', c: '0.00000' });
    expect(r.rounds[0]!.quota).toBe('30023997516.00000');
    expect(r.rounds[1]!.votes.b).toBe('60047394553.71640');
  });
});

describe('Scottish STV: published elections', () => {
  it("Droop's test election 42 (Pollux and Helen): matches Droop's Scottish reference dump", () => {
    // quota floor(6 / 3) + 1 = 3; Castor 4 → surplus 1 at 0.25 → Pollux 1.00000; Pollux excluded → Helen elected
    const e = fixture('droop-42.blt');
    const r = stv(e);
    expect(r.rounds.map((x) => x.votes)).toEqual([
      { '1': '4.00000', '2': '0.00000', '3': '2.00000' },
      { '1': '3.00000', '2': '1.00000', '3': '2.00000' },
      { '1': '3.00000', '2': '0.00000', '3': '2.00000' },
    ]);
    expect(r.rounds[2]!.exhausted).toBe('1.00000');
    expect(r.elected).toEqual(['1', '3']);
  });

  it('Glasgow, Calton ward, 2007: the official result and every stage of the reference count', () => {
    const e = fixture('calton-2007.blt');
    const r = stv(e);
    const name = new Map(e.candidates.map((c) => [c.id, c.name]));
    expect(r.valid).toBe(5199);
    expect(r.rounds[0]!.quota).toBe('1300.00000');
    expect(r.elected.map((id) => name.get(id))).toEqual(['George Redmond', 'Alison E Thewliss', 'Ruth Simpson']);
    // Votes per stage from Droop's reference dump (Calton-2007-scotland-fixed-p5-d5.txt), candidates in file order.
    const expected = [
      [
        '128.00000',
        '219.00000',
        '302.00000',
        '245.00000',
        '231.00000',
        '195.00000',
        '126.00000',
        '1982.00000',
        '628.00000',
        '1143.00000',
      ],
      [
        '130.40863',
        '224.84953',
        '325.39812',
        '250.84953',
        '245.79587',
        '217.36585',
        '134.94634',
        '1300.00000',
        '1035.05847',
        '1175.68855',
      ],
      [
        '0.00000',
        '235.19362',
        '349.74221',
        '257.84953',
        '252.79587',
        '220.36585',
        '140.29043',
        '1300.00000',
        '1050.74665',
        '1196.68855',
      ],
      [
        '0.00000',
        '251.22589',
        '373.77448',
        '260.53771',
        '257.82814',
        '225.70994',
        '0.00000',
        '1300.00000',
        '1072.12301',
        '1221.72082',
      ],
      [
        '0.00000',
        '264.91407',
        '382.49493',
        '348.69906',
        '265.20450',
        '0.00000',
        '0.00000',
        '1300.00000',
        '1086.94027',
        '1231.40900',
      ],
      [
        '0.00000',
        '0.00000',
        '420.83902',
        '371.04315',
        '329.26904',
        '0.00000',
        '0.00000',
        '1300.00000',
        '1115.34890',
        '1282.75309',
      ],
      [
        '0.00000',
        '0.00000',
        '446.24765',
        '409.10769',
        '0.00000',
        '0.00000',
        '0.00000',
        '1300.00000',
        '1189.88661',
        '1360.12945',
      ],
      [
        '0.00000',
        '0.00000',
        '461.35742',
        '412.58571',
        '0.00000',
        '0.00000',
        '0.00000',
        '1300.00000',
        '1199.81406',
        '1300.00000',
      ],
      [
        '0.00000',
        '0.00000',
        '485.84120',
        '0.00000',
        '0.00000',
        '0.00000',
        '0.00000',
        '1300.00000',
        '1271.90931',
        '1300.00000',
      ],
      [
        '0.00000',
        '0.00000',
        '0.00000',
        '0.00000',
        '0.00000',
        '0.00000',
        '0.00000',
        '1300.00000',
        '1393.86735',
        '1300.00000',
      ],
    ];
    expect(r.rounds.map((x) => e.candidates.map((c) => x.votes[c.id]))).toEqual(expected);
    expect(r.rounds.map((x) => x.exhausted)).toEqual([
      '0.00000',
      '158.62549',
      '195.31367',
      '236.06639',
      '319.32455',
      '379.73318',
      '493.61498',
      '525.21759',
      '841.22427',
      '1205.10743',
    ]);
    expect(r.rounds[1]!.action).toContain('transfer value 0.34409');
  });

  it('Green Party US steering committee, 2005 (94 ballots, 13 candidates, 4 seats): the reference count', () => {
    const e = fixture('gpus-2005.blt');
    const r = stv(e);
    // quota floor(94 / 5) + 1 = 19; Droop's SC-scotland-fixed-p5-d5.txt ends with Sevigny 18.59172 elected in the
    // last stage and 18.40808 non-transferable; the four candidates with no first preferences go first, by lot
    expect(r.rounds[0]!.quota).toBe('19.00000');
    expect(r.elected).toEqual(['7', '4', '13', '3']); // Rotzler, LaMarche, Kramer, Sevigny
    const last = r.rounds[r.rounds.length - 1]!;
    expect(last.votes['3']).toBe('18.59172');
    expect(last.exhausted).toBe('18.40808');
    expect(r.rounds[3]!.tieBreak).toMatch(/tied, equal at every earlier stage; .* chosen by lot/);
  });
});
