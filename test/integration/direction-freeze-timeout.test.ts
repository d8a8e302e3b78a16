// Direction (ADR 0027 §2): freezing a directive's tree is a request's one long statement; its transaction carries its
// own statement timeout (FREEZE_TIMEOUT_MS), not the request's usual one, so that issuing to every primary
// organisation does not fail under load each time it is retried (the CPSU-scale bench hit the 15 s limit).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type TestServer } from '../support/http.js';
import { buildDirectionCity, inDays, type DirectionCity } from '../support/direction-fixture.js';
import { FREEZE_TIMEOUT_MS } from '../../src/modules/direction/directive.service.js';
import type { Actor } from '../../src/platform/actor.js';

describe.each(DB_KINDS)('the freeze’s own statement timeout on %s', (kind) => {
  let srv: TestServer;
  let c: DirectionCity;

  beforeAll(async () => {
    srv = await createTestServer(kind);
    c = await buildDirectionCity(srv);
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('raises the statement timeout for the rest of the issuing transaction only', async () => {
    const me = await c.sec.city!.get('/api/auth/me');
    const actor: Actor = { ...me.body, homePath: null, csrfToken: '' } as Actor;
    expect(actor.scopes.map((s) => s.bodyId)).toContain(c.city.id);
    const before = (await sql<{ t: string }>`select current_setting('statement_timeout') as t`.execute(srv.db)).rows[0]!
      .t;
    const inside = await srv.db.transaction().execute(async (trx) => {
      await srv.services.directives.issueInTx(trx, actor, {
        issuerBodyId: c.city.id,
        title: 'Freeze timeout',
        titleRu: 'Срок заморозки',
        text: 'Report.',
        textRu: 'Отчитаться.',
        addressing: { kind: 'subtree' },
        deadline: inDays(10),
        expiryDays: 7,
        formId: c.form.id,
        targets: [],
        source: { kind: 'decision', takenOn: inDays(0), votes: { against: 0, abstained: 0 } },
      } as never);
      return (await sql<{ t: string }>`select current_setting('statement_timeout') as t`.execute(trx)).rows[0]!.t;
    });
    expect(inside).toBe(`${FREEZE_TIMEOUT_MS / 60_000}min`);
    const after = (await sql<{ t: string }>`select current_setting('statement_timeout') as t`.execute(srv.db)).rows[0]!
      .t;
    expect(after).toBe(before);
  });
});
