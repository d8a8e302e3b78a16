// A meeting's live state (issue 4) and its stream to every open screen: the projector, the chair's desk and a
// hall of thousands of phones. Built for fan-out: the service subscribes ONCE to the outbox notifier (so a change
// made by any server process on the same PostgreSQL arrives here); per batch it collects the meetings named by
// `meeting.*` events, and for each meeting someone watches it recomputes the state once (at most one computation
// in flight per meeting, one more if changes arrived meanwhile, at most one per THROTTLE_MS), serialises it once
// and hands the same bytes to every subscriber. A subscriber that cannot keep up is closed (it reconnects).
import type { Database } from '../../platform/db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { OutboxEvent, OutboxNotifier } from '../../platform/events/outbox-notifier.js';
import type { LiveState, MeetingKind } from '../../contracts/assembly.js';
import type { LiveVote } from '../../contracts/ballot.js';
import { assertCanViewMeeting } from './assembly.policy.js';
import { rulesOnMeetingDate, type AssemblyAccess } from './assembly.service.js';
import { AssemblyErrors } from './assembly.errors.js';
import { quorumOf } from './rules/quorum.js';
import * as repo from './live.repository.js';
import type { StatuteSource } from '../statute/statute.service.js';

/** At most one state per meeting per this many milliseconds (more in a big hall: see throttleFor). */
export const THROTTLE_MS = 100;
/** Watchers one more millisecond of spacing pays for: 5,000 phones → a state at most every 100 + 333 ms. */
export const WATCHERS_PER_MS = 15;

/**
 * The spacing of states for a meeting watched by `watchers` screens. Each state is one write per watcher; spacing
 * them by the size of the hall keeps the fan-out to about 15,000 writes a second, so check-ins, notes and floor
 * moves keep the CPU they need while every screen still gets each change well within a second.
 */
export function throttleFor(watchers: number): number {
  return THROTTLE_MS + Math.floor(watchers / WATCHERS_PER_MS);
}
/**
 * Spacing of states when only a counter moved (`counterOnly` outbox rows: ballots received in a secret vote). A
 * hall of 5,000 casting at once would otherwise get a new state as often as the hall's spacing allows, each one a
 * write to every phone, taking the CPU the ballots need; the count rising once a second is enough to watch.
 */
export const COUNTER_MS = 1_000;
/** Speakers shown after the one with the floor. */
export const QUEUE_SHOWN = 10;
/** How long the statute's quorum fraction is cached. */
const RULES_TTL_MS = 60_000;

/** The vote in progress or the last one closed in a meeting (the ballot module's VoteService). */
export interface LiveVoteSource {
  liveVote(meetingId: string): Promise<LiveVote | null>;
}

/** One state, serialised once for every subscriber. */
export interface LiveFrame {
  revision: number;
  /** The LiveState JSON. */
  json: string;
  /** The whole SSE message: `event: state`, `data: <json>`. */
  sse: Uint8Array;
}

export interface LiveSubscriber {
  /** Called with each new state; must not throw or block (queue the write, close when behind). */
  send(frame: LiveFrame): void;
  /** The service ends the stream (server shutting down). */
  close(): void;
}

interface Channel {
  meetingId: string;
  subs: Set<LiveSubscriber>;
  /** The last state computed, and its content without `at` (to skip a broadcast that changes nothing). */
  state: LiveState | null;
  key: string | null;
  /** A change arrived that the last state does not show. */
  dirty: boolean;
  /** Among those changes, one that is not only a counter (ballots received): due at the hall's usual spacing. */
  urgent: boolean;
  inflight: Promise<void> | null;
  timer: NodeJS.Timeout | null;
  /** The scheduled run is a counter-only one (spaced by COUNTER_MS): an urgent change reschedules it. */
  timerSoft: boolean;
  lastRunAt: number;
}

const encoder = new TextEncoder();

export function frameOf(state: LiveState): LiveFrame {
  const json = JSON.stringify(state);
  return { revision: state.revision, json, sse: encoder.encode(`event: state\ndata: ${json}\n\n`) };
}

export class LiveService {
  private readonly channels = new Map<string, Channel>();
  private readonly fractions = new Map<string, { fraction: number; until: number }>();
  private unsubscribe: (() => void) | null;
  private stopped = false;
  /** States computed (for tests and the bench: one per change per meeting, however many watch). */
  computations = 0;

  constructor(
    private readonly db: Database,
    private readonly assembly: AssemblyAccess,
    private readonly statute: StatuteSource,
    notifier: OutboxNotifier,
    private readonly votes: LiveVoteSource | null = null,
  ) {
    this.unsubscribe = notifier.subscribe((batch) => this.onBatch(batch));
  }

  /** The live state now (GET /live). */
  async state(actor: Actor, meetingId: string): Promise<LiveState> {
    const ctx = await this.assembly.context(this.db, actor, meetingId);
    assertCanViewMeeting(ctx);
    return this.compute(meetingId);
  }

  /**
   * Checks that `actor` may watch the meeting; returns the function that attaches a stream to its state (the
   * current state first, then every change) and returns the function that detaches it.
   */
  async watch(actor: Actor, meetingId: string): Promise<(sub: LiveSubscriber) => () => void> {
    const ctx = await this.assembly.context(this.db, actor, meetingId);
    assertCanViewMeeting(ctx);
    return (sub) => this.attach(meetingId, sub);
  }

  /** `watch` and attach in one step. */
  async subscribe(actor: Actor, meetingId: string, sub: LiveSubscriber): Promise<() => void> {
    return (await this.watch(actor, meetingId))(sub);
  }

  private attach(meetingId: string, sub: LiveSubscriber): () => void {
    if (this.stopped) {
      sub.close();
      return () => {};
    }
    let ch = this.channels.get(meetingId);
    if (!ch) {
      ch = {
        meetingId,
        subs: new Set(),
        state: null,
        key: null,
        dirty: false,
        urgent: false,
        timerSoft: false,
        inflight: null,
        timer: null,
        lastRunAt: 0,
      };
      this.channels.set(meetingId, ch);
    }
    ch.subs.add(sub);
    const channel = ch;
    if (ch.state) {
      // the last state, with the server time of now (clients run the speaker's clock from it); a pending change
      // follows within THROTTLE_MS
      sub.send(frameOf({ ...ch.state, at: new Date().toISOString() }));
    } else if (!ch.inflight) {
      if (ch.timer) clearTimeout(ch.timer);
      ch.timer = null;
      ch.dirty = false;
      this.run(ch);
    }
    return () => {
      channel.subs.delete(sub);
      this.release(channel);
    };
  }

  /** Ends every stream and stops listening (server shutdown). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    const pending: Promise<void>[] = [];
    for (const ch of this.channels.values()) {
      if (ch.timer) clearTimeout(ch.timer);
      ch.timer = null;
      for (const s of ch.subs) s.close();
      ch.subs.clear();
      if (ch.inflight) pending.push(ch.inflight);
    }
    this.channels.clear();
    await Promise.all(pending);
  }

  /** Meetings watched now and their subscribers (for tests and monitoring). */
  watching(meetingId: string): number {
    return this.channels.get(meetingId)?.subs.size ?? 0;
  }

  private onBatch(batch: OutboxEvent[]): void {
    // meeting id → whether any of its changes is more than a counter
    const changed = new Map<string, boolean>();
    for (const e of batch) {
      if (!e.topic.startsWith('meeting.')) continue;
      const payload = e.payload as { meetingId?: unknown; counterOnly?: unknown } | null;
      const id = payload?.meetingId;
      if (typeof id === 'string') changed.set(id, (changed.get(id) ?? false) || payload?.counterOnly !== true);
    }
    for (const [id, urgent] of changed) {
      const ch = this.channels.get(id);
      if (!ch) continue;
      ch.dirty = true;
      if (urgent && !ch.urgent) {
        ch.urgent = true;
        if (ch.timer && ch.timerSoft) {
          clearTimeout(ch.timer);
          ch.timer = null;
        }
      }
      this.pump(ch);
    }
  }

  /**
   * Runs a computation when one is due: none in flight, none scheduled, and the hall's spacing (throttleFor) since
   * the last — or COUNTER_MS when only counters changed (ballots arriving in a secret vote).
   */
  private pump(ch: Channel): void {
    if (this.stopped || !ch.dirty || ch.inflight || ch.timer || !ch.subs.size) return;
    const spacing = throttleFor(ch.subs.size);
    const wait = ch.lastRunAt + (ch.urgent ? spacing : Math.max(spacing, COUNTER_MS)) - Date.now();
    if (wait > 0) {
      ch.timerSoft = !ch.urgent;
      ch.timer = setTimeout(() => {
        ch.timer = null;
        this.pump(ch);
      }, wait);
      ch.timer.unref();
      return;
    }
    ch.dirty = false;
    ch.urgent = false;
    this.run(ch);
  }

  private run(ch: Channel): void {
    ch.lastRunAt = Date.now();
    ch.inflight = (async () => {
      try {
        const state = await this.compute(ch.meetingId);
        if (this.stopped) return;
        const { at: _at, ...content } = state;
        const key = JSON.stringify(content);
        const first = ch.state === null;
        ch.state = state;
        if (key === ch.key && !first) return;
        ch.key = key;
        const frame = frameOf(state);
        for (const s of ch.subs) {
          try {
            s.send(frame);
          } catch {
            s.close();
          }
        }
      } catch (e) {
        if (!this.stopped) console.warn(`live state of meeting ${ch.meetingId}: ${(e as Error).message}`);
      }
    })().finally(() => {
      ch.inflight = null;
      this.release(ch);
      this.pump(ch);
    });
  }

  /** Forgets a meeting nobody watches (its next watcher computes afresh). */
  private release(ch: Channel): void {
    if (ch.subs.size || ch.inflight) return;
    if (ch.timer) clearTimeout(ch.timer);
    ch.timer = null;
    if (this.channels.get(ch.meetingId) === ch) this.channels.delete(ch.meetingId);
  }

  private async compute(meetingId: string): Promise<LiveState> {
    this.computations++;
    const m = await repo.liveMeeting(this.db, meetingId);
    if (!m) throw AssemblyErrors.meeting_not_found();
    const [floor, counts, fraction, vote] = await Promise.all([
      repo.speakerAndQueue(this.db, meetingId, m.current_item_id, QUEUE_SHOWN),
      repo.attendance(this.db, meetingId),
      this.fraction(m.organisation_id, m.kind, m.starts_on),
      this.votes ? this.votes.liveVote(meetingId) : Promise.resolve(null),
    ]);
    const speaking = floor.find((r) => r.status === 'speaking');
    const queue = floor.filter((r) => r.status === 'waiting');
    return {
      meetingId: m.id,
      revision: m.revision,
      status: m.status,
      title: m.title,
      currentItem:
        m.current_item_id && m.item_title !== null
          ? { id: m.current_item_id, position: m.item_position ?? 0, title: m.item_title }
          : null,
      speaker: speaking
        ? {
            requestId: speaking.id,
            personId: speaking.person_id,
            name: speaking.name,
            nameRu: speaking.name_ru,
            kind: speaking.kind,
            startedAt: new Date(speaking.started_at ?? Date.now()).toISOString(),
            limitSeconds: speaking.limit_seconds,
          }
        : null,
      queue: queue.map((r) => ({
        requestId: r.id,
        personId: r.person_id,
        name: r.name,
        nameRu: r.name_ru,
        kind: r.kind,
      })),
      queueLength: Number(m.queue_length),
      quorum: quorumOf(
        {
          entitledVoting: Number(counts.entitled_voting),
          presentVoting: Number(counts.present_voting),
          presentConsultative: Number(counts.present_consultative),
          presentGuests: Number(counts.present_guests),
        },
        fraction,
      ),
      chair: m.chair,
      chairRu: m.chair_ru,
      transcriptCount: Number(m.transcript_count),
      transcriptVersion: Number(m.transcript_version),
      notesCount: Number(m.notes_count),
      notesAnswered: Number(m.notes_answered),
      vote,
      at: new Date().toISOString(),
    };
  }

  /** The statute's quorum fraction for a kind of meeting (cached a minute; the statute rarely changes). */
  private async fraction(organisationId: string, kind: string, onDate: string): Promise<number> {
    const key = `${organisationId}|${kind}|${onDate}`;
    const hit = this.fractions.get(key);
    if (hit && hit.until > Date.now()) return hit.fraction;
    const rules = await rulesOnMeetingDate(this.statute, organisationId, onDate);
    const fraction = rules.assemblies.kinds[kind as MeetingKind]?.quorumMoreThan ?? 0.5;
    if (this.fractions.size > 10_000) this.fractions.clear();
    this.fractions.set(key, { fraction, until: Date.now() + RULES_TTL_MS });
    return fraction;
  }
}
