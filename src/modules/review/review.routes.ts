// HTTP: membership reviews, their items, progress and the review commission's worklist.
import { expensiveRead, expensiveReadRefused, type ExpensiveReads } from '../../platform/http/expensive-reads.js';
import { createRoute } from '@hono/zod-openapi';
import type { Api, RouteModule } from '../../platform/http/app.js';
import { errorResponses, json, requireActor, policy } from '../../platform/http/openapi.js';
import type { ReviewService } from './review.service.js';
import { IdParam } from '../../contracts/common.js';
import {
  CloseReviewInput,
  DecideItemInput,
  MyItemsQuery,
  OpenReviewInput,
  ProgressQuery,
  Review,
  ReviewItem,
  ReviewItemPage,
  ReviewList,
  ReviewListQuery,
  ReviewProgress,
} from '../../contracts/review.js';

const errors = errorResponses({
  403: 'Not allowed',
  409: 'Conflicts with the current state',
  422: 'Against the statute',
});

const open = createRoute({
  method: 'post',
  path: '/api/reviews',
  ...policy('scope'),
  tags: ['reviews'],
  summary: 'Open a review of every member and candidate of a committee’s subtree',
  request: { body: { required: true, ...json(OpenReviewInput) } },
  responses: { 201: { description: 'Opened', ...json(Review) }, ...errors },
});
const listOfBody = createRoute({
  method: 'get',
  path: '/api/reviews',
  ...policy('scope'),
  tags: ['reviews'],
  summary: 'The reviews opened over a body (for those who manage it)',
  request: { query: ReviewListQuery },
  responses: { 200: { description: 'The reviews, newest first', ...json(ReviewList) }, ...errors },
});
const getOne = createRoute({
  method: 'get',
  path: '/api/reviews/{id}',
  ...policy('scope'),
  tags: ['reviews'],
  summary: 'A review',
  request: { params: IdParam },
  responses: { 200: { description: 'The review', ...json(Review) }, ...errors },
});
const close = createRoute({
  method: 'post',
  path: '/api/reviews/{id}/close',
  ...policy('scope'),
  tags: ['reviews'],
  summary: 'Close a review after its deadline',
  request: { params: IdParam, body: { required: true, ...json(CloseReviewInput) } },
  responses: { 200: { description: 'Closed', ...json(Review) }, ...errors },
});
const progress = createRoute({
  method: 'get',
  path: '/api/reviews/{id}/progress',
  ...policy('scope'),
  tags: ['reviews'],
  summary: 'Progress rolled up per child body',
  request: { params: IdParam, query: ProgressQuery },
  responses: { 200: { description: 'Progress', ...json(ReviewProgress) }, ...errors },
});
const mine = createRoute({
  method: 'get',
  path: '/api/review-items/mine',
  ...policy('filtered'),
  tags: ['reviews'],
  summary: 'Pending review items in the organisations I manage',
  request: { query: MyItemsQuery },
  responses: { 200: { description: 'Items', ...json(ReviewItemPage) }, ...errors, ...expensiveReadRefused },
});
const getItem = createRoute({
  method: 'get',
  path: '/api/review-items/{id}',
  ...policy('scope'),
  tags: ['reviews'],
  summary: 'A review item',
  request: { params: IdParam },
  responses: { 200: { description: 'The item', ...json(ReviewItem) }, ...errors },
});
const decide = createRoute({
  method: 'post',
  path: '/api/review-items/{id}/decide',
  ...policy('scope'),
  tags: ['reviews'],
  summary: 'Decide a review item: confirmed, moved to candidate or sympathiser, or expelled',
  request: { params: IdParam, body: { required: true, ...json(DecideItemInput) } },
  responses: { 200: { description: 'Decided', ...json(ReviewItem) }, ...errors },
});

/** The services these routes use (passed by src/app/compose.ts). */
export interface ReviewRouteDeps {
  expensiveReads: ExpensiveReads;
  review: ReviewService;
}

export function reviewRoutes(s: ReviewRouteDeps): RouteModule {
  return (api: Api) => {
    const r = s.review;
    api.openapi(listOfBody, async (c) => c.json(await r.listOfBody(requireActor(c), c.req.valid('query').bodyId), 200));
    api.openapi(open, async (c) => c.json(await r.open(requireActor(c), c.req.valid('json')), 201));
    api.openapi(mine, async (c) =>
      c.json(await expensiveRead(s.expensiveReads, c, (actor) => r.myItems(actor, c.req.valid('query'))), 200),
    );
    api.openapi(getOne, async (c) => c.json(await r.get(requireActor(c), c.req.valid('param').id), 200));
    api.openapi(close, async (c) =>
      c.json(await r.close(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(progress, async (c) =>
      c.json(await r.progress(requireActor(c), c.req.valid('param').id, c.req.valid('query').bodyId), 200),
    );
    api.openapi(getItem, async (c) => c.json(await r.getItem(requireActor(c), c.req.valid('param').id), 200));
    api.openapi(decide, async (c) =>
      c.json(await r.decideItem(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
  };
}
