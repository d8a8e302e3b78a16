// HTTP: admission (applications, recommendations, decisions, confirmations), the candidate stage, worklists
// and the membership card PDF. All routes require sign-in.
import { expensiveRead, expensiveReadRefused, type ExpensiveReads } from '../../platform/http/expensive-reads.js';
import { createRoute, z } from '@hono/zod-openapi';
import type { Api, RouteModule } from '../../platform/http/app.js';
import { errorResponses, json, requireActor, policy } from '../../platform/http/openapi.js';
import type { AdmissionService } from './admission.service.js';
import {
  AdmissionDecisionInput,
  AnswerRecommendationInput,
  ApplicationDetail,
  ApplicationList,
  ApplicationListQuery,
  Candidacy,
  CandidacyList,
  CreateApplicationInput,
  DueQuery,
  ExtendCandidacyInput,
  MyRecommendationList,
  NameRecommenderInput,
  PersonAdmission,
  RecommenderList,
  RecommenderQuery,
} from '../../contracts/admission.js';
import { IdParam } from '../../contracts/common.js';

const noJurisdiction = 'No jurisdiction or outside your scope';
const errors = errorResponses({ 403: noJurisdiction });
const writeErrors = errorResponses({
  403: noJurisdiction,
  409: 'Already decided or changed at the same moment',
  422: 'Against the statute',
});
const tags = ['admission'];

const post = <B extends z.ZodType, O extends z.ZodType>(path: string, summary: string, body: B, out: O) =>
  createRoute({
    method: 'post',
    path,
    ...policy('scope'),
    tags,
    summary,
    request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: body } } } },
    responses: { 200: { description: 'Done', content: { 'application/json': { schema: out } } }, ...writeErrors },
  });

const apply = createRoute({
  method: 'post',
  path: '/api/admission/applications',
  ...policy('self'),
  tags,
  summary: 'Apply for candidate (or full) membership of a primary organisation, naming recommenders',
  request: { body: { required: true, ...json(CreateApplicationInput) } },
  responses: { 201: { description: 'Filed', ...json(ApplicationDetail) }, ...writeErrors },
});
const getApplication = createRoute({
  method: 'get',
  path: '/api/admission/applications/{id}',
  ...policy('scope'),
  tags,
  summary: 'An application with its recommendations and decisions',
  request: { params: IdParam },
  responses: { 200: { description: 'The application', ...json(ApplicationDetail) }, ...errors },
});
const nameRecommender = post(
  '/api/admission/applications/{id}/recommenders',
  'Name one more recommender',
  NameRecommenderInput,
  ApplicationDetail,
);
const confirmRec = post(
  '/api/admission/recommendations/{id}/confirm',
  'The named recommender confirms, with their written recommendation',
  AnswerRecommendationInput,
  ApplicationDetail,
);
const declineRec = post(
  '/api/admission/recommendations/{id}/decline',
  'The named recommender declines',
  AnswerRecommendationInput,
  ApplicationDetail,
);
const decide = post(
  '/api/admission/applications/{id}/decision',
  "The primary organisation's decision (votes, date, reasons)",
  AdmissionDecisionInput,
  ApplicationDetail,
);
const confirm = post(
  '/api/admission/applications/{id}/confirmation',
  "The confirming committee's decision (votes, date, reasons)",
  AdmissionDecisionInput,
  ApplicationDetail,
);
const extend = post(
  '/api/admission/candidates/{id}/extend',
  "Extend a person's candidate stage (primary organisation's decision)",
  ExtendCandidacyInput,
  Candidacy,
);
const refuse = post(
  '/api/admission/candidates/{id}/refuse',
  'Refuse a candidate full membership (primary organisation decision): they become a non-member',
  AdmissionDecisionInput,
  Candidacy,
);
const primaryList = createRoute({
  method: 'get',
  path: '/api/admission/bodies/{id}/applications',
  ...policy('scope'),
  tags,
  summary: "Applications to primary organisations in a body's subtree (default: awaiting recommendations or decision)",
  request: { params: IdParam, query: ApplicationListQuery },
  responses: { 200: { description: 'Applications', ...json(ApplicationList) }, ...errors, ...expensiveReadRefused },
});
const dueList = createRoute({
  method: 'get',
  path: '/api/admission/bodies/{id}/candidates-due',
  ...policy('scope'),
  tags,
  summary: "Candidates in a body's subtree whose stage has ended",
  request: { params: IdParam, query: DueQuery },
  responses: { 200: { description: 'Candidates', ...json(CandidacyList) }, ...errors, ...expensiveReadRefused },
});
const confirmations = createRoute({
  method: 'get',
  path: '/api/admission/bodies/{id}/confirmations',
  ...policy('scope'),
  tags,
  summary: "Admissions awaiting this committee's confirmation",
  request: { params: IdParam },
  responses: { 200: { description: 'Applications', ...json(ApplicationList) }, ...errors, ...expensiveReadRefused },
});
const recommenders = createRoute({
  method: 'get',
  path: '/api/admission/recommenders',
  ...policy('scope'),
  tags,
  summary: 'Full members of the organisation applied to who may be named as recommenders',
  request: { query: RecommenderQuery },
  responses: { 200: { description: 'Members', ...json(RecommenderList) }, ...errors },
});
const myRecs = createRoute({
  method: 'get',
  path: '/api/admission/my/recommendations',
  ...policy('self'),
  tags,
  summary: 'Recommendations I have been asked for',
  responses: { 200: { description: 'Recommendations', ...json(MyRecommendationList) }, ...errors },
});
const myApps = createRoute({
  method: 'get',
  path: '/api/admission/my/applications',
  ...policy('self'),
  tags,
  summary: 'My applications',
  responses: { 200: { description: 'Applications', ...json(ApplicationList) }, ...errors },
});
const personAdmission = createRoute({
  method: 'get',
  path: '/api/admission/persons/{id}',
  ...policy('scope'),
  tags,
  summary: "A person's candidate stage and applications",
  request: { params: IdParam },
  responses: { 200: { description: 'Admission record', ...json(PersonAdmission) }, ...errors },
});
const card = createRoute({
  method: 'get',
  path: '/api/persons/{id}/card.pdf',
  ...policy('scope'),
  tags,
  summary: 'The membership card as a PDF',
  request: { params: IdParam },
  responses: {
    200: { description: 'PDF', content: { 'application/pdf': { schema: z.string() } } },
    ...errors,
  },
});

/** The services these routes use (passed by src/app/compose.ts). */
export interface AdmissionRouteDeps {
  admission: AdmissionService;
  expensiveReads: ExpensiveReads;
}

export function admissionRoutes(s: AdmissionRouteDeps): RouteModule {
  return (api: Api) => {
    const a = s.admission;
    api.openapi(apply, async (c) => c.json(await a.apply(requireActor(c), c.req.valid('json')), 201));
    api.openapi(getApplication, async (c) =>
      c.json(await a.getApplication(requireActor(c), c.req.valid('param').id), 200),
    );
    api.openapi(nameRecommender, async (c) =>
      c.json(await a.nameRecommender(requireActor(c), c.req.valid('param').id, c.req.valid('json').recommenderId), 200),
    );
    api.openapi(confirmRec, async (c) =>
      c.json(
        await a.answerRecommendation(requireActor(c), c.req.valid('param').id, 'confirmed', c.req.valid('json')),
        200,
      ),
    );
    api.openapi(declineRec, async (c) =>
      c.json(
        await a.answerRecommendation(requireActor(c), c.req.valid('param').id, 'declined', c.req.valid('json')),
        200,
      ),
    );
    api.openapi(decide, async (c) =>
      c.json(await a.decide(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(confirm, async (c) =>
      c.json(await a.confirm(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(extend, async (c) =>
      c.json(await a.extendCandidacy(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(refuse, async (c) =>
      c.json(await a.refuseCandidacy(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(primaryList, async (c) =>
      c.json(
        await expensiveRead(s.expensiveReads, c, (actor) =>
          a.primaryWorklist(actor, c.req.valid('param').id, c.req.valid('query').state),
        ),
        200,
      ),
    );
    api.openapi(dueList, async (c) =>
      c.json(
        await expensiveRead(s.expensiveReads, c, (actor) =>
          a.dueCandidates(actor, c.req.valid('param').id, c.req.valid('query').on),
        ),
        200,
      ),
    );
    api.openapi(confirmations, async (c) =>
      c.json(
        await expensiveRead(s.expensiveReads, c, (actor) => a.confirmationWorklist(actor, c.req.valid('param').id)),
        200,
      ),
    );
    api.openapi(recommenders, async (c) => c.json(await a.recommenders(requireActor(c), c.req.valid('query')), 200));
    api.openapi(myRecs, async (c) => c.json(await a.myRecommendations(requireActor(c)), 200));
    api.openapi(myApps, async (c) => c.json(await a.myApplications(requireActor(c)), 200));
    api.openapi(personAdmission, async (c) =>
      c.json(await a.personAdmission(requireActor(c), c.req.valid('param').id), 200),
    );
    api.openapi(card, async (c) => {
      const id = c.req.valid('param').id;
      const pdf = await a.cardPdf(requireActor(c), id);
      return c.body(new Uint8Array(pdf), 200, {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="card-${id}.pdf"`,
      });
    });
  };
}
