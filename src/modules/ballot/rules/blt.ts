// BLT ballot files (pure): the format of OpenSTV, Droop, eSTV, OpaVote and the ERS tools, for exchanging ballots
// with other counting programs.
//
//   4 2            the header: candidates, seats
//   -3             optional, only on the line right after the header: withdrawn candidates, as negative numbers
//   3 1 2 0        a ballot line: weight, then candidate numbers (1-based) in order of preference, then 0
//   1 4 0
//   0              end of ballots
//   "Ann Ames"     the candidates' names, in number order
//   ...
//   "Title"        the election's title
//   anything       notes after the title (sources, remarks): kept in `notes`, never counted
//
// The file is read line by line (`BltReader`), as OpenSTV and OpaVote read it, so that the CLI can stream a file of
// millions of ballots and `parseBlt` reads a string through the same code. What is read, and what is refused:
// - Blank lines and `#` comments (to the end of the line, outside quotes) are ignored anywhere.
// - Each ballot is one line: `weight c1 c2 … 0`, optionally after a ballot id in parentheses, `(17) 1 3 2 0`
//   (OpenSTV's custom ballot ids; the id is ignored). Anything after the closing 0 is refused: it used to become
//   a phantom ballot. `1 0` is a blank ballot (counted as invalid).
// - Weights are whole numbers from 1 to 1,000,000. A negative weight is refused, also on the first ballot line
//   (withdrawn candidates are a line holding only negative numbers, right after the header; a line such as
//   `-2 1 3 0` is a ballot with a wrong weight, never a withdrawal). A line starting with 0 is the end of the
//   ballots and must hold 0 alone: Droop and OpenSTV read `0 1 2 0` as that end and then fail on the names, so it
//   is refused with its own message (drop the ballot or give it a weight).
// - A candidate named twice on one ballot is read, as OpenSTV reads it: the count decides (STV reads the paper up
//   to the repeat, plurality and approval set it aside as invalid). The app's own ballot board may hold such
//   papers, and its BLT export must recount the same.
// - Equal rankings (`2=3`) and skipped rankings (`-`) are refused with a clear message: no counting method here
//   gives them a meaning. Fractional weights are refused.
// - Names: in double quotes, a doubled quote inside standing for one (CSV style: `"The ""Red"" List"`), several
//   per line allowed; or unquoted, one whole line per name (the dialect of many published council files). The
//   first name decides: once names are quoted, every name and the title must be.
// - The title is required (as Droop and OpenSTV require it); lines after it are notes.
// - The header must give the number of candidates and of seats on one line; every error names its line.
//
// A BLT file has no candidate ids, only numbers. `parseBlt` gives the candidates the ids the caller passes
// (`candidateIds`, in number order: the app's own ids, so that `parseBlt(formatBlt(x), { candidateIds })`
// round-trips), and otherwise the numbers as strings ('1', '2', …), which stay stable whatever the names are.
// With `aggregate`, identical rankings are merged as they are read (weights added), so memory grows with the
// number of distinct rankings, not of ballots; the count's result is the same (it merges identical ballots too).
// `formatBlt` writes the candidates in the order given.
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
  /** Lines after the title (only when there are any). */
  notes?: string[];
}

export interface BltOptions {
  /** The candidates' ids in number order (default '1', '2', …). */
  candidateIds?: readonly string[];
  /** Merge identical rankings as they are read (weights added; a merged weight over 1,000,000 is split). */
  aggregate?: boolean;
}

/** The largest weight of one ballot line (and of one ballot of the count, see contracts/count.ts). */
export const BLT_MAX_WEIGHT = 1_000_000;

type Phase = 'header' | 'withdrawn' | 'ballots' | 'names' | 'title' | 'notes';

const DIGITS = /^\d+$/;
const NEGATIVE = /^-\d+$/;
const SPACE = /\s+/;

/** Text before a `#` comment, for lines without quotes. */
function uncommented(raw: string): string {
  const hash = raw.indexOf('#');
  return (hash < 0 ? raw : raw.slice(0, hash)).trim();
}

/** The double-quoted strings of a line (`""` inside stands for `"`), up to a `#` comment. */
function quotedStrings(raw: string, line: number): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    while (i < raw.length && /\s/.test(raw[i]!)) i++;
    if (i >= raw.length || raw[i] === '#') return out;
    if (raw[i] !== '"') {
      throw new BltError(
        line,
        `unexpected '${raw.slice(i).trim()}' after a quoted name: put each name in its own quotes.`,
      );
    }
    let text = '';
    let j = i + 1;
    for (;;) {
      const k = raw.indexOf('"', j);
      if (k < 0) throw new BltError(line, 'a quoted name is not closed with ".');
      text += raw.slice(j, k);
      if (raw[k + 1] === '"') {
        text += '"';
        j = k + 2;
        continue;
      }
      i = k + 1;
      break;
    }
    out.push(text);
  }
}

/**
 * Reads a BLT file line by line: `line(text)` for each line in order, then `end()`. Throws `BltError` with the
 * line number at the first problem.
 */
export class BltReader {
  private phase: Phase = 'header';
  private lineNo = 0;
  private lastContentLine = 1;
  private n = 0;
  private seats = 0;
  private ids: string[] = [];
  private readonly withdrawn = new Set<string>();
  private readonly ballots: BltElection['ballots'] = [];
  private readonly merged = new Map<string, { prefs: string[]; weight: number }>();
  private total = 0;
  private quotedNames: boolean | null = null;
  private readonly names: string[] = [];
  private title: string | null = null;
  private readonly notes: string[] = [];

  constructor(private readonly options: BltOptions = {}) {}

  /** Read the next line of the file (without its line break). */
  line(raw: string): void {
    const line = ++this.lineNo;
    if (line === 1 && raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1);
    if (this.phase === 'names' || this.phase === 'title' || this.phase === 'notes') {
      this.text(raw, line);
      return;
    }
    const content = uncommented(raw);
    if (content === '') return;
    this.lastContentLine = line;
    if (this.phase === 'header') this.header(content, line);
    else this.ballot(content, line);
  }

  private header(content: string, line: number): void {
    const tokens = content.split(SPACE);
    const int = (tok: string | undefined, what: string): number => {
      if (tok === undefined || !DIGITS.test(tok)) {
        throw new BltError(
          line,
          tok === undefined
            ? `the first line must give the number of candidates and the number of seats (e.g. '4 2').`
            : `expected ${what}, found '${tok}'.`,
        );
      }
      return Number(tok);
    };
    const n = int(tokens[0], 'the number of candidates');
    if (n < 1 || n > 1000) throw new BltError(line, `the number of candidates must be 1 to 1000, not ${n}.`);
    const seats = int(tokens[1], 'the number of seats');
    if (seats < 1 || seats > 1000) throw new BltError(line, `the number of seats must be 1 to 1000, not ${seats}.`);
    if (tokens.length > 2) {
      throw new BltError(line, `the first line holds only the number of candidates and of seats, not '${tokens[2]}'.`);
    }
    const ids = this.options.candidateIds
      ? [...this.options.candidateIds]
      : Array.from({ length: n }, (_, i) => String(i + 1));
    if (ids.length !== n) {
      throw new BltError(line, `the file has ${n} candidates but ${ids.length} candidate ids were given.`);
    }
    this.n = n;
    this.seats = seats;
    this.ids = ids;
    this.phase = 'withdrawn';
  }

  private candidate(tok: string, line: number): number {
    if (!DIGITS.test(tok)) {
      if (tok === '-') throw new BltError(line, "skipped rankings ('-') are not supported.");
      if (tok.includes('=')) {
        throw new BltError(line, `equal rankings ('${tok}') are not supported: give each candidate its own rank.`);
      }
      throw new BltError(line, `expected a candidate number, found '${tok}'.`);
    }
    const k = Number(tok);
    if (k < 1 || k > this.n) throw new BltError(line, `candidate number ${k} is not between 1 and ${this.n}.`);
    return k;
  }

  private ballot(content: string, line: number): void {
    const firstBallotLine = this.phase === 'withdrawn';
    let body = content;
    if (body.startsWith('(')) {
      const close = body.indexOf(')');
      if (close < 0) throw new BltError(line, 'a ballot id in parentheses is not closed with ).');
      body = body.slice(close + 1).trim();
      if (body === '') throw new BltError(line, 'a ballot id must be followed by its ballot: weight, candidates, 0.');
    }
    const tokens = body.split(SPACE);
    if (firstBallotLine && body === content && tokens.every((t) => NEGATIVE.test(t))) {
      for (const t of tokens) this.withdrawn.add(this.ids[this.candidate(t.slice(1), line) - 1]!);
      this.phase = 'ballots';
      return;
    }
    this.phase = 'ballots';
    const w = tokens[0]!;
    if (w === '0' && tokens.length === 1 && body === content) {
      this.phase = 'names';
      return;
    }
    if (!DIGITS.test(w)) {
      if (NEGATIVE.test(w)) {
        throw new BltError(
          line,
          `a ballot weight cannot be negative (${w})` +
            (tokens.every((t) => NEGATIVE.test(t))
              ? ': withdrawn candidates are listed on the line right after the header.'
              : `: withdrawn candidates go on a line of their own, holding only negative numbers, right after the header.`),
        );
      }
      if (w.startsWith('"')) throw new BltError(line, 'the ballots must end with a line holding 0 before the names.');
      if (/^\d*[.,]\d+$/.test(w))
        throw new BltError(line, `a ballot line must start with a whole-number weight, not '${w}'.`);
      throw new BltError(
        line,
        `a ballot line must start with a whole-number weight, not '${w}'` +
          (/^[\d=-]/.test(w) ? '.' : ' (is the line holding 0 that ends the ballots missing before the names?).'),
      );
    }
    const weight = Number(w);
    if (weight === 0) {
      throw new BltError(
        line,
        'a ballot weight of 0: a line starting with 0 ends the ballots and holds 0 alone. Remove this ballot, or give it a weight of 1 or more.',
      );
    }
    if (weight > BLT_MAX_WEIGHT) {
      throw new BltError(line, `a ballot weight must be 1 to ${BLT_MAX_WEIGHT}, not ${weight}.`);
    }
    let end = -1;
    for (let i = 1; i < tokens.length; i++) {
      if (tokens[i] === '0') {
        end = i;
        break;
      }
      this.candidate(tokens[i]!, line);
    }
    if (end < 0) throw new BltError(line, 'a ballot line must end with 0.');
    if (end < tokens.length - 1) {
      throw new BltError(
        line,
        `'${tokens.slice(end + 1).join(' ')}' after the 0 that ends the ballot: each ballot goes on a line of its own.`,
      );
    }
    this.total += weight;
    if (this.total > Number.MAX_SAFE_INTEGER) {
      throw new BltError(line, `the ballots' weights add up to more than ${Number.MAX_SAFE_INTEGER}.`);
    }
    const numbers = tokens.slice(1, end);
    if (!this.options.aggregate) {
      this.ballots.push({ prefs: numbers.map((t) => this.ids[Number(t) - 1]!), weight });
      return;
    }
    const key =
      numbers.length === 0 ? '' : numbers.length === 1 ? String(Number(numbers[0])) : numbers.map(Number).join(' ');
    const g = this.merged.get(key);
    if (g) g.weight += weight;
    else this.merged.set(key, { prefs: numbers.map((t) => this.ids[Number(t) - 1]!), weight });
  }

  /** Names, title and notes. */
  private text(raw: string, line: number): void {
    if (this.phase === 'notes') {
      const note = raw.trim();
      if (note !== '' && !note.startsWith('#')) this.notes.push(note);
      return;
    }
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    this.lastContentLine = line;
    if (this.quotedNames === null) this.quotedNames = trimmed.startsWith('"');
    let items: string[];
    if (trimmed.startsWith('"')) items = quotedStrings(trimmed, line);
    else if (this.quotedNames) {
      const what = this.phase === 'title' ? 'the title' : `the name of candidate ${this.names.length + 1}`;
      throw new BltError(
        line,
        `expected ${what} in double quotes, found '${uncommented(trimmed)}' (the names before it are quoted).`,
      );
    } else items = [uncommented(trimmed)];
    for (const item of items) {
      if (this.phase === 'names') {
        this.names.push(item);
        if (this.names.length === this.n) this.phase = 'title';
      } else if (this.phase === 'title') {
        this.title = item;
        this.phase = 'notes';
      } else this.notes.push(`"${item.replace(/"/g, '""')}"`);
    }
  }

  /** The election read; throws when the file ended too early. */
  end(): BltElection {
    const at = this.lastContentLine;
    switch (this.phase) {
      case 'header':
        throw new BltError(1, 'the file is empty: it must start with the number of candidates and of seats.');
      case 'withdrawn':
      case 'ballots':
        throw new BltError(at, 'the file ends before the line holding 0 that ends the ballots.');
      case 'names':
        throw new BltError(
          at,
          `the file ends where the name of candidate ${this.names.length + 1} was expected: the header declares ${this.n} candidates, the file names ${this.names.length}.`,
        );
      case 'title':
        throw new BltError(
          at,
          `the file ends after the ${this.n} names: the election's title (in double quotes) is missing.`,
        );
    }
    const ballots = this.options.aggregate ? [...this.merged.values()].flatMap(splitWeight) : this.ballots;
    const candidates = this.names.map((name, i) => ({ id: this.ids[i]!, name }));
    const withdrawn = this.ids.filter((id) => this.withdrawn.has(id));
    const election: BltElection = { title: this.title ?? '', seats: this.seats, candidates, withdrawn, ballots };
    if (this.notes.length > 0) election.notes = this.notes;
    return election;
  }
}

/** One merged ranking as ballots of at most BLT_MAX_WEIGHT each (the count merges them again). */
function splitWeight(g: { prefs: string[]; weight: number }): { prefs: string[]; weight: number }[] {
  if (g.weight <= BLT_MAX_WEIGHT) return [g];
  const out: { prefs: string[]; weight: number }[] = [];
  for (let left = g.weight; left > 0; left -= BLT_MAX_WEIGHT)
    out.push({ prefs: g.prefs, weight: Math.min(left, BLT_MAX_WEIGHT) });
  return out;
}

export function parseBlt(text: string, options: BltOptions = {}): BltElection {
  const reader = new BltReader(options);
  for (const line of text.split(/\r\n|\n|\r/)) reader.line(line);
  return reader.end();
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
