// Resolves the actor from the session cookie on every /api request and guards writes against
// cross-site requests: a same-origin Origin (when sent) and the session's CSRF token in a header.
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../../platform/http/env.js';
import { CommonErrors } from '../../platform/errors.js';
import { CSRF_HEADER, SESSION_COOKIE, isSessionless } from '../../contracts/auth.js';
import type { AuthService } from './auth.service.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function originAllowed(c: Context<AppEnv>, allowed: readonly string[]): boolean {
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const host = c.req.header('host') ?? new URL(c.req.url).host;
  return originHost === host;
}

export function authMiddleware(auth: AuthService): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = isSessionless(c.req.method, c.req.path) ? undefined : getCookie(c, SESSION_COOKIE);
    const actor = token ? await auth.resolveSession(token) : null;
    c.set('actor', actor);
    if (UNSAFE.has(c.req.method)) {
      if (!originAllowed(c, auth.allowedOrigins))
        throw CommonErrors.csrf_failed(undefined, 'Requests from another site are refused.');
      const isLogin = c.req.method === 'POST' && c.req.path === '/api/auth/login';
      if (actor && !isLogin) {
        const sent = c.req.header(CSRF_HEADER);
        if (!sent || !sameToken(sent, actor.csrfToken)) throw CommonErrors.csrf_failed();
      }
    }
    await next();
  };
}

/** The signed-in actor, or 401 not_signed_in. */
export function requireActor(c: Context<AppEnv>) {
  const actor = c.get('actor');
  if (!actor) throw CommonErrors.not_signed_in();
  return actor;
}
