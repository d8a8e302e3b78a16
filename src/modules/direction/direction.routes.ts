// HTTP: direction — indicators and report forms, directives (issue, concretise, acknowledge, split targets), a
// body's inbox, reports (save, submit, return, approve, reopen, excuse, approve many), levels (accept, reopen) and
// roll-ups with drill-down; campaigns (issue, convene a body's meeting, progress) and notices.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api, RouteModule } from '../../platform/http/app.js';
import { errorResponses, json, policy, requireActor } from '../../platform/http/openapi.js';
import { IdParam, Uuid } from '../../contracts/common.js';
import {
  AckList,
  AcknowledgeInput,
  AdoptedMotionList,
  BodyIdParam,
  Campaign,
  CampaignProgress,
  CampaignProgressQuery,
  CampaignQuery,
  ConveneCampaignInput,
  IssueCampaignInput,
  NoticeList,
  NoticeQuery,
  ApproveManyInput,
  ApproveManyResult,
  ConcretiseInput,
  CreateFormInput,
  CreateIndicatorInput,
  CreateScheduleInput,
  Directive,
  DirectiveQuery,
  Inbox,
  OpenedPeriod,
  OpenPeriodInput,
  InboxQuery,
  Indicator,
  IndicatorList,
  IssueDirectiveInput,
  ReasonInput,
  Report,
  ReportForm,
  ReportFormList,
  ReportParams,
  ReportSchedule,
  RollupNode,
  RollupQuery,
  SaveReportInput,
  SplitResult,
  SplitTargetsInput,
  VersionInput,
} from '../../contracts/direction.js';
import type { CampaignService } from './campaign.service.js';
import type { DirectionDefinitionsService } from './definitions.service.js';
import type { DirectiveService } from './directive.service.js';
import type { ReportService } from './report.service.js';
import type { RollupService } from './rollup.service.js';
import type { DirectionTicker } from './ticker.service.js';

const errors = errorResponses({
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflicts with the current state',
  422: 'Against the rules',
});
const tags = ['direction'];
const LevelReason = z.object({ reason: z.string().trim().min(1).max(4000) });
const Done = z.object({ ok: z.literal(true) });

const createIndicator = createRoute({
  method: 'post',
  path: '/api/direction/indicators',
  ...policy('organisation'),
  tags,
  summary: 'Define an indicator (committees’ staff)',
  request: { body: { required: true, ...json(CreateIndicatorInput) } },
  responses: { 201: { description: 'Defined', ...json(Indicator) }, ...errors },
});
const listIndicators = createRoute({
  method: 'get',
  path: '/api/direction/indicators',
  ...policy('organisation'),
  tags,
  summary: 'The organisation’s indicators',
  responses: { 200: { description: 'Indicators', ...json(IndicatorList) }, ...errors },
});
const createForm = createRoute({
  method: 'post',
  path: '/api/direction/forms',
  ...policy('organisation'),
  tags,
  summary: 'Define a report form: indicators and validation rules',
  request: { body: { required: true, ...json(CreateFormInput) } },
  responses: { 201: { description: 'Defined', ...json(ReportForm) }, ...errors },
});
const listForms = createRoute({
  method: 'get',
  path: '/api/direction/forms',
  ...policy('organisation'),
  tags,
  summary: 'The organisation’s report forms',
  responses: { 200: { description: 'Forms', ...json(ReportFormList) }, ...errors },
});
const getForm = createRoute({
  method: 'get',
  path: '/api/direction/forms/{id}',
  ...policy('organisation'),
  tags,
  summary: 'A report form with its indicators and rules',
  request: { params: IdParam },
  responses: { 200: { description: 'The form', ...json(ReportForm) }, ...errors },
});
const createSchedule = createRoute({
  method: 'post',
  path: '/api/direction/schedules',
  ...policy('scope'),
  tags,
  summary: 'Ask bodies of given kinds below a committee for a form every period',
  request: { body: { required: true, ...json(CreateScheduleInput) } },
  responses: { 201: { description: 'Created', ...json(ReportSchedule) }, ...errors },
});
const openPeriod = createRoute({
  method: 'post',
  path: '/api/direction/schedules/{id}/rounds',
  ...policy('scope'),
  tags,
  summary: 'Open the round of a schedule’s period containing a date (a past period too); idempotent',
  request: { params: IdParam, body: { required: true, ...json(OpenPeriodInput) } },
  responses: { 200: { description: 'The period’s round', ...json(OpenedPeriod) }, ...errors },
});
const issue = createRoute({
  method: 'post',
  path: '/api/direction/directives',
  ...policy('scope'),
  tags,
  summary: 'Issue a directive by a recorded decision of the body',
  request: { body: { required: true, ...json(IssueDirectiveInput) } },
  responses: { 201: { description: 'Issued', ...json(Directive) }, ...errors },
});
const getDirective = createRoute({
  method: 'get',
  path: '/api/direction/directives/{id}',
  ...policy('scope'),
  tags,
  summary: 'A directive as read from a body of its tree',
  request: { params: IdParam, query: DirectiveQuery },
  responses: { 200: { description: 'The directive', ...json(Directive) }, ...errors },
});
const concretise = createRoute({
  method: 'post',
  path: '/api/direction/directives/{id}/concretise',
  ...policy('scope'),
  tags,
  summary: 'Concretise a directive for a committee’s own subtree',
  request: { params: IdParam, body: { required: true, ...json(ConcretiseInput) } },
  responses: { 200: { description: 'Concretised', ...json(Directive) }, ...errors },
});
const acknowledge = createRoute({
  method: 'post',
  path: '/api/direction/directives/{id}/acknowledge',
  ...policy('scope'),
  tags,
  summary: 'Acknowledge a directive on behalf of a body',
  request: { params: IdParam, body: { required: true, ...json(AcknowledgeInput) } },
  responses: { 200: { description: 'Acknowledged', ...json(Directive) }, ...errors },
});
const acks = createRoute({
  method: 'get',
  path: '/api/direction/rounds/{id}/acknowledgements',
  ...policy('scope'),
  tags,
  summary: 'Who below a body has acknowledged and who has not',
  request: { params: IdParam, query: RollupQuery },
  responses: { 200: { description: 'Children', ...json(AckList) }, ...errors },
});
const split = createRoute({
  method: 'post',
  path: '/api/direction/rounds/{id}/targets',
  ...policy('scope'),
  tags,
  summary: 'Split a committee’s target among the bodies directly below it',
  request: { params: IdParam, body: { required: true, ...json(SplitTargetsInput) } },
  responses: { 200: { description: 'Split', ...json(SplitResult) }, ...errors },
});
const inbox = createRoute({
  method: 'get',
  path: '/api/direction/inbox',
  ...policy('scope'),
  tags,
  summary: 'A body’s directives and reports due',
  request: { query: InboxQuery },
  responses: { 200: { description: 'Inbox', ...json(Inbox) }, ...errors },
});
const adoptedMotions = createRoute({
  method: 'get',
  path: '/api/direction/bodies/{bodyId}/motions',
  ...policy('scope'),
  tags,
  summary: 'Adopted motions that can found a directive of the body (its own meetings and its organs’), latest first',
  request: { params: BodyIdParam },
  responses: { 200: { description: 'Adopted motions', ...json(AdoptedMotionList) }, ...errors },
});
const getReport = createRoute({
  method: 'get',
  path: '/api/direction/rounds/{id}/reports/{bodyId}',
  ...policy('scope'),
  tags,
  summary: 'A body’s report in a round, with every version',
  request: { params: ReportParams },
  responses: { 200: { description: 'The report', ...json(Report) }, ...errors },
});
const save = createRoute({
  method: 'put',
  path: '/api/direction/rounds/{id}/reports/{bodyId}',
  ...policy('scope'),
  tags,
  summary: 'Save a draft of the report (a new version)',
  request: { params: ReportParams, body: { required: true, ...json(SaveReportInput) } },
  responses: { 200: { description: 'Saved', ...json(Report) }, ...errors },
});
const submit = createRoute({
  method: 'post',
  path: '/api/direction/rounds/{id}/reports/{bodyId}/submit',
  ...policy('scope'),
  tags,
  summary: 'Submit the report (a new version, never changed again)',
  request: { params: ReportParams, body: { required: true, ...json(SaveReportInput) } },
  responses: { 200: { description: 'Submitted', ...json(Report) }, ...errors },
});
function decision(act: 'return' | 'approve' | 'reopen' | 'excuse', summary: string, withReason: boolean) {
  return createRoute({
    method: 'post',
    path: `/api/direction/rounds/{id}/reports/{bodyId}/${act}`,
    ...policy('scope'),
    tags,
    summary,
    request: { params: ReportParams, body: { required: true, ...json(withReason ? ReasonInput : VersionInput) } },
    responses: { 200: { description: 'Done', ...json(Report) }, ...errors },
  });
}
const returnRoute = decision('return', 'Return a submitted report with a comment', true);
const approve = decision('approve', 'Approve a submitted report (it is locked)', false);
const reopen = decision('reopen', 'Reopen an approved report, with the reason', true);
const excuse = decision('excuse', 'Excuse a body from reporting (dissolved, merged), with the reason', true);
const approveMany = createRoute({
  method: 'post',
  path: '/api/direction/rounds/{id}/approve',
  ...policy('scope'),
  tags,
  summary: 'Approve many submitted reports at once',
  request: { params: IdParam, body: { required: true, ...json(ApproveManyInput) } },
  responses: { 200: { description: 'What was approved and what was not', ...json(ApproveManyResult) }, ...errors },
});
const LevelParams = z.object({ id: Uuid, bodyId: Uuid });
const accept = createRoute({
  method: 'post',
  path: '/api/direction/rounds/{id}/levels/{bodyId}/accept',
  ...policy('scope'),
  tags,
  summary: 'Accept a committee’s whole level once every report below is approved',
  request: { params: LevelParams },
  responses: { 200: { description: 'Accepted', ...json(Done) }, ...errors },
});
const reopenLevel = createRoute({
  method: 'post',
  path: '/api/direction/rounds/{id}/levels/{bodyId}/reopen',
  ...policy('scope'),
  tags,
  summary: 'Reopen an accepted level, with the reason',
  request: { params: LevelParams, body: { required: true, ...json(LevelReason) } },
  responses: { 200: { description: 'Reopened', ...json(Done) }, ...errors },
});
const rollup = createRoute({
  method: 'get',
  path: '/api/direction/rounds/{id}/rollup',
  ...policy('scope'),
  tags,
  summary: 'Completeness and figures of a body and of each body directly below it',
  request: { params: IdParam, query: RollupQuery },
  responses: { 200: { description: 'The roll-up', ...json(RollupNode) }, ...errors },
});

const issueCampaign = createRoute({
  method: 'post',
  path: '/api/direction/campaigns',
  ...policy('scope'),
  tags,
  summary: 'Issue a campaign: a directive and the meeting every addressed body holds, with its agenda item',
  request: { body: { required: true, ...json(IssueCampaignInput) } },
  responses: { 201: { description: 'Issued', ...json(Campaign) }, ...errors },
});
const getCampaign = createRoute({
  method: 'get',
  path: '/api/direction/campaigns/{id}',
  ...policy('scope'),
  tags,
  summary: 'A campaign as read from a body of its tree, with that body’s meeting',
  request: { params: IdParam, query: CampaignQuery },
  responses: { 200: { description: 'The campaign', ...json(Campaign) }, ...errors },
});
const conveneCampaign = createRoute({
  method: 'post',
  path: '/api/direction/campaigns/{id}/convene',
  ...policy('scope'),
  tags,
  summary: 'Convene the body’s own meeting of the campaign, its item first on the agenda',
  request: { params: IdParam, body: { required: true, ...json(ConveneCampaignInput) } },
  responses: { 201: { description: 'Convened', ...json(Campaign) }, ...errors },
});
const campaignProgress = createRoute({
  method: 'get',
  path: '/api/direction/campaigns/{id}/progress',
  ...policy('scope'),
  tags,
  summary: 'Meetings convened, held, quorate, protocols, reports in and targets met: a body and each body below it',
  request: { params: IdParam, query: CampaignProgressQuery },
  responses: { 200: { description: 'Progress', ...json(CampaignProgress) }, ...errors },
});
const notices = createRoute({
  method: 'get',
  path: '/api/direction/notices',
  ...policy('scope'),
  tags,
  summary: 'A body’s reminders, and escalations about the bodies below it that are overdue',
  request: { query: NoticeQuery },
  responses: { 200: { description: 'Notices', ...json(NoticeList) }, ...errors },
});

/** The services these routes use (passed by src/app/compose.ts). */
export interface DirectionRouteDeps {
  definitions: DirectionDefinitionsService;
  directives: DirectiveService;
  reports: ReportService;
  rollups: RollupService;
  campaigns: CampaignService;
  ticker: DirectionTicker;
}

export function directionRoutes(s: DirectionRouteDeps): RouteModule {
  return (api: Api) => {
    api.openapi(createIndicator, async (c) =>
      c.json(await s.definitions.createIndicator(requireActor(c), c.req.valid('json')), 201),
    );
    api.openapi(listIndicators, async (c) => c.json(await s.definitions.indicators(requireActor(c)), 200));
    api.openapi(createForm, async (c) =>
      c.json(await s.definitions.createForm(requireActor(c), c.req.valid('json')), 201),
    );
    api.openapi(listForms, async (c) => c.json(await s.definitions.forms(requireActor(c)), 200));
    api.openapi(getForm, async (c) =>
      c.json(await s.definitions.getForm(requireActor(c), c.req.valid('param').id), 200),
    );
    api.openapi(createSchedule, async (c) =>
      c.json(await s.definitions.createSchedule(requireActor(c), c.req.valid('json')), 201),
    );
    api.openapi(openPeriod, async (c) =>
      c.json(await s.directives.openPeriod(requireActor(c), c.req.valid('param').id, c.req.valid('json').date), 200),
    );
    api.openapi(issue, async (c) => c.json(await s.directives.issue(requireActor(c), c.req.valid('json')), 201));
    api.openapi(getDirective, async (c) =>
      c.json(await s.directives.get(requireActor(c), c.req.valid('param').id, c.req.valid('query').bodyId), 200),
    );
    api.openapi(concretise, async (c) =>
      c.json(await s.directives.concretise(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(acknowledge, async (c) =>
      c.json(await s.directives.acknowledge(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(acks, async (c) =>
      c.json(
        await s.directives.acknowledgements(requireActor(c), c.req.valid('param').id, c.req.valid('query').bodyId),
        200,
      ),
    );
    api.openapi(split, async (c) =>
      c.json(await s.directives.splitTargets(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(inbox, async (c) =>
      c.json(await s.directives.inbox(requireActor(c), c.req.valid('query').bodyId), 200),
    );
    api.openapi(adoptedMotions, async (c) =>
      c.json(await s.directives.adoptedMotions(requireActor(c), c.req.valid('param').bodyId), 200),
    );
    api.openapi(getReport, async (c) => {
      const p = c.req.valid('param');
      return c.json(await s.reports.get(requireActor(c), p.id, p.bodyId), 200);
    });
    api.openapi(save, async (c) => {
      const p = c.req.valid('param');
      return c.json(await s.reports.save(requireActor(c), p.id, p.bodyId, c.req.valid('json'), false), 200);
    });
    api.openapi(submit, async (c) => {
      const p = c.req.valid('param');
      return c.json(await s.reports.save(requireActor(c), p.id, p.bodyId, c.req.valid('json'), true), 200);
    });
    for (const [route, act] of [
      [returnRoute, 'return'],
      [approve, 'approve'],
      [reopen, 'reopen'],
      [excuse, 'excuse'],
    ] as const) {
      api.openapi(route, async (c) => {
        const p = c.req.valid('param');
        return c.json(await s.reports.decide(requireActor(c), p.id, p.bodyId, act, c.req.valid('json')), 200);
      });
    }
    api.openapi(approveMany, async (c) =>
      c.json(await s.reports.approveMany(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(accept, async (c) => {
      const p = c.req.valid('param');
      await s.reports.accept(requireActor(c), p.id, p.bodyId);
      return c.json({ ok: true as const }, 200);
    });
    api.openapi(reopenLevel, async (c) => {
      const p = c.req.valid('param');
      await s.reports.reopenLevel(requireActor(c), p.id, p.bodyId, c.req.valid('json').reason);
      return c.json({ ok: true as const }, 200);
    });
    api.openapi(issueCampaign, async (c) => c.json(await s.campaigns.issue(requireActor(c), c.req.valid('json')), 201));
    api.openapi(getCampaign, async (c) =>
      c.json(await s.campaigns.get(requireActor(c), c.req.valid('param').id, c.req.valid('query').bodyId), 200),
    );
    api.openapi(conveneCampaign, async (c) =>
      c.json(await s.campaigns.convene(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 201),
    );
    api.openapi(campaignProgress, async (c) =>
      c.json(await s.campaigns.progress(requireActor(c), c.req.valid('param').id, c.req.valid('query').bodyId), 200),
    );
    api.openapi(notices, async (c) =>
      c.json(await s.ticker.notices(requireActor(c), c.req.valid('query').bodyId), 200),
    );
    api.openapi(rollup, async (c) =>
      c.json(await s.rollups.node(requireActor(c), c.req.valid('param').id, c.req.valid('query').bodyId), 200),
    );
  };
}
