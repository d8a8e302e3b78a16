// HTTP: the verbatim transcript — read (in seq order, or what is new after a seq), add an entry, correct one.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api, RouteModule } from '../../platform/http/app.js';
import { errorResponses, json, jsonBody, requireActor, policy } from '../../platform/http/openapi.js';
import type { TranscriptService } from './transcript.service.js';
import { IdParam, Uuid } from '../../contracts/common.js';
import {
  AddTranscriptInput,
  CorrectTranscriptInput,
  TranscriptEntry,
  TranscriptList,
  TranscriptQuery,
} from '../../contracts/assembly.js';

const EntryParam = z.object({ id: Uuid, entryId: Uuid });
const errors = errorResponses({ 409: 'Stale version', 422: 'Not allowed now (e.g. the protocol is approved)' });

const list = createRoute({
  method: 'get',
  path: '/api/meetings/{id}/transcript',
  ...policy('meeting'),
  tags: ['assemblies'],
  summary: 'The transcript in seq order (afterSeq: only what is new)',
  request: { params: IdParam, query: TranscriptQuery },
  responses: { 200: { description: 'Entries', ...json(TranscriptList) }, ...errors },
});
const add = createRoute({
  method: 'post',
  path: '/api/meetings/{id}/transcript',
  ...policy('meeting'),
  tags: ['assemblies'],
  summary: 'The stenographer adds an entry (speech, interjection, remark, chair)',
  request: { params: IdParam, ...jsonBody(AddTranscriptInput) },
  responses: { 201: { description: 'The entry', ...json(TranscriptEntry) }, ...errors },
});
const correct = createRoute({
  method: 'patch',
  path: '/api/meetings/{id}/transcript/{entryId}',
  ...policy('meeting'),
  tags: ['assemblies'],
  summary: 'Correct an entry (its version guards concurrent corrections); refused once the protocol is approved',
  request: { params: EntryParam, ...jsonBody(CorrectTranscriptInput) },
  responses: { 200: { description: 'The corrected entry', ...json(TranscriptEntry) }, ...errors },
});

/** The services these routes use (passed by src/app/compose.ts). */
export interface TranscriptRouteDeps {
  transcript: TranscriptService;
}

export function transcriptRoutes(s: TranscriptRouteDeps): RouteModule {
  return (api: Api) => {
    api.openapi(list, async (c) =>
      c.json(await s.transcript.list(requireActor(c), c.req.valid('param').id, c.req.valid('query')), 200),
    );
    api.openapi(add, async (c) =>
      c.json(await s.transcript.add(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 201),
    );
    api.openapi(correct, async (c) => {
      const p = c.req.valid('param');
      return c.json(await s.transcript.correct(requireActor(c), p.id, p.entryId, c.req.valid('json')), 200);
    });
  };
}
