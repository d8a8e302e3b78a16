// Runs a command line program as every entry of `antaeus` does: an AppError is the user's mistake (its message,
// exit code 1); anything else is printed whole with exit code 2.
import type { Command } from 'commander';
import { AppError } from '../platform/errors.js';

export async function runProgram(program: Command, argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof AppError) {
      console.error(`Error: ${e.message}`);
      process.exitCode = 1;
      return;
    }
    console.error(e);
    process.exitCode = 2;
  }
}
