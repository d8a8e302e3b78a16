// HTTP: meetings — convene, read, list (per body and my own), edit before the opening, notice and iCalendar
// file, participants, check-in and check-out, roles, and the chair's moves (open, agenda, close, cancel).
import { createRoute, z } from '@hono/zod-openapi';
import type { Api, RouteModule } from '../../platform/http/app.js';
import { errorResponses, json, requireActor, policy } from '../../platform/http/openapi.js';
import type { MeetingService } from './meeting.service.js';
import { IdParam } from '../../contracts/common.js';
import {
  ChairMoveInput,
  CheckInInput,
  CheckInResult,
  CheckOutInput,
  ConveneMeetingInput,
  Meeting,
  MeetingListQuery,
  BodyMeetingPage,
  MeetingPage,
  ParticipantPage,
  ParticipantQuery,
  SetCurrentItemInput,
  SetRolesInput,
  UpdateMeetingInput,
} from '../../contracts/assembly.js';

const tags = ['meetings'];
const errors = errorResponses({ 409: 'Conflict (someone acted at the same moment)', 422: 'Not allowed now' });
const ok200 = { 200: { description: 'The meeting', ...json(Meeting) }, ...errors };
const body = <T>(schema: T) => ({ body: { required: true, ...json(schema) } });

const convene = createRoute({
  method: 'post',
  path: '/api/bodies/{id}/meetings',
  ...policy('scope'),
  tags,
  summary: 'Convene a meeting of the body (its entitled participants are listed at once)',
  request: { params: IdParam, ...body(ConveneMeetingInput) },
  responses: { 201: { description: 'Convened', ...json(Meeting) }, ...errors },
});
const listBody = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/meetings',
  ...policy('filtered'),
  tags,
  summary: "The body's meetings (all for its managers, else those you take part in)",
  request: { params: IdParam, query: MeetingListQuery },
  responses: { 200: { description: 'Meetings', ...json(BodyMeetingPage) }, ...errors },
});
const listMine = createRoute({
  method: 'get',
  path: '/api/me/meetings',
  ...policy('self'),
  tags,
  summary: 'Meetings you are entitled to attend or hold a role in: upcoming, open, closed in the last 30 days',
  request: { query: MeetingListQuery },
  responses: { 200: { description: 'Meetings', ...json(MeetingPage) }, ...errors },
});
const getOne = createRoute({
  method: 'get',
  path: '/api/meetings/{id}',
  ...policy('meeting'),
  tags,
  summary: 'A meeting with agenda, roles, quorum and your part in it',
  request: { params: IdParam },
  responses: ok200,
});
const update = createRoute({
  method: 'patch',
  path: '/api/meetings/{id}',
  ...policy('meeting'),
  tags,
  summary: 'Change date, place, notice or agenda (before the opening)',
  request: { params: IdParam, ...body(UpdateMeetingInput) },
  responses: ok200,
});
const notice = createRoute({
  method: 'post',
  path: '/api/meetings/{id}/notice',
  ...policy('meeting'),
  tags,
  summary: 'Send the notice to everyone entitled',
  request: { params: IdParam },
  responses: ok200,
});
const calendar = createRoute({
  method: 'get',
  path: '/api/meetings/{id}/calendar.ics',
  ...policy('meeting'),
  tags,
  summary: 'The meeting as an iCalendar file (RFC 5545)',
  request: { params: IdParam },
  responses: {
    200: { description: 'iCalendar', content: { 'text/calendar': { schema: z.string() } } },
    ...errors,
  },
});
const participants = createRoute({
  method: 'get',
  path: '/api/meetings/{id}/participants',
  ...policy('meeting'),
  tags,
  summary: 'Participants with their attendance (the desk, chair, presidium, managers)',
  request: { params: IdParam, query: ParticipantQuery },
  responses: { 200: { description: 'Participants', ...json(ParticipantPage) }, ...errors },
});
const checkIn = createRoute({
  method: 'post',
  path: '/api/meetings/{id}/check-in',
  ...policy('meeting'),
  tags,
  summary: 'Check in: by personal code or name at the desk (guests too), or yourself with the hall code',
  request: { params: IdParam, ...body(CheckInInput) },
  responses: { 200: { description: 'Present', ...json(CheckInResult) }, ...errors },
});
const checkOut = createRoute({
  method: 'post',
  path: '/api/meetings/{id}/check-out',
  ...policy('meeting'),
  tags,
  summary: 'A departure: yourself, or someone at the desk',
  request: { params: IdParam, ...body(CheckOutInput) },
  responses: { 200: { description: 'Left', ...json(CheckInResult) }, ...errors },
});
const roles = createRoute({
  method: 'put',
  path: '/api/meetings/{id}/roles',
  ...policy('meeting'),
  tags,
  summary: 'Set the chair, presidium, secretary and working staff',
  request: { params: IdParam, ...body(SetRolesInput) },
  responses: ok200,
});
const move = (path: string, summary: string) =>
  createRoute({
    method: 'post',
    path: `/api/meetings/{id}/${path}`,
    ...policy('meeting'),
    tags,
    summary,
    request: { params: IdParam, ...body(ChairMoveInput) },
    responses: ok200,
  });
const open = move('open', 'Open the meeting (the first item is taken up)');
const close = move('close', 'Close the meeting');
const cancel = move('cancel', 'Call off a meeting not yet open');
const advance = move('agenda/advance', 'The current item is done; the next is taken up');
const setCurrent = createRoute({
  method: 'post',
  path: '/api/meetings/{id}/agenda/current',
  ...policy('meeting'),
  tags,
  summary: 'Take up a given agenda item',
  request: { params: IdParam, ...body(SetCurrentItemInput) },
  responses: ok200,
});

/** The services these routes use (passed by src/app/compose.ts). */
export interface MeetingRouteDeps {
  meetings: MeetingService;
}

export function meetingRoutes(s: MeetingRouteDeps): RouteModule {
  return (api: Api) => {
    const m = s.meetings;
    api.openapi(convene, async (c) =>
      c.json(await m.convene(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 201),
    );
    api.openapi(listBody, async (c) =>
      c.json(await m.listForBody(requireActor(c), c.req.valid('param').id, c.req.valid('query')), 200),
    );
    api.openapi(listMine, async (c) => c.json(await m.listMine(requireActor(c), c.req.valid('query')), 200));
    api.openapi(getOne, async (c) => c.json(await m.get(requireActor(c), c.req.valid('param').id), 200));
    api.openapi(update, async (c) =>
      c.json(await m.update(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(notice, async (c) => c.json(await m.sendNotice(requireActor(c), c.req.valid('param').id), 200));
    api.openapi(calendar, async (c) => {
      const { filename, ics } = await m.calendar(requireActor(c), c.req.valid('param').id);
      return c.body(ics, 200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': `attachment; filename="${filename}"`,
      });
    });
    api.openapi(participants, async (c) =>
      c.json(await m.participants(requireActor(c), c.req.valid('param').id, c.req.valid('query')), 200),
    );
    api.openapi(checkIn, async (c) =>
      c.json(await m.checkIn(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(checkOut, async (c) =>
      c.json(await m.checkOut(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(roles, async (c) =>
      c.json(await m.setRoles(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(open, async (c) =>
      c.json(await m.open(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(close, async (c) =>
      c.json(await m.close(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(cancel, async (c) =>
      c.json(await m.cancel(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(advance, async (c) =>
      c.json(await m.advance(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(setCurrent, async (c) =>
      c.json(await m.setCurrent(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
  };
}
