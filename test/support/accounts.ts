// People of an HTTP suite by name: each a person ("Comrade <Name>") with an account (login: the name in lower
// case) and a client of the suite's server signed in as them. Shared by the assembly and ballot suites.
import { expect } from 'vitest';
import type { TestClient, TestServer } from './http.js';
import { makeOffice, makePerson } from './factories.js';

export const PASSWORD = 'correct horse';

export interface Named {
  id: string;
  client: TestClient;
}

export interface AccountOptions {
  status?: 'member' | 'candidate';
  /** A body whose secretary the person is. */
  secretaryOf?: { id: string };
}

/**
 * The suite's people, made on `server()` (the server the suite starts in beforeAll): `account` registers one in a
 * body, `who` is their signed-in client, `id` their person id, `people` all of them by name.
 */
export function namedPeople(server: () => TestServer) {
  const people: Record<string, Named> = {};
  async function account(
    name: string,
    org: { id: string },
    body: { id: string },
    opts: AccountOptions = {},
  ): Promise<Named> {
    const srv = server();
    const p = await makePerson(srv.db, org, body, { familyName: name, givenName: 'Comrade', status: opts.status });
    if (opts.secretaryOf) await makeOffice(srv.db, opts.secretaryOf, p, 'secretary');
    await srv.services.auth.createAccount({ personId: p.id, login: name.toLowerCase(), password: PASSWORD });
    const client = srv.client();
    expect((await client.login(name.toLowerCase(), PASSWORD)).status).toBe(200);
    return (people[name] = { id: p.id, client });
  }
  return {
    people,
    account,
    who: (name: string) => people[name]!.client,
    id: (name: string) => people[name]!.id,
  };
}
