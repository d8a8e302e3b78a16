// Live roll-ups (ADR 0027 §9, issue 13 point 5): every direction act writes one outbox row `direction.changed`
// naming its round and the frozen bodies whose figures moved (the node and its ancestors). `DirectionLive`
// subscribes ONCE to the outbox notifier (so an act made by any server process on the same database arrives here)
// and, per watched (round, body), sends a small frame — `event: changed`, data `{ "n": <counter> }` — at most one per
// THROTTLE_MS, the same bytes to every watcher of that node. The page refetches the node through the ordinary,
// scope-checked API: the frame carries nothing but the counter.
import type { Database } from '../../platform/db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { OutboxEvent, OutboxNotifier } from '../../platform/events/outbox-notifier.js';
import { DirectionErrors } from './direction.errors.js';
import { assertCanSeeNode } from './direction.policy.js';
import * as rounds from './round.repository.js';

/** At most one frame per watched node per this many milliseconds. */
export const THROTTLE_MS = 250;

export interface DirectionFrame {
  /** Changes seen for this node since the server started watching it. */
  n: number;
  /** The whole SSE message. */
  sse: Uint8Array;
}

export interface DirectionSubscriber {
  /** Must not throw or block. */
  send(frame: DirectionFrame): void;
  /** The service ends the stream (server shutting down). */
  close(): void;
}

interface Channel {
  key: string;
  subs: Set<DirectionSubscriber>;
  n: number;
  lastAt: number;
  timer: NodeJS.Timeout | null;
}

const encoder = new TextEncoder();
const keyOf = (roundId: string, bodyId: string) => `${roundId}|${bodyId}`;

export class DirectionLive {
  private readonly channels = new Map<string, Channel>();
  private unsubscribe: (() => void) | null;
  private stopped = false;

  constructor(
    private readonly db: Database,
    notifier: OutboxNotifier,
  ) {
    this.unsubscribe = notifier.subscribe((batch) => this.onBatch(batch));
  }

  /**
   * Checks that `actor` may see the round at `bodyId` (as the roll-up does); returns the function that attaches a
   * stream to the node's changes and returns the function that detaches it.
   */
  async watch(actor: Actor, roundId: string, bodyId: string): Promise<(sub: DirectionSubscriber) => () => void> {
    const round = await rounds.findRound(this.db, roundId);
    if (!round || round.organisation_id !== actor.organisationId) throw DirectionErrors.round_not_found();
    const node = await rounds.findNode(this.db, roundId, bodyId);
    if (!node) throw DirectionErrors.not_in_round();
    assertCanSeeNode(actor, { bodyId, frozenPath: node.path, currentPath: node.current_path });
    return (sub) => this.attach(keyOf(roundId, bodyId), sub);
  }

  /** Watchers of a node now (tests, monitoring). */
  watching(roundId: string, bodyId: string): number {
    return this.channels.get(keyOf(roundId, bodyId))?.subs.size ?? 0;
  }

  /** Ends every stream and stops listening (server shutdown). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    for (const ch of this.channels.values()) {
      if (ch.timer) clearTimeout(ch.timer);
      ch.timer = null;
      for (const s of ch.subs) s.close();
      ch.subs.clear();
    }
    this.channels.clear();
  }

  private attach(key: string, sub: DirectionSubscriber): () => void {
    if (this.stopped) {
      sub.close();
      return () => {};
    }
    let ch = this.channels.get(key);
    if (!ch) {
      ch = { key, subs: new Set(), n: 0, lastAt: 0, timer: null };
      this.channels.set(key, ch);
    }
    ch.subs.add(sub);
    const channel = ch;
    return () => {
      channel.subs.delete(sub);
      if (channel.subs.size === 0 && this.channels.get(channel.key) === channel) {
        if (channel.timer) clearTimeout(channel.timer);
        this.channels.delete(channel.key);
      }
    };
  }

  private onBatch(batch: OutboxEvent[]): void {
    if (this.channels.size === 0) return;
    const touched = new Set<Channel>();
    for (const e of batch) {
      if (e.topic !== 'direction.changed') continue;
      const p = e.payload as { roundId?: unknown; bodies?: unknown } | null;
      if (typeof p?.roundId !== 'string' || !Array.isArray(p.bodies)) continue;
      for (const b of p.bodies) {
        if (typeof b !== 'string') continue;
        const ch = this.channels.get(keyOf(p.roundId, b));
        if (ch) touched.add(ch);
      }
    }
    for (const ch of touched) this.schedule(ch);
  }

  /** Sends now when the last frame is THROTTLE_MS old, else once when it will be (changes meanwhile join it). */
  private schedule(ch: Channel): void {
    if (ch.timer) return;
    const wait = ch.lastAt + THROTTLE_MS - Date.now();
    if (wait <= 0) return this.emit(ch);
    ch.timer = setTimeout(() => {
      ch.timer = null;
      this.emit(ch);
    }, wait);
    ch.timer.unref();
  }

  private emit(ch: Channel): void {
    if (this.stopped || ch.subs.size === 0) return;
    ch.n++;
    ch.lastAt = Date.now();
    const frame: DirectionFrame = { n: ch.n, sse: encoder.encode(`event: changed\ndata: {"n":${ch.n}}\n\n`) };
    for (const s of ch.subs) {
      try {
        s.send(frame);
      } catch {
        // a subscriber that fails is closed by its own stream
      }
    }
  }
}
