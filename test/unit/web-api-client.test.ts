// The web app's typed client (src/web/app/api.ts, ADR 0022) keeps what the hand-written api<T>() did: the CSRF
// header on writes only, the session's cookies, the server's error body as an ApiError, a failed fetch as
// ApiError(0, 'network_error'), an abort left an abort, 204 as undefined, empty query values left out.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, client, ok, setCsrfToken, urlOf } from '../../src/web/app/api.js';

const base = { baseUrl: 'http://antaeus.test' };
let seen: Request[] = [];
let answer: () => Promise<Response>;

beforeEach(() => {
  seen = [];
  vi.stubGlobal('fetch', async (req: Request) => {
    seen.push(req);
    return answer();
  });
  setCsrfToken('tok-1');
});
afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const json = (status: number, body: unknown) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

describe('the typed API client', () => {
  it('sends the CSRF header on writes, not on reads, with the session’s cookies and JSON', async () => {
    answer = () => json(200, { ok: true });
    await ok(client.POST('/api/auth/password', { ...base, body: { currentPassword: 'a', newPassword: 'b' } }));
    await ok(client.GET('/api/statute', base));
    const [write, read] = seen;
    expect(write!.method).toBe('POST');
    expect(write!.headers.get('x-csrf-token')).toBe('tok-1');
    expect(write!.headers.get('content-type')).toBe('application/json');
    expect(await write!.json()).toEqual({ currentPassword: 'a', newPassword: 'b' });
    expect(write!.credentials).toBe('same-origin');
    expect(read!.headers.get('x-csrf-token')).toBeNull();
    expect(read!.headers.get('accept')).toBe('application/json');
  });

  it('fills in path parameters (encoded) and leaves out empty query values', async () => {
    answer = () => json(200, { items: [] });
    await ok(
      client.GET('/api/bodies/{id}/members', {
        ...base,
        params: { path: { id: 'a/b' }, query: { q: '', limit: 25, offset: 0 } },
      }),
    );
    expect(seen[0]!.url).toBe('http://antaeus.test/api/bodies/a%2Fb/members?limit=25&offset=0');
    expect(urlOf('/api/meetings/{id}/calendar.ics', { id: 'x y' })).toBe('/api/meetings/x%20y/calendar.ics');
    expect(urlOf('/api/dues/arrears', {}, { bodyId: 'b', q: '', limit: 5 })).toBe('/api/dues/arrears?bodyId=b&limit=5');
  });

  it('turns the server’s error body into an ApiError with code, message and details', async () => {
    answer = () => json(409, { error: { code: 'stale_revision', message: 'Changed meanwhile.', details: { at: 3 } } });
    const err = await ok(client.GET('/api/statute', base)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      status: 409,
      code: 'stale_revision',
      message: 'Changed meanwhile.',
      details: { at: 3 },
    });
  });

  it('names an error without a body by its status', async () => {
    answer = () => Promise.resolve(new Response('Bad gateway', { status: 502 }));
    await expect(ok(client.GET('/api/statute', base))).rejects.toMatchObject({ status: 502, code: 'http_502' });
  });

  it('reports a request that never reached the server as network_error, and leaves an abort an abort', async () => {
    answer = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(ok(client.GET('/api/statute', base))).rejects.toMatchObject({ status: 0, code: 'network_error' });
    answer = () => Promise.reject(new DOMException('The operation was aborted.', 'AbortError'));
    const err = await ok(client.GET('/api/statute', base)).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(ApiError);
    expect((err as DOMException).name).toBe('AbortError');
  });

  it('answers 204 No Content with undefined', async () => {
    answer = () => Promise.resolve(new Response(null, { status: 204 }));
    await expect(ok(client.POST('/api/auth/logout', base))).resolves.toBeUndefined();
  });

  it('passes the AbortSignal to the request', async () => {
    answer = () => json(200, {});
    const ctl = new AbortController();
    await ok(client.GET('/api/statute', { ...base, signal: ctl.signal }));
    ctl.abort();
    expect(seen[0]!.signal.aborted).toBe(true);
  });
});
