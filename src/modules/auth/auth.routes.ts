// HTTP: sign in, sign out, the signed-in account.
import { createRoute } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Api, RouteModule } from '../../platform/http/app.js';
import type { AppEnv } from '../../platform/http/env.js';
import { errorResponses, json, policy } from '../../platform/http/openapi.js';
import type { AuthService } from './auth.service.js';
import {
  ChangePasswordInput,
  LoginInput,
  LogoutResult,
  Me,
  OkResult,
  RedeemResetCodeInput,
  ResetCode,
  SESSION_COOKIE,
  UpdateMeInput,
} from '../../contracts/auth.js';
import { IdParam } from '../../contracts/common.js';

const described = { 401: 'Not signed in or wrong credentials', 403: 'Security token missing or wrong' } as const;
const errors = errorResponses(described);

const login = createRoute({
  method: 'post',
  path: '/api/auth/login',
  ...policy('sign-in'),
  tags: ['auth'],
  summary: 'Sign in; sets the session cookie',
  request: { body: { required: true, ...json(LoginInput) } },
  responses: {
    200: { description: 'Signed in', ...json(Me) },
    ...errorResponses({ ...described, 429: 'Too many failed attempts' }),
  },
});

const logout = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  ...policy('sign-in'),
  tags: ['auth'],
  summary: 'Sign out; ends the session',
  responses: { 200: { description: 'Signed out', ...json(LogoutResult) }, ...errors },
});

const me = createRoute({
  method: 'get',
  path: '/api/auth/me',
  ...policy('self'),
  tags: ['auth'],
  summary: 'The signed-in account, its person and the bodies its offices cover',
  responses: { 200: { description: 'The account', ...json(Me) }, ...errors },
});

const updateMe = createRoute({
  method: 'patch',
  path: '/api/auth/me',
  ...policy('self'),
  tags: ['auth'],
  summary: 'Change account settings (language)',
  request: { body: { required: true, ...json(UpdateMeInput) } },
  responses: { 200: { description: 'The account', ...json(Me) }, ...errors },
});

const changePassword = createRoute({
  method: 'post',
  path: '/api/auth/password',
  tags: ['auth'],
  ...policy('self'),
  summary: 'Change one’s own password (current and new); ends the account’s other sessions',
  request: { body: { required: true, ...json(ChangePasswordInput) } },
  responses: {
    200: { description: 'Changed', ...json(OkResult) },
    ...errorResponses({
      ...described,
      400: 'Wrong current password or a new one the policy refuses',
      429: 'Too many failed attempts',
    }),
  },
});

const issueResetCode = createRoute({
  method: 'post',
  path: '/api/persons/{id}/password-reset',
  tags: ['auth'],
  ...policy('scope'),
  summary: 'Issue a one-time password reset code for a person’s account (a manager of their body); shown once',
  request: { params: IdParam },
  responses: {
    200: { description: 'The code, shown only in this response', ...json(ResetCode) },
    ...errorResponses({ ...described, 404: 'No such person, or no account' }),
  },
});

const redeemResetCode = createRoute({
  method: 'post',
  path: '/api/auth/password-reset',
  tags: ['auth'],
  ...policy('sign-in'),
  summary: 'Set a new password with a reset code; ends every session of the account',
  request: { body: { required: true, ...json(RedeemResetCodeInput) } },
  responses: {
    200: { description: 'The new password is set; sign in with it', ...json(OkResult) },
    ...errorResponses({
      400: 'Wrong or expired code, or a new password the policy refuses',
      429: 'Too many failed attempts',
    }),
  },
});

/** The client's address: the TCP peer, or X-Forwarded-For when the peer is a trusted proxy (ADR 0016). */
function clientIp(c: Context<AppEnv>, s: AuthRouteDeps): string {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    peer = undefined;
  }
  return s.auth.clientAddress(peer, c.req.header('x-forwarded-for'));
}

/** The services these routes use (passed by src/app/compose.ts). */
export interface AuthRouteDeps {
  auth: AuthService;
}

export function authRoutes(s: AuthRouteDeps): RouteModule {
  return (api: Api) => {
    api.openapi(login, async (c) => {
      const body = c.req.valid('json');
      const result = await s.auth.login(body.login, body.password, clientIp(c, s));
      setCookie(c, SESSION_COOKIE, result.token, { ...s.auth.cookieOptions, expires: result.expiresAt });
      return c.json(result.me, 200);
    });
    api.openapi(logout, async (c) => {
      await s.auth.logout(getCookie(c, SESSION_COOKIE));
      deleteCookie(c, SESSION_COOKIE, s.auth.cookieOptions);
      return c.json({ ok: true as const }, 200);
    });
    api.openapi(changePassword, async (c) => {
      await s.auth.changePassword(c.get('actor'), getCookie(c, SESSION_COOKIE), c.req.valid('json'), clientIp(c, s));
      return c.json({ ok: true as const }, 200);
    });
    api.openapi(issueResetCode, async (c) =>
      c.json(await s.auth.issueResetCode(c.get('actor'), c.req.valid('param').id), 200),
    );
    api.openapi(redeemResetCode, async (c) => {
      await s.auth.redeemResetCode(c.req.valid('json'), clientIp(c, s));
      return c.json({ ok: true as const }, 200);
    });
    api.openapi(me, async (c) => c.json(await s.auth.me(c.get('actor')), 200));
    api.openapi(updateMe, async (c) => c.json(await s.auth.updateMe(c.get('actor'), c.req.valid('json')), 200));
  };
}
