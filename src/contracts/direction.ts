// Direction (ADR 0027): indicators and report forms, directives down the tree with concretisation and targets,
// rounds that freeze the tree they bind, reports up with approval, roll-ups with completeness and drill-down.
import { z } from 'zod';
import { Uuid } from './common.js';
import { BodyKind } from './statute.js';
import { RuleExprSchema } from './direction-expr.js';
import { MeetingKind } from './assembly-rules.js';
import { AgendaItemInput } from './assembly.js';

const Name = z.string().trim().min(1).max(300);
const LongText = z.string().trim().min(1).max(20_000);

export const ValueType = z.enum(['number', 'integer', 'percentage', 'yes_no', 'text']);
export type ValueType = z.infer<typeof ValueType>;
export const Aggregation = z.enum(['sum', 'average', 'average_of_sums', 'count', 'last', 'min', 'max', 'none']);
export type Aggregation = z.infer<typeof Aggregation>;
export const Importance = z.enum(['high', 'medium', 'low']);
export const Frequency = z.enum(['monthly', 'quarterly', 'yearly']);
export const ReportState = z.enum(['none', 'draft', 'submitted', 'returned', 'approved', 'reopened']);
export type ReportState = z.infer<typeof ReportState>;

// ---------------------------------------------------------------- indicators, forms, schedules

/** POST /api/direction/indicators */
export const CreateIndicatorInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{0,62}$/, 'lower-case letters, digits and _ (e.g. meetings_held)'),
    name: Name,
    nameRu: Name,
    valueType: ValueType,
    unit: z.string().trim().max(50).nullable().default(null),
    unitRu: z.string().trim().max(50).nullable().default(null),
    aggregation: Aggregation,
    decimals: z.number().int().min(0).max(6).nullable().default(null),
    minValue: z.number().finite().nullable().default(null),
    maxValue: z.number().finite().nullable().default(null),
    toleranceAbs: z.number().finite().min(0).nullable().default(null),
    toleranceRel: z.number().finite().min(0).max(1).nullable().default(null),
  })
  .refine((i) => i.minValue === null || i.maxValue === null || i.minValue <= i.maxValue, {
    message: 'the minimum must not exceed the maximum',
    path: ['maxValue'],
  })
  .refine((i) => i.valueType !== 'text' || i.aggregation === 'none' || i.aggregation === 'count', {
    message: 'a text indicator is only counted',
    path: ['aggregation'],
  });
export type CreateIndicatorInput = z.infer<typeof CreateIndicatorInput>;

export const Indicator = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  nameRu: z.string(),
  valueType: ValueType,
  unit: z.string().nullable(),
  unitRu: z.string().nullable(),
  aggregation: Aggregation,
  decimals: z.number().int().nullable(),
  minValue: z.number().nullable(),
  maxValue: z.number().nullable(),
  toleranceAbs: z.number().nullable(),
  toleranceRel: z.number().nullable(),
});
export type Indicator = z.infer<typeof Indicator>;
export const IndicatorList = z.object({ items: z.array(Indicator) });
export type IndicatorList = z.infer<typeof IndicatorList>;

export const RuleInput = z.object({
  name: Name,
  nameRu: Name,
  importance: Importance.default('medium'),
  blocking: z.boolean().default(false),
  expr: RuleExprSchema,
});
export type RuleInput = z.infer<typeof RuleInput>;

/** POST /api/direction/forms */
export const CreateFormInput = z.object({
  name: Name,
  nameRu: Name,
  requiresProtocol: z.boolean().default(false),
  committeeSummary: z.boolean().default(false),
  items: z
    .array(z.object({ indicatorId: Uuid, required: z.boolean().default(false) }))
    .min(1)
    .max(100),
  rules: z.array(RuleInput).max(100).default([]),
});
export type CreateFormInput = z.infer<typeof CreateFormInput>;

export const FormRule = z.object({
  id: Uuid,
  name: z.string(),
  nameRu: z.string(),
  importance: Importance,
  blocking: z.boolean(),
  expr: RuleExprSchema,
});
export type FormRule = z.infer<typeof FormRule>;

export const ReportForm = z.object({
  id: Uuid,
  name: z.string(),
  nameRu: z.string(),
  requiresProtocol: z.boolean(),
  committeeSummary: z.boolean(),
  inUse: z.boolean(),
  items: z.array(Indicator.extend({ required: z.boolean() })),
  rules: z.array(FormRule),
});
export type ReportForm = z.infer<typeof ReportForm>;
export const ReportFormList = z.object({ items: z.array(ReportForm.omit({ items: true, rules: true })) });
export type ReportFormList = z.infer<typeof ReportFormList>;

/** POST /api/direction/schedules — a form due from bodies of given kinds every period. */
export const CreateScheduleInput = z.object({
  issuerBodyId: Uuid,
  formId: Uuid,
  frequency: Frequency,
  bodyKinds: z.array(BodyKind).min(1),
  dueDays: z.number().int().min(0).max(366),
  expiryDays: z.number().int().min(0).max(3660),
  startsOn: z.iso.date(),
  endsOn: z.iso.date().nullable().default(null),
});
export type CreateScheduleInput = z.infer<typeof CreateScheduleInput>;
export const ReportSchedule = CreateScheduleInput.extend({ id: Uuid });
export type ReportSchedule = z.infer<typeof ReportSchedule>;

/** POST /api/direction/schedules/{id}/rounds — open (freeze) the period containing a date; idempotent. */
export const OpenPeriodInput = z.object({ date: z.iso.date() });
export type OpenPeriodInput = z.infer<typeof OpenPeriodInput>;
export const OpenedPeriod = z.object({ roundId: Uuid, created: z.boolean() });
export type OpenedPeriod = z.infer<typeof OpenedPeriod>;

// ---------------------------------------------------------------- directives

export const Addressing = z.discriminatedUnion('kind', [
  /** every active body below the issuer */
  z.object({ kind: z.literal('subtree') }),
  /** active bodies of these kinds below the issuer */
  z.object({ kind: z.literal('kinds'), kinds: z.array(BodyKind).min(1) }),
  /** chosen bodies below the issuer */
  z.object({ kind: z.literal('bodies'), bodyIds: z.array(Uuid).min(1).max(10_000) }),
]);
export type Addressing = z.infer<typeof Addressing>;

/** The recorded decision a directive or a concretisation rests on. */
export const DecisionSource = z.discriminatedUnion('kind', [
  /** a motion adopted in a meeting of the body (or of its bureau) */
  z.object({ kind: z.literal('motion'), motionId: Uuid }),
  /** a decision of the body's bureau taken without a meeting, recorded with it */
  z.object({
    kind: z.literal('decision'),
    takenOn: z.iso.date(),
    votes: z
      .object({ for: z.number().int().min(0), against: z.number().int().min(0), abstained: z.number().int().min(0) })
      .nullable()
      .default(null),
  }),
]);
export type DecisionSource = z.infer<typeof DecisionSource>;

/**
 * GET /api/direction/bodies/{bodyId}/motions — the adopted motions that can found a directive or a concretisation
 * of the body: main motions adopted in a meeting of the body or of one of its organs (bureau, secretariat…), the
 * latest first.
 */
export const AdoptedMotion = z.object({
  id: Uuid,
  title: z.string(),
  /** the motion's final text (as amended) */
  text: z.string(),
  decidedAt: z.string(),
  meetingId: Uuid,
  meetingTitle: z.string(),
  meetingKind: MeetingKind,
  meetingStartsAt: z.string(),
  /** the body whose meeting adopted it: the body itself or one of its organs */
  bodyId: Uuid,
  bodyName: z.string(),
  bodyNameRu: z.string().nullable(),
  bodyKind: BodyKind,
});
export type AdoptedMotion = z.infer<typeof AdoptedMotion>;
export const AdoptedMotionList = z.object({
  items: z.array(AdoptedMotion),
  /** more were adopted than the list holds (the latest are listed) */
  truncated: z.boolean(),
});
export type AdoptedMotionList = z.infer<typeof AdoptedMotionList>;
export const BodyIdParam = z.object({ bodyId: Uuid });

export const TargetRuleInput = z.object({
  indicatorId: Uuid,
  mode: z.enum(['per_addressee', 'per_member']),
  value: z.number().finite().min(0),
  sense: z.enum(['at_least', 'at_most']).default('at_least'),
});
export type TargetRuleInput = z.infer<typeof TargetRuleInput>;

/** POST /api/direction/directives */
export const IssueDirectiveInput = z.object({
  issuerBodyId: Uuid,
  title: Name,
  titleRu: Name,
  text: LongText,
  textRu: LongText,
  addressing: Addressing,
  /** the last day (in the organisation's time zone) */
  deadline: z.iso.date(),
  /** days after the deadline until entry is locked */
  expiryDays: z.number().int().min(0).max(3660).default(30),
  splitMode: z.enum(['equal', 'at_least']).default('at_least'),
  formId: Uuid.nullable().default(null),
  targets: z.array(TargetRuleInput).max(50).default([]),
  source: DecisionSource,
});
export type IssueDirectiveInput = z.infer<typeof IssueDirectiveInput>;

/** POST /api/direction/directives/{id}/concretise */
export const ConcretiseInput = z.object({
  bodyId: Uuid,
  text: LongText,
  textRu: LongText,
  deadline: z.iso.date(),
  source: DecisionSource,
});
export type ConcretiseInput = z.infer<typeof ConcretiseInput>;

/** POST /api/direction/directives/{id}/acknowledge */
export const AcknowledgeInput = z.object({ bodyId: Uuid });
export type AcknowledgeInput = z.infer<typeof AcknowledgeInput>;

export const Concretisation = z.object({
  bodyId: Uuid,
  bodyName: z.string(),
  bodyNameRu: z.string().nullable(),
  text: z.string(),
  textRu: z.string(),
  deadline: z.string(),
  issuedAt: z.string(),
});
export type Concretisation = z.infer<typeof Concretisation>;

export const Directive = z.object({
  id: Uuid,
  roundId: Uuid,
  issuerBodyId: Uuid,
  issuerName: z.string(),
  issuerNameRu: z.string().nullable(),
  title: z.string(),
  titleRu: z.string(),
  text: z.string(),
  textRu: z.string(),
  deadline: z.string(),
  splitMode: z.enum(['equal', 'at_least']),
  formId: Uuid.nullable(),
  motionId: Uuid.nullable(),
  decisionId: Uuid.nullable(),
  issuedAt: z.string(),
  addressees: z.number().int(),
  acknowledged: z.number().int(),
  /** concretisations on the reader's way down (from the issuer to the body asked about) */
  concretisations: z.array(Concretisation),
  targets: z.array(TargetRuleInput),
  /** the body the reader looks from and its due date there */
  body: z.object({
    id: Uuid,
    dueAt: z.string(),
    ackAt: z.string().nullable(),
    relay: z.boolean(),
    addressed: z.boolean(),
  }),
  can: z.object({ acknowledge: z.boolean(), concretise: z.boolean(), splitTargets: z.boolean() }),
});
export type Directive = z.infer<typeof Directive>;
export const DirectiveQuery = z.object({ bodyId: Uuid.optional() });

/** GET /api/direction/rounds/{id}/acknowledgements?bodyId= — level by level, who has and who has not. */
export const AckRow = z.object({
  bodyId: Uuid,
  bodyName: z.string(),
  bodyNameRu: z.string().nullable(),
  relay: z.boolean(),
  ackAt: z.string().nullable(),
  /** addressees below (this one included) and how many of them acknowledged */
  expected: z.number().int(),
  acknowledged: z.number().int(),
});
export const AckList = z.object({ items: z.array(AckRow) });
export type AckList = z.infer<typeof AckList>;

/** POST /api/direction/rounds/{id}/targets — a relay splits its target among its children. */
export const SplitTargetsInput = z.object({
  bodyId: Uuid,
  indicatorId: Uuid,
  children: z
    .array(z.object({ bodyId: Uuid, value: z.number().finite().min(0) }))
    .min(1)
    .max(5000),
});
export type SplitTargetsInput = z.infer<typeof SplitTargetsInput>;
export const SplitResult = z.object({ own: z.number(), children: z.number(), mode: z.enum(['equal', 'at_least']) });
export type SplitResult = z.infer<typeof SplitResult>;

// ---------------------------------------------------------------- inbox, reports

export const InboxQuery = z.object({ bodyId: Uuid });
export const InboxItem = z.object({
  roundId: Uuid,
  directiveId: Uuid.nullable(),
  scheduleId: Uuid.nullable(),
  title: z.string(),
  titleRu: z.string(),
  issuerName: z.string(),
  issuerNameRu: z.string().nullable(),
  periodStart: z.iso.date(),
  periodEnd: z.iso.date(),
  dueAt: z.string(),
  expiresAt: z.string(),
  addressed: z.boolean(),
  relay: z.boolean(),
  hasForm: z.boolean(),
  state: ReportState,
  ackAt: z.string().nullable(),
  /** the campaign the directive belongs to, if any: the body convenes its meeting from the inbox */
  campaignId: Uuid.nullable(),
  /** acknowledge: an office in the body, a directive not yet acknowledged by it, not its own issue */
  can: z.object({ acknowledge: z.boolean() }),
});
export type InboxItem = z.infer<typeof InboxItem>;
export const Inbox = z.object({
  items: z.array(InboxItem),
  /** issue: an office in the body, the body active, some active body below it to address (issue's checks) */
  can: z.object({ issue: z.boolean() }),
});
export type Inbox = z.infer<typeof Inbox>;

export const ReportParams = z.object({ id: Uuid, bodyId: Uuid });
/** Values by indicator code: a number, a text, yes/no as true/false, or null (not given). */
export const ReportValues = z.record(
  z.string().max(63),
  z.union([z.number().finite(), z.string().max(4000), z.boolean(), z.null()]),
);
export type ReportValues = z.infer<typeof ReportValues>;

/** PUT /api/direction/rounds/{id}/reports/{bodyId} (save) and POST …/submit */
export const SaveReportInput = z.object({
  /** the version the reader saw (0 before the first save): a stale one is refused with report_changed */
  version: z.number().int().min(0),
  scope: z.enum(['own', 'summary']).default('own'),
  values: ReportValues,
  text: z.string().max(20_000).nullable().default(null),
  meetingId: Uuid.nullable().default(null),
  agendaItemId: Uuid.nullable().default(null),
});
export type SaveReportInput = z.infer<typeof SaveReportInput>;
export const VersionInput = z.object({ version: z.number().int().min(0) });
export type VersionInput = z.infer<typeof VersionInput>;
export const ReasonInput = z.object({ version: z.number().int().min(0), reason: z.string().trim().min(1).max(4000) });
export type ReasonInput = z.infer<typeof ReasonInput>;

export const RuleOutcome = z.object({
  ruleId: Uuid,
  name: z.string(),
  nameRu: z.string(),
  importance: Importance,
  blocking: z.boolean(),
  outcome: z.enum(['pass', 'fail', 'skip']),
});
export type RuleOutcome = z.infer<typeof RuleOutcome>;

export const ReportVersion = z.object({
  id: Uuid,
  n: z.number().int(),
  scope: z.enum(['own', 'summary']),
  values: ReportValues,
  text: z.string().nullable(),
  meetingId: Uuid.nullable(),
  agendaItemId: Uuid.nullable(),
  savedAt: z.string(),
  submittedAt: z.string().nullable(),
  savedBy: z.string().nullable(),
});
export type ReportVersion = z.infer<typeof ReportVersion>;

export const ReportAct = z.object({
  act: z.string(),
  reason: z.string().nullable(),
  at: z.string(),
  by: z.string().nullable(),
});

/** A body's meeting of a campaign: convened through assembly, its outcome and protocol as they came. */
export const CampaignMeeting = z.object({
  meetingId: Uuid,
  agendaItemId: Uuid,
  bodyId: Uuid,
  convenedAt: z.string(),
  heldAt: z.string().nullable(),
  present: z.number().int().nullable(),
  entitled: z.number().int().nullable(),
  quorate: z.boolean().nullable(),
  protocolAt: z.string().nullable(),
});
export type CampaignMeeting = z.infer<typeof CampaignMeeting>;

export const Report = z.object({
  roundId: Uuid,
  bodyId: Uuid,
  bodyName: z.string(),
  bodyNameRu: z.string().nullable(),
  parentId: Uuid.nullable(),
  title: z.string(),
  titleRu: z.string(),
  periodStart: z.iso.date(),
  periodEnd: z.iso.date(),
  dueAt: z.string(),
  expiresAt: z.string(),
  openUntil: z.string().nullable(),
  state: ReportState,
  version: z.number().int(),
  addressed: z.boolean(),
  onTime: z.boolean().nullable(),
  firstSubmittedAt: z.string().nullable(),
  excusedAt: z.string().nullable(),
  form: ReportForm.nullable(),
  current: ReportVersion.nullable(),
  versions: z.array(ReportVersion),
  acts: z.array(ReportAct),
  rules: z.array(RuleOutcome),
  flags: z.array(
    z.object({ kind: z.enum(['rule', 'outlier']), importance: z.string(), detail: z.record(z.string(), z.unknown()) }),
  ),
  /** For a campaign's report: the body's meeting and the campaign's item on its agenda (pre-filled in the form). */
  campaignMeeting: CampaignMeeting.nullable(),
  can: z.object({
    /** the dashboard of the frozen parent: the reader may see that node (the breadcrumb is offered only then) */
    viewParent: z.boolean(),
    edit: z.boolean(),
    submit: z.boolean(),
    return: z.boolean(),
    approve: z.boolean(),
    reopen: z.boolean(),
    excuse: z.boolean(),
  }),
});
export type Report = z.infer<typeof Report>;

/** POST /api/direction/rounds/{id}/approve — many at once, in body order. */
export const ApproveManyInput = z.object({
  items: z
    .array(z.object({ bodyId: Uuid, version: z.number().int().min(1) }))
    .min(1)
    .max(1000),
});
export type ApproveManyInput = z.infer<typeof ApproveManyInput>;
export const ApproveManyResult = z.object({
  approved: z.array(Uuid),
  refused: z.array(z.object({ bodyId: Uuid, code: z.string() })),
});
export type ApproveManyResult = z.infer<typeof ApproveManyResult>;

// ---------------------------------------------------------------- roll-ups

export const Completeness = z.object({
  expected: z.number().int(),
  members: z.number().int(),
  submitted: z.number().int(),
  reported: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  returned: z.number().int(),
  approved: z.number().int(),
  excused: z.number().int(),
  acknowledged: z.number().int(),
});
export type Completeness = z.infer<typeof Completeness>;

export const IndicatorFigure = z.object({
  indicatorId: Uuid,
  code: z.string(),
  /** the body's own report */
  own: z.number().nullable(),
  /** its descendants' reports, by the indicator's aggregation */
  descendants: z.number().nullable(),
  /** own and descendants together (never a summary: summaries are compared, not counted) */
  total: z.number().nullable(),
  reports: z.number().int(),
  target: z.number().nullable(),
  met: z.boolean().nullable(),
  /** the committee's own summary figure and whether it disagrees with the raw reports beyond the tolerance */
  summary: z.number().nullable(),
  discrepant: z.boolean(),
});
export type IndicatorFigure = z.infer<typeof IndicatorFigure>;

export const RollupChild = z.object({
  bodyId: Uuid,
  bodyName: z.string(),
  bodyNameRu: z.string().nullable(),
  closed: z.boolean(),
  addressed: z.boolean(),
  relay: z.boolean(),
  state: ReportState,
  version: z.number().int(),
  onTime: z.boolean().nullable(),
  excused: z.boolean(),
  accepted: z.boolean(),
  completeness: Completeness,
  figures: z.array(IndicatorFigure),
});
export type RollupChild = z.infer<typeof RollupChild>;

export const RollupQuery = z.object({ bodyId: Uuid });
export const RollupNode = z.object({
  roundId: Uuid,
  /** the schedule whose period this round is (its series over periods: /schedules/{id}/series), or null */
  scheduleId: Uuid.nullable(),
  title: z.string(),
  titleRu: z.string(),
  periodStart: z.iso.date(),
  periodEnd: z.iso.date(),
  dueAt: z.string(),
  body: z.object({
    id: Uuid,
    name: z.string(),
    nameRu: z.string().nullable(),
    parentId: Uuid.nullable(),
    addressed: z.boolean(),
    relay: z.boolean(),
    state: ReportState,
    accepted: z.boolean(),
  }),
  indicators: z.array(Indicator),
  completeness: Completeness,
  figures: z.array(IndicatorFigure),
  rules: z.array(RuleOutcome),
  children: z.array(RollupChild),
  /** the campaign the round belongs to, if any (its progress by level opens from the dashboard) */
  campaignId: Uuid.nullable(),
  /**
   * summary: file this committee's own summary (a relay, its form asks for one, an office in it, entry open).
   * accept, reopenLevel: this level, by an office in its parent. approve: the submitted reports of the children, by
   * an office in this body while the level is not accepted (each child's state says which are submitted).
   */
  can: z.object({ accept: z.boolean(), reopenLevel: z.boolean(), approve: z.boolean(), summary: z.boolean() }),
});
export type RollupNode = z.infer<typeof RollupNode>;

// ---------------------------------------------------------------- campaigns (ADR 0027 §8)

const Instant = z.iso.datetime({ offset: true });

/** POST /api/direction/campaigns — a directive (its form requires the protocol) with the meeting every addressee holds. */
export const IssueCampaignInput = IssueDirectiveInput.extend({
  campaign: z.object({
    /** the day by which every addressed body holds its meeting (not after the directive's deadline) */
    meetBy: z.iso.date(),
    meetingKind: MeetingKind,
    /** the agenda item each meeting takes up first, pre-filled */
    itemTitle: Name,
    itemTitleRu: Name,
  }),
});
export type IssueCampaignInput = z.infer<typeof IssueCampaignInput>;

export const CampaignQuery = z.object({ bodyId: Uuid.optional() });
export const Campaign = z.object({
  id: Uuid,
  directiveId: Uuid,
  roundId: Uuid,
  issuerBodyId: Uuid,
  title: z.string(),
  titleRu: z.string(),
  meetBy: z.iso.date(),
  meetingKind: MeetingKind,
  itemTitle: z.string(),
  itemTitleRu: z.string(),
  /** the body read from (the issuer when not given) and its meeting, if convened */
  bodyId: Uuid,
  meeting: CampaignMeeting.nullable(),
  can: z.object({ convene: z.boolean() }),
});
export type Campaign = z.infer<typeof Campaign>;

/** POST /api/direction/campaigns/{id}/convene — a body's secretary convenes its own meeting, the item first. */
export const ConveneCampaignInput = z.object({
  bodyId: Uuid,
  startsAt: Instant,
  endsAt: Instant.nullable().optional(),
  place: z.string().trim().min(1).max(500),
  /** the meeting's title (default: the campaign's item) */
  title: z.string().trim().min(1).max(500).optional(),
  /** the language of the pre-filled item */
  lang: z.enum(['en', 'ru']).default('ru'),
  /** further items after the campaign's */
  agenda: z.array(AgendaItemInput).max(99).default([]),
  notice: z.string().max(20_000).nullable().optional(),
  urgent: z.boolean().optional(),
});
export type ConveneCampaignInput = z.infer<typeof ConveneCampaignInput>;

export const CampaignProgressRow = z.object({
  bodyId: Uuid,
  bodyName: z.string(),
  bodyNameRu: z.string().nullable(),
  relay: z.boolean(),
  addressees: z.number().int(),
  convened: z.number().int(),
  held: z.number().int(),
  quorate: z.number().int(),
  protocols: z.number().int(),
  reportsIn: z.number().int(),
  /** indicators whose target is met, of those with a target */
  targetsMet: z.number().int(),
  targets: z.number().int(),
});
export type CampaignProgressRow = z.infer<typeof CampaignProgressRow>;
export const CampaignProgressQuery = z.object({ bodyId: Uuid });
export const CampaignProgress = z.object({
  campaignId: Uuid,
  roundId: Uuid,
  meetBy: z.iso.date(),
  node: CampaignProgressRow,
  children: z.array(CampaignProgressRow),
});
export type CampaignProgress = z.infer<typeof CampaignProgress>;

// ---------------------------------------------------------------- notices (ADR 0027 §9)

export const NoticeQuery = z.object({ bodyId: Uuid });
export const DirectionNotice = z.object({
  roundId: Uuid,
  /** the body the notice is about: the body itself (a reminder) or a child overdue (an escalation) */
  bodyId: Uuid,
  bodyName: z.string(),
  bodyNameRu: z.string().nullable(),
  kind: z.enum(['reminder', 'escalation', 'discrepancy']),
  title: z.string(),
  titleRu: z.string(),
  dueAt: z.string(),
  at: z.string(),
});
export type DirectionNotice = z.infer<typeof DirectionNotice>;
export const NoticeList = z.object({ items: z.array(DirectionNotice) });
export type NoticeList = z.infer<typeof NoticeList>;
