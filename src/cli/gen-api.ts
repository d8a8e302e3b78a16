// `npm run gen:api`: writes the web app's typed API schema (src/web/app/api-schema.ts) from the server's
// OpenAPI document (src/cli/api-schema.ts, ADR 0022).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { API_SCHEMA_FILE, generateApiSchema } from './api-schema.js';

await writeFile(API_SCHEMA_FILE, await generateApiSchema());
console.log(`wrote ${path.relative(process.cwd(), API_SCHEMA_FILE)}`);
