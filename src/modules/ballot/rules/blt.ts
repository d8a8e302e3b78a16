// BLT ballot files (pure): the format of OpenSTV, Droop, eSTV and the ERS tools, for exchanging ballots with other
// counting programs.
//
//   4 2            candidates, seats
//   -3             optional: withdrawn candidates, as negative numbers
//   3 1 2 0        a ballot line: weight, then candidate numbers (1-based) in order of preference, then 0
//   1 4 0
//   0              end of ballots
//   "Ann Ames"     the candidates' names, in number order
//   ...
//   "Title"        the election's title
//
// A BLT file has no candidate ids, only numbers. `parseBlt` gives the candidates the ids the caller passes
// (`candidateIds`, in number order: the app's own ids, so that `parseBlt(formatBlt(x), { candidateIds })`
// round-trips), and otherwise the numbers as strings ('1', '2', …), which stay stable whatever the names are.
// `formatBlt` writes the candidates in the order given. `#` starts a comment to the end of the line (outside
// quotes), as Droop allows. Equal rankings (`=`), skipped rankings (`-`) and fractional weights are refused with
// the line number.
import type { CountInput } from '../../../contracts/count.js';

export class BltError extends Error {
  override readonly name = 'BltError';
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

export interface BltElection {
  title: string;
  seats: number;
  candidates: { id: string; name: string }[];
  withdrawn: string[];
  ballots: { prefs: string[]; weight: number }[];
}

interface Token {
  text: string;
  line: number;
  quoted: boolean;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    let j = 0;
    while (j < raw.length) {
      const ch = raw[j]!;
      if (ch === '#') break;
      if (/\s/.test(ch)) {
        j++;
        continue;
      }
      if (ch === '"') {
        const end = raw.indexOf('"', j + 1);
        if (end < 0) throw new BltError(line, 'a quoted name is not closed with ".');
        tokens.push({ text: raw.slice(j + 1, end), line, quoted: true });
        j = end + 1;
        continue;
      }
      let k = j;
      while (k < raw.length && !/\s/.test(raw[k]!) && raw[k] !== '"' && raw[k] !== '#') k++;
      tokens.push({ text: raw.slice(j, k), line, quoted: false });
      j = k;
    }
  });
  return tokens;
}

const INT = /^-?\d+$/;

export function parseBlt(text: string, options: { candidateIds?: readonly string[] } = {}): BltElection {
  const tokens = tokenize(text);
  let t = 0;
  const lastLine = tokens.length > 0 ? tokens[tokens.length - 1]!.line : 1;
  const next = (what: string): Token => {
    const tok = tokens[t++];
    if (!tok) throw new BltError(lastLine, `the file ends where ${what} was expected.`);
    return tok;
  };
  const int = (tok: Token, what: string): number => {
    if (tok.quoted || !INT.test(tok.text)) {
      if (/[=]/.test(tok.text)) {
        throw new BltError(
          tok.line,
          `equal rankings ('${tok.text}') are not supported: give each candidate its own rank.`,
        );
      }
      throw new BltError(tok.line, `expected ${what}, found '${tok.text}'.`);
    }
    return Number(tok.text);
  };

  const nTok = next('the number of candidates');
  const n = int(nTok, 'the number of candidates');
  if (n < 1 || n > 1000) throw new BltError(nTok.line, `the number of candidates must be 1 to 1000, not ${n}.`);
  const sTok = next('the number of seats');
  if (sTok.line !== nTok.line) throw new BltError(sTok.line, 'the first line must give the candidates and the seats.');
  const seats = int(sTok, 'the number of seats');
  if (seats < 1 || seats > 1000) throw new BltError(sTok.line, `the number of seats must be 1 to 1000, not ${seats}.`);

  const ids = options.candidateIds ? [...options.candidateIds] : Array.from({ length: n }, (_, i) => String(i + 1));
  if (ids.length !== n) {
    throw new BltError(nTok.line, `the file has ${n} candidates but ${ids.length} candidate ids were given.`);
  }
  const candidate = (tok: Token): string => {
    const k = int(tok, 'a candidate number');
    if (k < 1 || k > n) throw new BltError(tok.line, `candidate number ${k} is not between 1 and ${n}.`);
    return ids[k - 1]!;
  };

  // Withdrawn candidates: negative numbers right after the header.
  const withdrawn: string[] = [];
  while (t < tokens.length && !tokens[t]!.quoted && /^-\d+$/.test(tokens[t]!.text)) {
    const tok = next('a withdrawn candidate');
    withdrawn.push(candidate({ ...tok, text: tok.text.slice(1) }));
  }

  // Ballot lines, up to a lone 0.
  const ballots: BltElection['ballots'] = [];
  for (;;) {
    const wTok = next('a ballot line or the 0 that ends the ballots');
    if (wTok.text === '0' && !wTok.quoted) break;
    if (wTok.quoted) throw new BltError(wTok.line, 'the ballots must end with a line holding 0 before the names.');
    if (/^\(.*\)$/.test(wTok.text)) throw new BltError(wTok.line, 'ballot ids in parentheses are not supported.');
    if (!/^\d+$/.test(wTok.text)) {
      throw new BltError(wTok.line, `a ballot line must start with a whole-number weight, not '${wTok.text}'.`);
    }
    const weight = Number(wTok.text);
    if (weight < 1 || weight > 1_000_000)
      throw new BltError(wTok.line, `a ballot weight must be 1 to 1000000, not ${weight}.`);
    const prefs: string[] = [];
    for (;;) {
      const tok = next('the 0 that ends the ballot line');
      if (tok.line !== wTok.line) throw new BltError(wTok.line, 'a ballot line must end with 0.');
      if (tok.text === '-') throw new BltError(tok.line, "skipped rankings ('-') are not supported.");
      if (tok.text === '0' && !tok.quoted) break;
      const id = candidate(tok);
      prefs.push(id);
    }
    ballots.push({ prefs, weight });
  }

  const candidates: BltElection['candidates'] = [];
  for (let i = 0; i < n; i++) {
    const tok = next(`the name of candidate ${i + 1} (in double quotes)`);
    if (!tok.quoted)
      throw new BltError(tok.line, `expected the name of candidate ${i + 1} in double quotes, found '${tok.text}'.`);
    candidates.push({ id: ids[i]!, name: tok.text });
  }
  let title = '';
  if (t < tokens.length) {
    const tok = next('the title');
    if (!tok.quoted) throw new BltError(tok.line, `expected the title in double quotes, found '${tok.text}'.`);
    title = tok.text;
  }
  if (t < tokens.length) throw new BltError(tokens[t]!.line, `unexpected '${tokens[t]!.text}' after the title.`);
  return { title, seats, candidates, withdrawn, ballots };
}

const quote = (s: string) => `"${s.replace(/"/g, "'").replace(/[\r\n]+/g, ' ')}"`;

/**
 * Write a count's ballots as BLT, candidates numbered in the order given. BLT cannot name a candidate who is not
 * on the list, so a ballot naming one (invalid for every method of `count`) is written as a blank ballot (`w 0`),
 * which `count` also sets aside as invalid: the recount of the file gives the same result. Withdrawn ids that are
 * not candidates are left out.
 */
export function formatBlt(input: Pick<CountInput, 'seats' | 'candidates' | 'ballots' | 'withdrawn' | 'title'>): string {
  const number = new Map(input.candidates.map((c, i) => [c.id, i + 1]));
  const lines = [`${input.candidates.length} ${input.seats}`];
  const withdrawn = (input.withdrawn ?? []).filter((id) => number.has(id));
  if (withdrawn.length > 0) lines.push(withdrawn.map((id) => `-${number.get(id)}`).join(' '));
  for (const b of input.ballots) {
    const known = b.prefs.every((id) => number.has(id));
    lines.push([b.weight ?? 1, ...(known ? b.prefs.map((id) => number.get(id)!) : []), 0].join(' '));
  }
  lines.push('0');
  for (const c of input.candidates) lines.push(quote(c.name));
  lines.push(quote(input.title ?? ''));
  return lines.join('\n') + '\n';
}
