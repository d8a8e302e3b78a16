// Loaded with `node --import` (e.g. NODE_OPTIONS="--import /abs/test/support/import-trace.mjs"): appends the URL of
// every module the process resolves to the file named by IMPORT_TRACE, one per line. Tests use it to see what a
// command loads (`antaeus count` must not load the server).
import { register } from 'node:module';

const hooks = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (process.env.IMPORT_TRACE) appendFileSync(process.env.IMPORT_TRACE, r.url + '\\n');
  return r;
}
`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
