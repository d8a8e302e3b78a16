#!/usr/bin/env node
// Entry point of the `antaeus` command: runs the TypeScript CLI through tsx (no build step). `antaeus count` loads
// only the counting rules (src/cli/count-main.ts), not the server: it starts in about a second.
import { register } from 'tsx/esm/api';
register();
if (process.argv[2] === 'count') await import('../src/cli/count-main.ts');
else await import('../src/cli/main.ts');
