// The web app's typed API schema is generated from the server's OpenAPI document (ADR 0022): the checked-in file
// must be what the generator writes today, so a contract or route changed without regenerating fails here.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { API_SCHEMA_FILE, generateApiSchema } from '../../src/cli/api-schema.js';

describe('the generated API schema (src/web/app/api-schema.ts)', () => {
  it('is current with the contracts and routes', async () => {
    const [fresh, checkedIn] = await Promise.all([generateApiSchema(), readFile(API_SCHEMA_FILE, 'utf8')]);
    expect(fresh === checkedIn, 'src/web/app/api-schema.ts is stale: run npm run gen:api').toBe(true);
  }, 180_000);
});
