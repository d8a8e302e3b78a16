// BLT ballot files: parsing, writing, round trips and line-numbered errors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BltError, formatBlt, parseBlt } from '../../src/modules/ballot/rules/blt.js';
import { count } from '../../src/modules/ballot/rules/count/index.js';

const SAMPLE = `# an election with a withdrawn candidate
4 2
-3
3 1 2 0
1 4 0
2 2 3 1 0   # a comment after a ballot
0
"Ann Ames"
"Bob Brown"
"Cy Cole"
"Di Dunn"
"Bureau election, 1937"
`;

function errorOf(text: string): BltError {
  try {
    parseBlt(text);
  } catch (e) {
    if (e instanceof BltError) return e;
    throw e;
  }
  throw new Error('parsed without error');
}

describe('parseBlt', () => {
  it('reads the header, withdrawn candidates, weighted ballots, names and title; ids are the numbers', () => {
    expect(parseBlt(SAMPLE)).toEqual({
      title: 'Bureau election, 1937',
      seats: 2,
      candidates: [
        { id: '1', name: 'Ann Ames' },
        { id: '2', name: 'Bob Brown' },
        { id: '3', name: 'Cy Cole' },
        { id: '4', name: 'Di Dunn' },
      ],
      withdrawn: ['3'],
      ballots: [
        { prefs: ['1', '2'], weight: 3 },
        { prefs: ['4'], weight: 1 },
        { prefs: ['2', '3', '1'], weight: 2 },
      ],
    });
  });

  it("gives the candidates the caller's ids, in number order", () => {
    const e = parseBlt(SAMPLE, { candidateIds: ['u-ann', 'u-bob', 'u-cy', 'u-di'] });
    expect(e.candidates.map((c) => c.id)).toEqual(['u-ann', 'u-bob', 'u-cy', 'u-di']);
    expect(e.withdrawn).toEqual(['u-cy']);
    expect(e.ballots[2]!.prefs).toEqual(['u-bob', 'u-cy', 'u-ann']);
  });

  it.each([
    ['3 1\n1 4 0\n0\n"A"\n"B"\n"C"\n"T"\n', 2, /candidate number 4 is not between 1 and 3/],
    ['3 1\n1 1 2\n0\n"A"\n"B"\n"C"\n"T"\n', 2, /a ballot line must end with 0/],
    ['3 1\n1 1 2=3 0\n0\n"A"\n"B"\n"C"\n"T"\n', 2, /equal rankings \('2=3'\) are not supported/],
    ['3 1\n1 1 - 2 0\n0\n"A"\n"B"\n"C"\n"T"\n', 2, /skipped rankings/],
    ['3 1\n1.5 1 2 0\n0\n"A"\n"B"\n"C"\n"T"\n', 2, /whole-number weight, not '1.5'/],
    ['3 1\n1 1 0\n0\n"A"\n"B\n"C"\n"T"\n', 5, /a quoted name is not closed/],
    ['3 1\n1 1 0\n0\n"A"\nB\n"C"\n"T"\n', 5, /expected the name of candidate 2 in double quotes, found 'B'/],
    ['3 1\n1 1 0\n0\n"A"\n"B"\n', 5, /the file ends where the name of candidate 3/],
    ['3 1\n1 1 0\n"A"\n"B"\n"C"\n"T"\n', 3, /the ballots must end with a line holding 0/],
    ['three 1\n', 1, /expected the number of candidates, found 'three'/],
    ['3\n1\n', 1, /the first line must give the number of candidates and the number of seats/],
  ])('refuses a malformed file with the line number (%#)', (text, line, message) => {
    const e = errorOf(text);
    expect(e.line).toBe(line);
    expect(e.message).toMatch(new RegExp(`^line ${line}: `));
    expect(e.message).toMatch(message);
  });
});

describe('parseBlt refuses what the common tools would misread, naming the line', () => {
  const NAMES = '0\n"A"\n"B"\n"C"\n"T"\n';
  it.each([
    // a negative weight on the first ballot line is a ballot with a wrong weight, not a withdrawal
    [
      `3 1\n-2 1 3 0\n1 3 0\n${NAMES}`,
      2,
      /a ballot weight cannot be negative \(-2\): withdrawn candidates go on a line of their own/,
    ],
    [`3 1\n-2\n1 3 0\n-1 2 0\n${NAMES}`, 4, /a ballot weight cannot be negative \(-1\)/],
    // withdrawals only right after the header
    [
      `3 1\n1 3 0\n-2\n${NAMES}`,
      3,
      /cannot be negative \(-2\): withdrawn candidates are listed on the line right after the header/,
    ],
    // tokens after a ballot's closing 0 used to become phantom ballots
    [
      `3 1\n1 1 2 0 3 1 0\n${NAMES}`,
      2,
      /'3 1 0' after the 0 that ends the ballot: each ballot goes on a line of its own/,
    ],
    [`3 1\n1 1 2 0 x\n${NAMES}`, 2, /'x' after the 0 that ends the ballot/],
    // a weight of 0
    [
      `3 1\n1 1 0\n0 1 2 0\n${NAMES}`,
      3,
      /a ballot weight of 0: a line starting with 0 ends the ballots and holds 0 alone/,
    ],
    [`3 1\n1 0 0\n${NAMES}`, 2, /'0' after the 0 that ends the ballot/],
    // the end-of-ballots 0 is missing
    [
      `3 1\n1 1 0\nAnn Ames\nBob\nCy\nT\n`,
      3,
      /not 'Ann' \(is the line holding 0 that ends the ballots missing before the names\?\)/,
    ],
    [`3 1\n1 1 0\n\n`, 2, /the file ends before the line holding 0 that ends the ballots/],
    // names and title
    ['3 1\n1 1 0\n0\n"A"\n"B"\n', 5, /the header declares 3 candidates, the file names 2/],
    ['3 1\n1 1 0\n0\n"A"\n"B"\n"C"\n', 6, /the election's title \(in double quotes\) is missing/],
    ['3 1\n1 1 0\n0\n"A" x\n"B"\n"C"\n"T"\n', 4, /unexpected 'x' after a quoted name/],
    // header and ballot ids
    ['3 1 2\n1 1 0\n0\n"A"\n"B"\n"C"\n"T"\n', 1, /holds only the number of candidates and of seats, not '2'/],
    ['', 1, /the file is empty/],
    [`3 1\n(7 1 1 0\n${NAMES}`, 2, /a ballot id in parentheses is not closed/],
  ])('refuses case %#', (text, line, message) => {
    const e = errorOf(text);
    expect(e.line).toBe(line);
    expect(e.message).toMatch(new RegExp(`^line ${line}: `));
    expect(e.message).toMatch(message);
  });
});

describe('parseBlt reads the common dialects', () => {
  const three = [
    { id: '1', name: 'Ann Ames' },
    { id: '2', name: 'Bob Brown' },
    { id: '3', name: 'Cy Cole' },
  ];

  it('names unquoted, one per line, and an unquoted title (published council files)', () => {
    const e = parseBlt('3 1\n2 1 2 0\n1 3 0\n0\nAnn Ames\nBob Brown\nCy Cole\nWard 7 (Calton)\n');
    expect(e.candidates).toEqual(three);
    expect(e.title).toBe('Ward 7 (Calton)');
    expect(e.ballots).toEqual([
      { prefs: ['1', '2'], weight: 2 },
      { prefs: ['3'], weight: 1 },
    ]);
  });

  it('CSV-style doubled quotes inside quoted names, several names on one line, # inside quotes', () => {
    const e = parseBlt('3 1\n1 1 0\n0\n"The ""Red"" List" "Bob # 2"\n""""\n"Title ""1937"""\n');
    expect(e.candidates.map((c) => c.name)).toEqual(['The "Red" List', 'Bob # 2', '"']);
    expect(e.title).toBe('Title "1937"');
  });

  it('notes after the title are kept apart and never counted; comments and blank lines anywhere', () => {
    const text = [
      '# exported 1937-05-01',
      '3 1   # three candidates, one seat',
      '',
      '-2    # Bob withdrew',
      '1 1 3 0',
      '# a comment between ballots',
      '2 3 1 3 0 # two papers; a candidate named twice is read (the count decides)',
      '0',
      '"Ann Ames"  # first',
      '',
      '"Bob Brown"',
      '"Cy Cole"',
      '"Bureau election"',
      'Source: the district committee',
      '"Counted by hand"',
      '',
    ].join('\r\n');
    const e = parseBlt(`\uFEFF${text}`);
    expect(e).toEqual({
      title: 'Bureau election',
      seats: 1,
      candidates: three,
      withdrawn: ['2'],
      ballots: [
        { prefs: ['1', '3'], weight: 1 },
        { prefs: ['3', '1', '3'], weight: 2 },
      ],
      notes: ['Source: the district committee', '"Counted by hand"'],
    });
  });

  it("OpenSTV's ballot ids in parentheses are read and ignored", () => {
    const e = parseBlt('3 1\n(a-17) 1 1 2 0\n(a 18) 1 3 1 0\n0\n"A"\n"B"\n"C"\n"T"\n');
    expect(e.ballots).toEqual([
      { prefs: ['1', '2'], weight: 1 },
      { prefs: ['3', '1'], weight: 1 },
    ]);
  });

  it('aggregate: identical rankings merge as they are read; weights over 1000000 split; the count is the same', () => {
    const text = '3 1\n1000000 1 2 0\n1 3 0\n1000000 1 2 0\n5 1 2 0\n1 3 0\n1 0\n0\n"A"\n"B"\n"C"\n"T"\n';
    const e = parseBlt(text, { aggregate: true });
    expect(e.ballots).toEqual([
      { prefs: ['1', '2'], weight: 1_000_000 },
      { prefs: ['1', '2'], weight: 1_000_000 },
      { prefs: ['1', '2'], weight: 5 },
      { prefs: ['3'], weight: 2 },
      { prefs: [], weight: 1 },
    ]);
    for (const method of ['plurality', 'approval', 'scottish_stv', 'meek'] as const) {
      expect(count({ ...e, method })).toEqual(count({ ...parseBlt(text), method }));
    }
  });

  it('aggregate: same election, same count, one ballot per distinct ranking (property)', () => {
    const ids = ['1', '2', '3', '4'];
    fc.assert(
      fc.property(
        fc.constantFrom('plurality', 'approval', 'scottish_stv', 'meek'),
        fc.integer({ min: 1, max: 3 }),
        fc.subarray(ids, { maxLength: 1 }),
        fc.array(
          fc.record({
            prefs: fc.array(fc.constantFrom(...ids), { maxLength: 4 }),
            weight: fc.integer({ min: 1, max: 5 }),
          }),
          { maxLength: 30 },
        ),
        (method, seats, withdrawn, ballots) => {
          const text = formatBlt({
            seats,
            title: 'T',
            withdrawn,
            candidates: ids.map((id) => ({ id, name: `C${id}` })),
            ballots,
          });
          const plain = parseBlt(text);
          const merged = parseBlt(text, { aggregate: true });
          const keys = merged.ballots.map((b) => b.prefs.join(' '));
          expect(new Set(keys).size).toBe(keys.length);
          const sum = (bs: { weight: number }[]) => bs.reduce((s, b) => s + b.weight, 0);
          expect(sum(merged.ballots)).toBe(sum(plain.ballots));
          expect(count({ ...merged, method })).toEqual(count({ ...plain, method }));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('formatBlt', () => {
  it('writes the standard layout', () => {
    const text = formatBlt({
      seats: 2,
      title: 'Bureau election, 1937',
      candidates: [
        { id: 'x', name: 'Ann "Red" Ames' },
        { id: 'y', name: 'Bob Brown' },
        { id: 'z', name: 'Cy Cole' },
      ],
      withdrawn: ['z'],
      ballots: [{ prefs: ['y', 'x'], weight: 2 }, { prefs: ['x'] }],
    });
    expect(text).toBe(
      '3 2\n-3\n2 2 1 0\n1 1 0\n0\n"Ann \'Red\' Ames"\n"Bob Brown"\n"Cy Cole"\n"Bureau election, 1937"\n',
    );
  });

  it('writes a ballot naming an unknown candidate as a blank ballot: both are invalid, so the recount is the same', () => {
    const input = {
      method: 'scottish_stv' as const,
      seats: 1,
      title: '',
      candidates: [
        { id: 'x', name: 'X' },
        { id: 'y', name: 'Y' },
      ],
      ballots: [{ prefs: ['x', 'ghost'], weight: 2 }, { prefs: ['y'] }],
    };
    const text = formatBlt(input);
    expect(text.split('\n').slice(1, 3)).toEqual(['2 0', '1 2 0']);
    const back = parseBlt(text, { candidateIds: ['x', 'y'] });
    for (const method of ['plurality', 'approval', 'scottish_stv', 'meek'] as const) {
      expect(count({ ...back, method })).toEqual(count({ ...input, method }));
    }
  });

  it("round-trips any election with the app's ids", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 8 }).chain((ids) =>
          fc.record({
            ids: fc.constant(ids),
            seats: fc.integer({ min: 1, max: 5 }),
            names: fc.array(
              fc.string({ maxLength: 20 }).filter((s) => !/["\r\n]/.test(s)),
              {
                minLength: ids.length,
                maxLength: ids.length,
              },
            ),
            withdrawn: fc.subarray(ids),
            ballots: fc.array(
              fc.record({ prefs: fc.uniqueArray(fc.constantFrom(...ids)), weight: fc.integer({ min: 1, max: 99 }) }),
              { maxLength: 20 },
            ),
            title: fc.string({ maxLength: 30 }).filter((s) => !/["\r\n]/.test(s)),
          }),
        ),
        ({ ids, seats, names, withdrawn, ballots, title }) => {
          const election = {
            title,
            seats,
            candidates: ids.map((id, i) => ({ id, name: names[i]! })),
            withdrawn: ids.filter((id) => withdrawn.includes(id)),
            ballots,
          };
          expect(parseBlt(formatBlt(election), { candidateIds: ids })).toEqual(election);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("a recount of the BLT export (ids '1', '2', …) draws the same lots and elects the same as the app's count", () => {
    const ids = ['9f1c', '03ab', 'c7d2', '5e60'];
    fc.assert(
      fc.property(
        fc.constantFrom('plurality', 'approval', 'scottish_stv', 'meek'),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.record({ prefs: fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 4 }) }), { maxLength: 12 }),
        (method, seats, ballots) => {
          const input = {
            method,
            seats,
            title: 'T',
            candidates: ids.map((id, i) => ({ id, name: `Candidate ${i + 1}` })),
            ballots,
          };
          const app = count(input);
          const cli = count({ ...parseBlt(formatBlt(input)), method });
          expect(cli.elected).toEqual(app.elected.map((id) => String(ids.indexOf(id) + 1)));
          expect(cli.rounds.map((r) => r.tieBreak)).toEqual(app.rounds.map((r) => r.tieBreak));
          expect(cli.rounds.map((r) => r.action)).toEqual(app.rounds.map((r) => r.action));
        },
      ),
      { numRuns: 300 },
    );
  });
});
