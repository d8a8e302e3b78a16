// Composition root: opens the database, builds the services and the HTTP app.
// The only place that knows every module.
import path from 'node:path';
import type { DbHandle } from '../platform/db/client.js';
import { createApp, type Api } from '../platform/http/app.js';
import { RecordsService } from '../modules/records/records.service.js';
import { StatuteService } from '../modules/statute/statute.service.js';
import { OrganisationService } from '../modules/organisation/organisation.service.js';
import { PersonService } from '../modules/person/person.service.js';
import { AuthService } from '../modules/auth/auth.service.js';
import { StatsService } from '../modules/stats/stats.service.js';
import { ExchangeService } from '../modules/exchange/exchange.service.js';
import { AdmissionService } from '../modules/admission/admission.service.js';
import { statuteRoutes } from '../modules/statute/statute.routes.js';
import { organisationRoutes } from '../modules/organisation/organisation.routes.js';
import { personRoutes } from '../modules/person/person.routes.js';
import { authRoutes } from '../modules/auth/auth.routes.js';
import { statsRoutes } from '../modules/stats/stats.routes.js';
import { admissionRoutes } from '../modules/admission/admission.routes.js';
import { DisciplineService } from '../modules/discipline/discipline.service.js';
import { AppealService } from '../modules/discipline/appeal.service.js';
import { ReviewService } from '../modules/review/review.service.js';
import { disciplineRoutes } from '../modules/discipline/discipline.routes.js';
import { reviewRoutes } from '../modules/review/review.routes.js';
import { DuesService } from '../modules/dues/dues.service.js';
import { TransferService } from '../modules/transfer/transfer.service.js';
import { ResignationService } from '../modules/resignation/resignation.service.js';
import { duesRoutes } from '../modules/dues/dues.routes.js';
import { transferRoutes } from '../modules/transfer/transfer.routes.js';
import { resignationRoutes } from '../modules/resignation/resignation.routes.js';
import { authMiddleware } from '../modules/auth/auth.middleware.js';
import { EventsService } from '../modules/events/events.service.js';
import { eventsRoutes } from '../modules/events/events.routes.js';
import { OutboxNotifier } from '../platform/events/outbox-notifier.js';
import { outboxFeed } from '../platform/db/outbox-feed.js';
import { AssemblyAccess } from '../modules/assembly/assembly.service.js';
import { NotesService } from '../modules/assembly/notes.service.js';
import { notesRoutes } from '../modules/assembly/notes.routes.js';
import { MeetingService } from '../modules/assembly/meeting.service.js';
import { meetingRoutes } from '../modules/assembly/meeting.routes.js';
import { SealService } from '../modules/records/seal.service.js';
import { ProtocolService } from '../modules/assembly/protocol.service.js';
import { protocolRoutes } from '../modules/assembly/protocol.routes.js';
import { FloorService } from '../modules/assembly/floor.service.js';
import { TranscriptService } from '../modules/assembly/transcript.service.js';
import { LiveService } from '../modules/assembly/live.service.js';
import { floorRoutes } from '../modules/assembly/floor.routes.js';
import { transcriptRoutes } from '../modules/assembly/transcript.routes.js';
import { liveRoutes } from '../modules/assembly/live.routes.js';
import { VoteService } from '../modules/ballot/vote.service.js';
import { SecretBallotService } from '../modules/ballot/secret.service.js';
import { voteRoutes } from '../modules/ballot/vote.routes.js';
import { MotionService } from '../modules/ballot/motion.service.js';
import { motionRoutes } from '../modules/ballot/motion.routes.js';
import { ExpensiveReads } from '../platform/http/expensive-reads.js';
import { DecisionsService } from '../modules/ballot/decisions.service.js';
import { ElectionService } from '../modules/ballot/election.service.js';
import { electionRoutes } from '../modules/ballot/election.routes.js';
import { MandateService } from '../modules/ballot/mandate.service.js';
import { mandateRoutes } from '../modules/ballot/mandate.routes.js';
import { DirectionDefinitionsService } from '../modules/direction/definitions.service.js';
import { DirectiveService } from '../modules/direction/directive.service.js';
import { ReportService } from '../modules/direction/report.service.js';
import { CampaignService } from '../modules/direction/campaign.service.js';
import { DirectionTicker } from '../modules/direction/ticker.service.js';
import { RollupService } from '../modules/direction/rollup.service.js';
import { directionRoutes } from '../modules/direction/direction.routes.js';
import { DirectionLive } from '../modules/direction/live.service.js';
import { directionLiveRoutes } from '../modules/direction/live.routes.js';
import { DirectionDigests } from '../modules/direction/digest.service.js';
import { directionDigestRoutes } from '../modules/direction/digest.routes.js';

export interface Services {
  statute: StatuteService;
  organisation: OrganisationService;
  person: PersonService;
  auth: AuthService;
  stats: StatsService;
  exchange: ExchangeService;
  records: RecordsService;
  dues: DuesService;
  transfer: TransferService;
  resignation: ResignationService;
  discipline: DisciplineService;
  review: ReviewService;
  admission: AdmissionService;
  /** Live updates; the server starts and stops its notifier. */
  events: EventsService;
  /** Assemblies: shared meeting context and change marker. */
  assembly: AssemblyAccess;
  /** Assemblies: question notes with blind-signature tokens (RFC 9474). */
  notes: NotesService;
  /** Assemblies: meetings, attendance and quorum, roles, the chair's moves. */
  meetings: MeetingService;
  /** Sealed records: the hash chain, appended in the sealer's transaction and verified against live records. */
  seal: SealService;
  /** Assemblies: the protocol (generate, edit, approve, seal), PDFs of protocol and transcript. */
  protocol: ProtocolService;
  /** Assemblies: the list of speakers. */
  floor: FloorService;
  /** Assemblies: the verbatim transcript. */
  transcript: TranscriptService;
  /** Assemblies: the live state and its stream (one notifier subscription; the server stops it). */
  live: LiveService;
  /** Ballot: motions and amendments (the vote subject of a motion), minority opinions. */
  motions: MotionService;
  /** Ballot: elections (nomination, consent; the vote subject of an election) and the mandates they issue. */
  elections: ElectionService;
  /** Ballot: delegates' mandates at a higher conference, checked by its credentials commission. */
  mandates: MandateService;
  /** Ballot: votes (announce, open, close; tellers' counts, roll-call) and the live vote. */
  votes: VoteService;
  /** Ballot: the verifiable secret ballot (blind tokens, group-committed casting, board, recount). */
  secretBallot: SecretBallotService;
  /** Statistics and worklists over a subtree: a few at a time per account (ADR 0019). */
  expensiveReads: ExpensiveReads;
  /** Direction: indicators and forms. */
  directionDefinitions: DirectionDefinitionsService;
  /** Direction: directives, concretisation, targets, acknowledgement, inboxes. */
  directives: DirectiveService;
  /** Direction: reports and their approval up the frozen tree. */
  reports: ReportService;
  /** Direction: roll-ups and completeness with drill-down. */
  rollups: RollupService;
  /** Direction: campaigns through the assemblies (listens to meetings' outcomes). */
  campaigns: CampaignService;
  /** Direction: reminders, escalations and the daily digests, every minute, started and stopped with the server. */
  directionTicker: DirectionTicker;
  /** Direction: the live roll-up stream (one notifier subscription; the server stops it). */
  directionLive: DirectionLive;
  /** Direction: committees' digests (stored daily by the ticker, computed on request otherwise). */
  directionDigests: DirectionDigests;
}

export function createServices(
  handle: DbHandle,
  opts: { secureCookies?: boolean; /** ADR 0016 */ trustedProxies?: readonly string[] } = {},
): Services {
  const records = new RecordsService(handle.db);
  const statute = new StatuteService(handle.db);
  const organisation = new OrganisationService(handle.db, statute, records);
  const person = new PersonService(handle.db, statute, organisation, records);
  const auth = new AuthService(
    handle.db,
    { secureCookies: opts.secureCookies ?? false, trustedProxies: opts.trustedProxies ?? [] },
    statute,
  );
  const stats = new StatsService(handle.db, statute, organisation);
  const dues = new DuesService(handle.db, statute, records);
  const transfer = new TransferService(handle.db, statute, records);
  const resignation = new ResignationService(handle.db, statute, records);
  const exchange = new ExchangeService(handle.db, statute, organisation, dues);
  const admission = new AdmissionService(handle.db, statute, organisation, records, person);
  const discipline = new DisciplineService(handle.db, statute, records, new AppealService(handle.db, statute, records));
  const review = new ReviewService(handle.db, records, discipline);
  // What the reader may do with a person (PersonDetail.can, ADR 0026): each module that acts on persons says.
  person.useActs(auth, dues, discipline, transfer);
  const notifier = new OutboxNotifier(outboxFeed(handle));
  const events = new EventsService(notifier);
  const assembly = new AssemblyAccess(handle.db);
  const transcript = new TranscriptService(handle.db, assembly);
  const floor = new FloorService(handle.db, assembly, statute, person);
  const notes = new NotesService(handle.db, assembly, statute, transcript);
  const meetings = new MeetingService(handle.db, statute, assembly, person);
  const seal = new SealService(handle.db);
  const motions = new MotionService(handle.db, assembly, statute);
  const protocol = new ProtocolService(handle.db, assembly, seal, statute, new DecisionsService(handle.db));
  const elections = new ElectionService(handle.db, assembly, statute, person);
  const mandates = new MandateService(handle.db, assembly, statute);
  const votes = new VoteService(handle.db, assembly, statute, { motion: motions, election: elections });
  const secretBallot = new SecretBallotService(handle.db, assembly);
  votes.useSecretTally(secretBallot);
  const live = new LiveService(handle.db, assembly, statute, notifier, votes);
  const directionDefinitions = new DirectionDefinitionsService(handle.db);
  const directives = new DirectiveService(handle.db, statute, records, motions, directionDefinitions);
  const reports = new ReportService(handle.db, directionDefinitions, statute, meetings);
  const rollups = new RollupService(handle.db, directionDefinitions, directives);
  const campaigns = new CampaignService(handle.db, directives, rollups, meetings);
  // assembly tells campaigns of cancelled and closed meetings and approved protocols, in its own transactions
  meetings.useOutcomeListener(campaigns);
  protocol.useOutcomeListener(campaigns);
  const directionDigests = new DirectionDigests(handle.db, statute);
  const directionTicker = new DirectionTicker(handle.db, directionDigests, directives);
  const directionLive = new DirectionLive(handle.db, notifier);
  return {
    directionLive,
    directionDigests,
    directionDefinitions,
    directives,
    reports,
    rollups,
    campaigns,
    directionTicker,
    expensiveReads: new ExpensiveReads(),
    motions,
    elections,
    mandates,
    votes,
    secretBallot,
    assembly,
    notes,
    meetings,
    seal,
    protocol,
    floor,
    transcript,
    live,
    events,
    dues,
    transfer,
    resignation,
    discipline,
    review,
    statute,
    organisation,
    person,
    auth,
    stats,
    exchange,
    records,
    admission,
  };
}

export const DEFAULT_WEB_DIR = path.resolve('dist/web');

/** Mounts every module's routes, each given only the services it uses. */
export function buildHttpApp(services: Services, webDir?: string): Api {
  return createApp({
    modules: [
      authRoutes({ auth: services.auth }),
      statuteRoutes({ statute: services.statute }),
      organisationRoutes({ organisation: services.organisation }),
      personRoutes({ person: services.person }),
      statsRoutes({ stats: services.stats, expensiveReads: services.expensiveReads }),
      duesRoutes({ dues: services.dues, expensiveReads: services.expensiveReads }),
      transferRoutes({ transfer: services.transfer, expensiveReads: services.expensiveReads }),
      resignationRoutes({ resignation: services.resignation, expensiveReads: services.expensiveReads }),
      disciplineRoutes({ discipline: services.discipline, expensiveReads: services.expensiveReads }),
      reviewRoutes({ review: services.review, expensiveReads: services.expensiveReads }),
      admissionRoutes({ admission: services.admission, expensiveReads: services.expensiveReads }),
      eventsRoutes({ events: services.events }),
      notesRoutes({ notes: services.notes }),
      meetingRoutes({ meetings: services.meetings }),
      protocolRoutes({ protocol: services.protocol }),
      floorRoutes({ floor: services.floor }),
      transcriptRoutes({ transcript: services.transcript }),
      liveRoutes({ live: services.live }),
      motionRoutes({ motions: services.motions }),
      electionRoutes({ elections: services.elections }),
      mandateRoutes({ mandates: services.mandates }),
      voteRoutes({ votes: services.votes, secretBallot: services.secretBallot }),
      directionRoutes({
        definitions: services.directionDefinitions,
        directives: services.directives,
        reports: services.reports,
        rollups: services.rollups,
        campaigns: services.campaigns,
        ticker: services.directionTicker,
      }),
      directionLiveRoutes({ live: services.directionLive }),
      directionDigestRoutes({ rollups: services.rollups, digests: services.directionDigests }),
    ],
    authenticate: authMiddleware(services.auth),
    ...(webDir ? { webDir } : {}),
  });
}
