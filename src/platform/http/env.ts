// Hono environment shared by every route: the actor (null when signed out).
import type { Actor } from '../actor.js';

export interface AppEnv {
  Variables: {
    actor: Actor | null;
  };
}
