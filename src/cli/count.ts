// `antaeus count <ballots.blt> --method …`: count a BLT ballot file with the same counting code the app uses, and
// print the elected candidates and the round-by-round transcript (or the CountResult as JSON).
// This file loads only the pure counting rules (bin/antaeus.js runs `count` through count-main.ts, without the
// server), and streams the file line by line, merging identical rankings as they are read, so a file of millions of
// ballots needs memory for its distinct rankings only.
import { Command, InvalidArgumentError, Option } from 'commander';
import { open } from 'node:fs/promises';
import { ZodError } from 'zod';
import type { CountMethod, CountResult } from '../contracts/count.js';
import { BltError, BltReader, type BltElection } from '../modules/ballot/rules/blt.js';
import { count, CountInputError } from '../modules/ballot/rules/count/index.js';
import { CliErrors } from './run.js';

export const CLI_METHODS = ['plurality', 'approval', 'scottish-stv', 'meek'] as const;
type CliMethod = (typeof CLI_METHODS)[number];

const METHOD: Record<CliMethod, CountMethod> = {
  plurality: 'plurality',
  approval: 'approval',
  'scottish-stv': 'scottish_stv',
  meek: 'meek',
};

const METHOD_NAME: Record<CountMethod, string> = {
  plurality: 'plurality (block vote)',
  approval: 'approval',
  scottish_stv: 'Scottish STV (SSI 2007/42)',
  meek: "Meek's method",
};

function seatsArg(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new InvalidArgumentError('must be a whole number from 1 to 1000.');
  return n;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '))
    .join('\n');
}

/** The result as text: elected candidates, then a table of votes by stage, then what happened at each stage. */
export function formatCountResult(r: CountResult, title: string): string {
  const name = new Map(r.candidates.map((c) => [c.id, c.name || c.id]));
  const out: string[] = [];
  if (title) out.push(title);
  out.push(`Method: ${METHOD_NAME[r.method]}; seats: ${r.seats}; valid ballots: ${r.valid}; invalid: ${r.invalid}`);
  out.push(`Elected: ${r.elected.length > 0 ? r.elected.map((id) => name.get(id) ?? id).join(', ') : '(none)'}`);
  out.push('');
  const ids = Object.keys(r.rounds[0]?.votes ?? {});
  const rows: string[][] = [['Stage', ...r.rounds.map((x) => String(x.round))]];
  for (const id of ids) rows.push([name.get(id) ?? id, ...r.rounds.map((x) => x.votes[id] ?? '')]);
  if (r.method === 'scottish_stv' || r.method === 'meek') {
    rows.push(['Non-transferable', ...r.rounds.map((x) => x.exhausted)]);
    rows.push(['Quota', ...r.rounds.map((x) => x.quota ?? '')]);
  }
  out.push(table(rows));
  out.push('');
  for (const x of r.rounds) {
    const parts = [`Stage ${x.round}: ${x.action}.`];
    if (x.elected.length > 0) parts.push(`Elected: ${x.elected.map((id) => name.get(id) ?? id).join(', ')}.`);
    if (x.tieBreak) parts.push(`Tie: ${x.tieBreak}`);
    out.push(parts.join(' '));
    if (x.keep) {
      out.push(
        `  keep: ${Object.entries(x.keep)
          .map(([id, k]) => `${name.get(id) ?? id} ${k}`)
          .join(', ')}`,
      );
    }
  }
  return out.join('\n');
}

/**
 * Read a BLT file as a stream of lines through the same reader as `parseBlt`, identical rankings merged as they are
 * read. Throws `BltError` (with the line) for a malformed file, an AppError `file_not_found` when it cannot be read.
 */
export async function readBltFile(file: string): Promise<BltElection> {
  const cannotRead = () => CliErrors.file_not_found({ file }, `Cannot read ${file}: check the path.`);
  const handle = await open(file, 'r').catch(() => {
    throw cannotRead();
  });
  try {
    const reader = new BltReader({ aggregate: true });
    try {
      for await (const line of handle.readLines({ encoding: 'utf8' })) reader.line(line);
    } catch (e) {
      if (e instanceof BltError) throw e;
      throw cannotRead();
    }
    return reader.end();
  } finally {
    await handle.close().catch(() => undefined);
  }
}

export function countCommand(): Command {
  return new Command('count')
    .description(
      'Count a BLT ballot file (OpenSTV/ERS format) with the counting code the app uses; prints the elected ' +
        'candidates and the round-by-round transcript. Ties "by lot" are drawn from the ballots themselves, so every ' +
        'recount draws the same.',
    )
    .argument('<ballots>', 'BLT file')
    .addOption(new Option('--method <method>', 'counting method').choices(CLI_METHODS).makeOptionMandatory())
    .option('--seats <n>', 'seats to fill (default: as the file says)', seatsArg)
    .option('--json', 'print the CountResult as one JSON object')
    .action(async (file: string, opts: { method: CliMethod; seats?: number; json?: boolean }) => {
      let election: BltElection;
      try {
        election = await readBltFile(file);
      } catch (e) {
        // `file.blt:LINE: message`, as compilers report, and exit code 2: the file is malformed
        if (e instanceof BltError) {
          console.error(`${file}:${e.line}: ${e.reason}`);
          process.exitCode = 2;
          return;
        }
        throw e;
      }
      let result: CountResult;
      try {
        result = count({
          method: METHOD[opts.method],
          seats: opts.seats ?? election.seats,
          candidates: election.candidates,
          withdrawn: election.withdrawn,
          ballots: election.ballots,
          title: election.title,
        });
      } catch (e) {
        // names over 300 characters, a title over 500, … (the limits of the count's contract)
        if (e instanceof CountInputError || e instanceof ZodError) {
          const why =
            e instanceof ZodError ? e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : e.message;
          throw CliErrors.count_input_invalid({ file }, `${file}: ${why}`);
        }
        throw e;
      }
      console.log(opts.json ? JSON.stringify(result) : formatCountResult(result, election.title));
    });
}
