// `antaeus count` on its own: bin/antaeus.js loads this instead of main.ts for the count command, so counting a BLT
// file loads commander and the pure counting rules only, never the server, the database or the other commands
// (about a second to start instead of several). Errors are reported as main.ts reports them.
import { Command } from 'commander';
import { runProgram } from './run.js';
import { countCommand } from './count.js';

export async function countMain(argv: string[] = process.argv): Promise<void> {
  const program = new Command()
    .name('antaeus')
    .description('Antaeus: the organisational life of a federated membership organisation.')
    .showHelpAfterError()
    .addCommand(countCommand());
  await runProgram(program, argv);
}

await countMain();
