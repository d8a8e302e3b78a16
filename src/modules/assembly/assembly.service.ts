// The assembly module's shared use-case plumbing: loads a meeting's context for an actor (with the actor's
// roles and participation, optionally locking the meeting row so moves on one meeting are serialised) and
// marks a change (revision + outbox row, which the live stream turns into a new state for every open page).
import { randomBytes } from 'node:crypto';
import type { Actor } from '../../platform/actor.js';
import { manages } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import type { StatuteRules } from '../../contracts/statute.js';
import type { Database } from '../../platform/db/client.js';
import type { Executor } from '../../platform/db/executor.js';
import type { MeetingRoleName, Voice } from '../../contracts/assembly.js';
import { AssemblyErrors } from './assembly.errors.js';
import type { MeetingContext } from './assembly.policy.js';
import * as repo from './assembly.repository.js';
import { generateCode } from './rules/codes.js';
import type { StatuteSource } from '../statute/statute.service.js';

// What other modules (the ballot module: motions, votes, elections, mandates) use of a meeting's context.
export type { MeetingContext } from './assembly.policy.js';
export {
  assertCanChair,
  assertCanKeepProtocol,
  assertCanViewMeeting,
  assertNotClosed,
  assertOpen,
  assertPresent,
  canAnnounceVote,
  canChair,
  canCheckMandates,
  canKeepProtocol,
  canOpenElection,
  canProposeMotion,
  canRecordRoll,
  canTell,
  canViewMeeting,
  isPresent,
  isVoter,
} from './assembly.policy.js';
export { AssemblyErrors } from './assembly.errors.js';

/** What seating a delegate did to a meeting's roll. */
export type Seated = 'new' | 'guest' | 'kept';

export class AssemblyAccess {
  constructor(readonly db: Database) {}

  /** The meeting as `actor` sees it; not found (404) for meetings of another organisation. */
  async context(
    ex: Executor,
    actor: Actor | null,
    meetingId: string,
    opts: { lock?: boolean } = {},
  ): Promise<MeetingContext> {
    const m = await repo.meetingForContext(ex, meetingId, actor?.personId ?? null, opts.lock ?? false);
    if (!m || (actor && m.organisation_id !== actor.organisationId)) throw AssemblyErrors.meeting_not_found();
    const roles = actor ? m.roles : [];
    const p = actor && m.voice !== null ? m : undefined;
    return {
      id: m.id,
      organisationId: m.organisation_id,
      bodyId: m.body_id,
      bodyPath: m.body_path,
      bodyKind: m.body_kind,
      kind: m.kind,
      title: m.title,
      status: m.status,
      revision: m.revision,
      currentItemId: m.current_item_id,
      startsAt: new Date(m.starts_at),
      manager: actor ? manages(actor, m.body_path) : false,
      roles: new Set(roles as MeetingRoleName[]),
      participant: p
        ? {
            voice: p.voice as Voice,
            present: p.present!,
            code: p.code!,
            tokensIssued: p.tokens_issued!,
            signedNotes: p.signed_notes!,
          }
        : null,
    };
  }

  /**
   * Seats a delegate whose mandate was confirmed (ballot module), in the caller's transaction: a new participant
   * with `voice` and a fresh check-in code; a guest already admitted gets the voice; a participant stays as is.
   */
  async seatDelegate(
    ex: Executor,
    meetingId: string,
    personId: string,
    voice: 'voting' | 'consultative',
  ): Promise<Seated> {
    const p = await repo.participantOf(ex, meetingId, personId);
    if (p) {
      if (p.voice !== 'guest') return 'kept';
      await repo.setParticipantVoice(ex, meetingId, personId, voice);
      return 'guest';
    }
    for (let i = 0; i < 5; i++) {
      const code = generateCode((n) => randomBytes(n));
      if (await repo.insertParticipant(ex, meetingId, personId, voice, code)) return 'new';
    }
    throw new Error('no free check-in code');
  }

  /**
   * Undoes what seating did (a mandate rejected before the meeting opens), in the caller's transaction: a new
   * participant is removed, a guest is a guest again, a participant entitled already stays as they were.
   */
  async unseatDelegate(ex: Executor, meetingId: string, personId: string, seated: Seated | null): Promise<void> {
    if (seated === 'new') await repo.deleteParticipant(ex, meetingId, personId);
    else if (seated === 'guest') await repo.setParticipantVoice(ex, meetingId, personId, 'guest');
  }

  /** Marks a change of the meeting in the caller's transaction; returns the new revision. */
  async touch(ex: Executor, meetingId: string, topic: string, payload: Record<string, unknown> = {}): Promise<number> {
    const revision = await repo.touchMeeting(ex, meetingId, topic, payload);
    if (revision === null) throw AssemblyErrors.meeting_not_found();
    return revision;
  }

  /** Takes the meeting's row (still convened or open) without marking a change; else refuses. */
  async lockLive(ex: Executor, meetingId: string): Promise<void> {
    if (!(await repo.lockLiveMeeting(ex, meetingId))) throw AssemblyErrors.meeting_already_closed();
  }

  /**
   * Takes the meeting's row as late as possible, for a write read without its lock (a check-in): bumps the revision
   * only while the meeting is convened or open — a close that committed meanwhile is seen — else refuses.
   */
  async touchLive(ex: Executor, meetingId: string, topic: string, payload: Record<string, unknown> = {}) {
    const revision = await repo.touchMeeting(ex, meetingId, topic, payload, true);
    if (revision === null) throw AssemblyErrors.meeting_already_closed();
    return revision;
  }

  /**
   * Marks a change of a counter that only the live state shows (ballots received in a secret vote): an outbox row
   * naming the meeting, without taking the meeting's row or changing its revision, so open pages reload nothing
   * for it; the live stream sends such changes at most once a second (COUNTER_MS).
   */
  signal(ex: Executor, meetingId: string, topic: string, payload: Record<string, unknown> = {}): Promise<void> {
    return repo.signalMeeting(ex, meetingId, topic, payload);
  }
}

/**
 * The statute's rules on a meeting's date; a meeting dated before the first statute on record (the demo's 1927
 * assemblies) takes the rules in force now, as its protocol does. Inside a write transaction pass it as `ex`: the
 * read must not wait for a second connection while the transaction holds the meeting's lock (ADR 0013).
 */
export async function rulesOnMeetingDate(
  statute: StatuteSource,
  organisationId: string,
  onDate: string,
  ex?: Executor,
): Promise<StatuteRules> {
  try {
    return await statute.rules(organisationId, onDate, ex);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'statute_not_found') throw e;
    return statute.rules(organisationId, undefined, ex);
  }
}
