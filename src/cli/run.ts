// Runs a command line program as every entry of `antaeus` does: an AppError is the user's mistake (its message,
// exit code 1); anything else is printed whole with exit code 2.
import type { Command } from 'commander';
import { AppError, defineErrors } from '../platform/errors.js';

/**
 * Error codes of the command line: printed, never sent over HTTP. Declared like the server's, so that a code keeps
 * one kind and one message everywhere (test/unit/error-registry.test.ts).
 */
export const CliErrors = defineErrors({
  file_not_found: { kind: 'not_found', message: 'Cannot read the file: check the path.' },
  count_input_invalid: { kind: 'invalid', message: 'The election in the file cannot be counted.' },
  admin_incomplete: { kind: 'invalid', message: 'Give both --admin-login and --admin-password, or neither.' },
});

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
