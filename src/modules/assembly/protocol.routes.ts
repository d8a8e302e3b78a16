// HTTP: a meeting's protocol — read, generate, edit, approve, seal; PDFs of protocol and transcript; and the
// check of the chain of sealed records (VerifyReport). All routes require sign-in.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api, RouteModule } from '../../platform/http/app.js';
import { errorResponses, json, requireActor, policy } from '../../platform/http/openapi.js';
import type { ProtocolService } from './protocol.service.js';
import { IdParam } from '../../contracts/common.js';
import {
  EditProtocolInput,
  GenerateProtocolInput,
  Protocol,
  ProtocolStepInput,
  VerifyReport,
} from '../../contracts/assembly.js';

const errors = errorResponses({ 409: 'Changed meanwhile (reload)', 422: 'Not allowed in this state' });
const ok = { 200: { description: 'The protocol', ...json(Protocol) }, ...errors };
const pdf = { 200: { description: 'PDF', content: { 'application/pdf': { schema: z.string() } } }, ...errors };

const getOne = createRoute({
  method: 'get',
  path: '/api/meetings/{id}/protocol',
  ...policy('meeting'),
  tags: ['assemblies'],
  summary: "The meeting's protocol (viewers of the meeting)",
  request: { params: IdParam },
  responses: ok,
});
const generate = createRoute({
  method: 'post',
  path: '/api/meetings/{id}/protocol',
  ...policy('meeting'),
  tags: ['assemblies'],
  summary: 'Generate (or, while a draft, regenerate) the protocol from the record',
  request: { params: IdParam, body: { required: true, ...json(GenerateProtocolInput) } },
  responses: ok,
});
const edit = createRoute({
  method: 'patch',
  path: '/api/meetings/{id}/protocol',
  ...policy('meeting'),
  tags: ['assemblies'],
  summary: "The secretary edits the draft (with the protocol's version)",
  request: { params: IdParam, body: { required: true, ...json(EditProtocolInput) } },
  responses: ok,
});
const approve = createRoute({
  method: 'post',
  path: '/api/meetings/{id}/protocol/approve',
  ...policy('meeting'),
  tags: ['assemblies'],
  summary: 'Approve the draft (the meeting must be closed); the transcript then refuses corrections',
  request: { params: IdParam, body: { required: true, ...json(ProtocolStepInput) } },
  responses: ok,
});
const seal = createRoute({
  method: 'post',
  path: '/api/meetings/{id}/protocol/seal',
  ...policy('meeting'),
  tags: ['assemblies'],
  summary: 'Seal the approved protocol, transcript and notes into the hash chain; nothing can change afterwards',
  request: { params: IdParam, body: { required: true, ...json(ProtocolStepInput) } },
  responses: ok,
});
const protocolPdf = createRoute({
  method: 'get',
  path: '/api/meetings/{id}/protocol.pdf',
  ...policy('meeting'),
  tags: ['assemblies'],
  summary: 'The protocol as a PDF (A4; with the seal when sealed)',
  request: { params: IdParam },
  responses: pdf,
});
const transcriptPdf = createRoute({
  method: 'get',
  path: '/api/meetings/{id}/transcript.pdf',
  ...policy('meeting'),
  tags: ['assemblies'],
  summary: 'The verbatim transcript as a PDF (A4; with the seal when sealed)',
  request: { params: IdParam },
  responses: pdf,
});
const verify = createRoute({
  method: 'get',
  path: '/api/sealed-records/verify',
  ...policy('filtered'),
  tags: ['assemblies'],
  summary: 'Check the chain of sealed records against the live records (managers of a body); names every problem',
  responses: { 200: { description: 'The report, with the head hash to publish', ...json(VerifyReport) }, ...errors },
});

const attachment = (name: string) => ({
  'content-type': 'application/pdf',
  'content-disposition': `attachment; filename="${name}"`,
});

/** The services these routes use (passed by src/app/compose.ts). */
export interface ProtocolRouteDeps {
  protocol: ProtocolService;
}

export function protocolRoutes(s: ProtocolRouteDeps): RouteModule {
  return (api: Api) => {
    api.openapi(getOne, async (c) => c.json(await s.protocol.get(requireActor(c), c.req.valid('param').id), 200));
    api.openapi(generate, async (c) =>
      c.json(await s.protocol.generate(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(edit, async (c) =>
      c.json(await s.protocol.edit(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(approve, async (c) =>
      c.json(await s.protocol.approve(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(seal, async (c) =>
      c.json(await s.protocol.seal(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(protocolPdf, async (c) => {
      const id = c.req.valid('param').id;
      const bytes = await s.protocol.protocolPdf(requireActor(c), id);
      return c.body(new Uint8Array(bytes), 200, attachment(`protocol-${id}.pdf`));
    });
    api.openapi(transcriptPdf, async (c) => {
      const id = c.req.valid('param').id;
      const bytes = await s.protocol.transcriptPdf(requireActor(c), id);
      return c.body(new Uint8Array(bytes), 200, attachment(`transcript-${id}.pdf`));
    });
    api.openapi(verify, async (c) => c.json(await s.protocol.verify(requireActor(c)), 200));
  };
}
