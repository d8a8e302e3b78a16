// HTTP: dues payments, a member's register, the arrears worklist and the monthly roll-up.
import { expensiveRead, expensiveReadRefused, type ExpensiveReads } from '../../platform/http/expensive-reads.js';
import { createRoute } from '@hono/zod-openapi';
import type { Api, RouteModule } from '../../platform/http/app.js';
import { errorResponses, json, requireActor, policy } from '../../platform/http/openapi.js';
import type { DuesService } from './dues.service.js';
import {
  ArrearsPage,
  ArrearsQuery,
  DuesPayment,
  DuesPersonParam,
  DuesQuote,
  DuesQuoteQuery,
  DuesRollup,
  PersonDues,
  RecordPaymentInput,
  RollupQuery,
} from '../../contracts/dues.js';

const errors = errorResponses();

const pay = createRoute({
  method: 'post',
  path: '/api/dues/payments',
  ...policy('scope'),
  tags: ['dues'],
  summary: "Record a member's dues for a month",
  request: { body: { required: true, ...json(RecordPaymentInput) } },
  responses: {
    201: { description: 'Recorded', ...json(DuesPayment) },
    ...errorResponses({ 409: 'Already paid for this month', 422: 'Against the statute (amount, month)' }),
  },
});
const quote = createRoute({
  method: 'get',
  path: '/api/dues/scale',
  ...policy('organisation'),
  tags: ['dues'],
  summary: 'The amount due for earnings in a month (the scale in force then)',
  request: { query: DuesQuoteQuery },
  responses: { 200: { description: 'Amount due', ...json(DuesQuote) }, ...errors },
});
const person = createRoute({
  method: 'get',
  path: '/api/dues/persons/{id}',
  ...policy('scope'),
  tags: ['dues'],
  summary: "A member's dues register and months owed",
  request: { params: DuesPersonParam },
  responses: { 200: { description: 'Register', ...json(PersonDues) }, ...errors },
});
const arrears = createRoute({
  method: 'get',
  path: '/api/dues/arrears',
  ...policy('scope'),
  tags: ['dues'],
  summary: "Members of a subtree in arrears past the statute's limit",
  request: { query: ArrearsQuery },
  responses: { 200: { description: 'Arrears', ...json(ArrearsPage) }, ...errors, ...expensiveReadRefused },
});
const rollup = createRoute({
  method: 'get',
  path: '/api/dues/rollup',
  ...policy('scope'),
  tags: ['dues'],
  summary: 'Dues collected in a month: the body and each child subtree',
  request: { query: RollupQuery },
  responses: { 200: { description: 'Roll-up', ...json(DuesRollup) }, ...errors, ...expensiveReadRefused },
});

/** The services these routes use (passed by src/app/compose.ts). */
export interface DuesRouteDeps {
  dues: DuesService;
  expensiveReads: ExpensiveReads;
}

export function duesRoutes(s: DuesRouteDeps): RouteModule {
  return (api: Api) => {
    api.openapi(pay, async (c) => c.json(await s.dues.recordPayment(requireActor(c), c.req.valid('json')), 201));
    api.openapi(quote, async (c) => {
      const q = c.req.valid('query');
      return c.json(await s.dues.quote(requireActor(c), q.month, q.earnings), 200);
    });
    api.openapi(person, async (c) => c.json(await s.dues.personDues(requireActor(c), c.req.valid('param').id), 200));
    api.openapi(arrears, async (c) =>
      c.json(await expensiveRead(s.expensiveReads, c, (actor) => s.dues.arrears(actor, c.req.valid('query'))), 200),
    );
    api.openapi(rollup, async (c) =>
      c.json(await expensiveRead(s.expensiveReads, c, (actor) => s.dues.rollup(actor, c.req.valid('query'))), 200),
    );
  };
}
