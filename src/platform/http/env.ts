// Hono environment shared by every route: the actor (null when signed out), the live-stream gate.
import type { Actor } from '../actor.js';
import type { StreamGate } from './sse.js';

export interface AppEnv {
  Variables: {
    actor: Actor | null;
    /** Open live streams per session (set by the app for every request). */
    streams: StreamGate;
  };
}
