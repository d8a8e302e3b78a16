// HTTP: question notes — the meeting's note key, blind token issuance, sending (anonymous: no session, a token
// instead), the presidium's list and handling. An anonymous note's request is never tied to a session: the
// route does not read the actor for it, even when a cookie came along.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api, RouteModule } from '../../platform/http/app.js';
import { errorResponses, json, jsonBody, requireActor, policy } from '../../platform/http/openapi.js';
import type { NotesService } from './notes.service.js';
import { IdParam, Uuid } from '../../contracts/common.js';
import { ANONYMOUS_NOTES_PATH } from '../../contracts/auth.js';
import {
  HandleNoteInput,
  IssueTokensInput,
  IssueTokensResult,
  NoteCreated,
  NoteKey,
  QuestionNote,
  QuestionNoteList,
  SendNoteInput,
} from '../../contracts/assembly.js';

const NoteParam = z.object({ id: Uuid, noteId: Uuid });
const errors = errorResponses({ 409: 'Token already spent, or the note already answered', 422: 'Not allowed now' });

const getKey = createRoute({
  method: 'get',
  path: '/api/meetings/{id}/note-key',
  ...policy('meeting'),
  tags: ['assemblies'],
  summary: "The meeting's public key for blind note tokens (RFC 9474) and the tokens you may still obtain",
  request: { params: IdParam },
  responses: { 200: { description: 'The key', ...json(NoteKey) }, ...errors },
});
const issue = createRoute({
  method: 'post',
  path: '/api/meetings/{id}/note-tokens',
  ...policy('meeting'),
  tags: ['assemblies'],
  summary: 'A present participant obtains blind signatures on blinded messages (within the per-person limit)',
  request: { params: IdParam, ...jsonBody(IssueTokensInput) },
  responses: { 200: { description: 'Blind signatures, in order', ...json(IssueTokensResult) }, ...errors },
});
const send = createRoute({
  method: 'post',
  path: '/api/meetings/{id}/notes',
  ...policy('meeting'),
  tags: ['assemblies'],
  summary: 'Send a signed question note (with the session; the signer is shown)',
  request: { params: IdParam, ...jsonBody(SendNoteInput) },
  responses: { 201: { description: 'Received', ...json(NoteCreated) }, ...errors },
});
const sendAnonymous = createRoute({
  method: 'post',
  path: ANONYMOUS_NOTES_PATH,
  ...policy('token'),
  tags: ['assemblies'],
  summary:
    'Send an anonymous question note with one blind-signed token. The server never reads a session on this route: a cookie sent along is not even looked up',
  request: { params: IdParam, ...jsonBody(SendNoteInput) },
  responses: { 201: { description: 'Received', ...json(NoteCreated) }, ...errors },
});
const list = createRoute({
  method: 'get',
  path: '/api/meetings/{id}/notes',
  ...policy('meeting'),
  tags: ['assemblies'],
  summary: 'Every question note of the meeting (presidium)',
  request: { params: IdParam },
  responses: { 200: { description: 'The notes', ...json(QuestionNoteList) }, ...errors },
});
const handle = createRoute({
  method: 'patch',
  path: '/api/meetings/{id}/notes/{noteId}',
  ...policy('meeting'),
  tags: ['assemblies'],
  summary: 'Group, set aside or restore, or answer a note (the answer enters the transcript)',
  request: { params: NoteParam, ...jsonBody(HandleNoteInput) },
  responses: { 200: { description: 'The note', ...json(QuestionNote) }, ...errors },
});

/** The services these routes use (passed by src/app/compose.ts). */
export interface NotesRouteDeps {
  notes: NotesService;
}

export function notesRoutes(s: NotesRouteDeps): RouteModule {
  return (api: Api) => {
    api.openapi(getKey, async (c) => c.json(await s.notes.noteKey(requireActor(c), c.req.valid('param').id), 200));
    api.openapi(issue, async (c) =>
      c.json(await s.notes.issueTokens(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(send, async (c) => {
      return c.json(await s.notes.sendSigned(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 201);
    });
    api.openapi(sendAnonymous, async (c) => {
      return c.json(await s.notes.sendAnonymous(c.req.valid('param').id, c.req.valid('json')), 201);
    });
    api.openapi(list, async (c) => c.json(await s.notes.list(requireActor(c), c.req.valid('param').id), 200));
    api.openapi(handle, async (c) => {
      const { id, noteId } = c.req.valid('param');
      return c.json(await s.notes.handle(requireActor(c), id, noteId, c.req.valid('json')), 200);
    });
  };
}
