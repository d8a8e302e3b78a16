// Live updates for open pages (ADR 0009): the outbox notifier's events, for one signed-in client, with a
// bounded replay after the client's Last-Event-ID. Events carry the topic, the outbox id and the ids named in
// the payload, nothing else: a page reloads what it shows through the ordinary, scope-checked API. A reader gets
// only the changes of their own organisation's tree (rules/visibility.ts), live and replayed alike.
import type { Actor } from '../../platform/actor.js';
import { mayReceive, publicIds } from './rules/visibility.js';
import type { OutboxEvent, OutboxNotifier } from '../../platform/events/outbox-notifier.js';

/** Most events replayed to a reconnecting client; beyond that it gets `resync` and reloads. */
export const REPLAY_LIMIT = 500;
/** Events waiting for one slow client before its stream is closed (it reconnects with Last-Event-ID). */
export const MAX_PENDING = 2000;

export interface LiveEvent {
  id: number;
  topic: string;
  data: Record<string, unknown>;
}

export interface EventStream {
  /** Events in id order (replayed first, then live). */
  onEvents(events: LiveEvent[]): void;
  /** The server is shutting down: end the stream. */
  onClose(): void;
}

/** The ids a payload names: keys ending in `Id` (a string) or `Ids` (an array of strings). */
export function payloadIds(payload: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return out;
  for (const [k, v] of Object.entries(payload)) {
    if (/Id$/.test(k) && (typeof v === 'string' || v === null)) out[k] = v;
    else if (/Ids$/.test(k) && Array.isArray(v) && v.every((x) => typeof x === 'string')) out[k] = v;
  }
  return out;
}

function toLive(e: OutboxEvent): LiveEvent {
  return { id: e.id, topic: e.topic, data: { id: e.id, ...payloadIds(e.payload) } };
}

export class EventsService {
  private readonly streams = new Set<EventStream>();

  constructor(private readonly notifier: OutboxNotifier) {}

  async start(): Promise<void> {
    await this.notifier.start();
  }

  /** Stops the notifier and ends every open stream. */
  async stop(): Promise<void> {
    for (const s of [...this.streams]) s.onClose();
    this.streams.clear();
    await this.notifier.stop();
  }

  /**
   * Opens a live stream for a signed-in actor: first the events after `lastEventId` (at most REPLAY_LIMIT;
   * more → one `resync` event), then every new event. Returns the function that closes it.
   */
  async open(actor: Actor, lastEventId: number | null, stream: EventStream): Promise<() => void> {
    const visible = (rows: OutboxEvent[]) =>
      rows
        .filter((e) => mayReceive(actor, e.topic, e.payload))
        .map(toLive)
        .map((e) => ({ ...e, data: publicIds(e.topic, e.data) }));
    let buffered: LiveEvent[] | null = [];
    const unsubscribe = this.notifier.subscribe((batch) => {
      const events = visible(batch);
      if (!events.length) return;
      if (buffered) buffered.push(...events);
      else stream.onEvents(events);
    });
    this.streams.add(stream);
    const close = () => {
      unsubscribe();
      this.streams.delete(stream);
    };
    try {
      const head = this.notifier.lastId;
      const replayed = new Set<number>();
      if (lastEventId !== null && lastEventId >= 0 && lastEventId < head) {
        const rows = await this.notifier.replay(lastEventId, REPLAY_LIMIT + 1);
        // rows after the client's last event were pruned (older than the retention): it must reload
        const oldest = await this.notifier.oldestId();
        const pruned = oldest === null || oldest > lastEventId + 1;
        if (rows.length > REPLAY_LIMIT || (pruned && (rows[0]?.id ?? Infinity) > lastEventId + 1)) {
          stream.onEvents([{ id: head, topic: 'resync', data: { id: head } }]);
        } else if (rows.length) {
          const shown = visible(rows);
          if (shown.length) stream.onEvents(shown);
          for (const r of rows) replayed.add(r.id);
        }
      }
      const live = buffered.filter((e) => !replayed.has(e.id));
      buffered = null;
      if (live.length) stream.onEvents(live);
    } catch (e) {
      close();
      throw e;
    }
    return close;
  }
}
