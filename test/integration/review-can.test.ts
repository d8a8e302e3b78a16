// What the server says the reader may do with a membership review and its items (`Review.can`, `ReviewItem.can`,
// ADR 0026): for each flag, a set of actors (entitled, not entitled) and reviews in a given stage (right state,
// wrong state), the flag read from the review (or the item) is true exactly when the act it stands for succeeds.
// Each row acts on a fresh review over the district.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type TestResponse, type TestServer } from '../support/http.js';
import { makeBody, makeOffice, makeOrganisation, type MadeBody } from '../support/factories.js';
import { namedPeople } from '../support/accounts.js';
import type { Review, ReviewItem } from '../../src/contracts/review.js';

/** The primary organisation's secretary (its review commission), the district's secretary (who opens reviews),
 * and the member under review. */
type Who = 'Secretary' | 'District' | 'Member';
/** The review: open before its deadline, past its deadline, closed; `decided`: open, the member's item decided. */
type Stage = 'open' | 'due' | 'closed' | 'decided';
const ok = (r: TestResponse) => r.status >= 200 && r.status < 300;
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe.each(DB_KINDS)('what the reader may do with a review on %s', (kind) => {
  let srv: TestServer;
  let district: MadeBody;
  const { account, who, id } = namedPeople(() => srv);

  /** A fresh review over the district taken to `stage`: its id and the member's item. */
  async function reviewAt(stage: Stage): Promise<{ reviewId: string; itemId: string }> {
    const due = stage === 'due' || stage === 'closed';
    const opened = await who('District').post('/api/reviews', {
      bodyId: district.id,
      title: `Review (${stage})`,
      openedOn: daysAgo(20),
      deadline: due ? daysAgo(2) : daysAgo(-30),
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const reviewId = opened.body.id as string;
    const item = await srv.db
      .selectFrom('review_item')
      .select('id')
      .where('review_id', '=', reviewId)
      .where('person_id', '=', id('Member'))
      .executeTakeFirstOrThrow();
    if (stage === 'closed')
      expect((await who('District').post(`/api/reviews/${reviewId}/close`, { closedOn: daysAgo(0) })).status).toBe(200);
    if (stage === 'decided') expect((await decide('Secretary', item.id)).status).toBe(200);
    return { reviewId, itemId: item.id };
  }

  const decide = (a: string, itemId: string) =>
    who(a).post(`/api/review-items/${itemId}/decide`, {
      decidedOn: daysAgo(0),
      outcome: 'confirmed',
      reasons: 'Fine.',
    });

  // [actor, stage, expected] for `ReviewItem.can.decide` on the member's item
  const itemRows: [Who, Stage, boolean][] = [
    ['Secretary', 'open', true],
    ['District', 'due', true],
    ['Secretary', 'decided', false],
    ['Secretary', 'closed', false],
    ['Member', 'open', false],
  ];
  // [actor, stage, expected] for `Review.can.close`
  const reviewRows: [Who, Stage, boolean][] = [
    ['District', 'due', true],
    ['District', 'open', false],
    ['District', 'closed', false],
    ['Secretary', 'due', false],
  ];

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const org = await makeOrganisation(srv.db, { effectiveFrom: '1930-01-01' });
    const root = await makeBody(srv.db, org, 'central_committee', null);
    const city = await makeBody(srv.db, org, 'city_committee', root);
    district = await makeBody(srv.db, org, 'district_committee', city);
    const po = await makeBody(srv.db, org, 'primary_organisation', district);
    await account('Secretary', org, po, { secretaryOf: po });
    const d = await account('District', org, po);
    await makeOffice(srv.db, district, { id: d.id }, 'secretary');
    await account('Member', org, po);
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
  });

  it.each(itemRows)('deciding an item for %s in a %s review is %s, and so is the act', async (actor, stage, e) => {
    const r = await reviewAt(stage);
    const read = await who(actor).get(`/api/review-items/${r.itemId}`);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    const can = (read.body as ReviewItem).can;
    expect(can.decide).toBe(e);
    if (actor !== 'Member') {
      // the commission's worklist carries the same flag (it lists pending items only)
      const mine = await who(actor).get(`/api/review-items/mine?reviewId=${r.reviewId}`);
      const listed = (mine.body.items as ReviewItem[]).find((x) => x.id === r.itemId);
      if (listed) expect(listed.can).toEqual(can);
    }
    const res = await decide(actor, r.itemId);
    expect(ok(res), `${res.status} ${JSON.stringify(res.body)}`).toBe(can.decide);
  });

  it.each(reviewRows)('closing for %s a %s review is %s, and so is the act', async (actor, stage, e) => {
    const r = await reviewAt(stage);
    const read = await who(actor).get(`/api/reviews/${r.reviewId}`);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    const can = (read.body as Review).can;
    expect(can.close).toBe(e);
    if (actor === 'District') {
      const list = await who(actor).get(`/api/reviews?bodyId=${district.id}`);
      expect((list.body.items as Review[]).find((x) => x.id === r.reviewId)!.can).toEqual(can);
    }
    const res = await who(actor).post(`/api/reviews/${r.reviewId}/close`, { closedOn: daysAgo(0) });
    expect(ok(res), `${res.status} ${JSON.stringify(res.body)}`).toBe(can.close);
  });
});
