// HTTP: reading direction across periods and subtrees (ADR 0027 §9) — a schedule's figures over its periods at one
// body (the dashboard's chart), and a committee's digest of what is due, overdue and flagged (JSON, CSV, PDF).
import { createRoute, z } from '@hono/zod-openapi';
import type { Api, RouteModule } from '../../platform/http/app.js';
import { errorResponses, json, policy, requireActor } from '../../platform/http/openapi.js';
import { IdParam } from '../../contracts/common.js';
import { Digest, DigestPdfQuery, DigestQuery, Series, SeriesQuery } from '../../contracts/direction-insight.js';
import type { RollupService } from './rollup.service.js';
import type { DirectionDigests } from './digest.service.js';

const errors = errorResponses({ 403: 'Not allowed', 404: 'Not found' });
const tags = ['direction'];

const series = createRoute({
  method: 'get',
  path: '/api/direction/schedules/{id}/series',
  ...policy('scope'),
  tags,
  summary: "A schedule's opened periods at one body: completeness and each indicator's total, oldest first",
  request: { params: IdParam, query: SeriesQuery },
  responses: { 200: { description: 'The series', ...json(Series) }, ...errors },
});
const digest = createRoute({
  method: 'get',
  path: '/api/direction/digest',
  ...policy('scope'),
  tags,
  summary: "A committee's digest: rounds due, children overdue, discrepancies and returned reports below it",
  request: { query: DigestQuery },
  responses: {
    200: {
      description: 'The digest (JSON, or CSV with format=csv)',
      content: { 'application/json': { schema: Digest }, 'text/csv': { schema: z.string() } },
    },
    ...errors,
  },
});
const digestPdf = createRoute({
  method: 'get',
  path: '/api/direction/digest.pdf',
  ...policy('scope'),
  tags,
  summary: "A committee's digest as a PDF (A4, in English or Russian)",
  request: { query: DigestPdfQuery },
  responses: { 200: { description: 'PDF', content: { 'application/pdf': { schema: z.string() } } }, ...errors },
});

/** The services these routes use (passed by src/app/compose.ts). */
export interface DirectionDigestRouteDeps {
  rollups: RollupService;
  digests: DirectionDigests;
}

export function directionDigestRoutes(s: DirectionDigestRouteDeps): RouteModule {
  return (api: Api) => {
    api.openapi(series, async (c) =>
      c.json(await s.rollups.series(requireActor(c), c.req.valid('param').id, c.req.valid('query')), 200),
    );
    api.openapi(digest, async (c) => {
      const q = c.req.valid('query');
      if (q.format === 'csv') {
        const csv = await s.digests.csv(requireActor(c), q.bodyId);
        return c.body(csv, 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="digest-${q.bodyId}.csv"`,
        });
      }
      return c.json(await s.digests.digest(requireActor(c), q.bodyId), 200);
    });
    api.openapi(digestPdf, async (c) => {
      const q = c.req.valid('query');
      const bytes = await s.digests.pdf(requireActor(c), q.bodyId, q.lang ?? 'en');
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="digest-${q.bodyId}.pdf"`,
      });
    });
  };
}
