// Requests of the organisation pages, with their cache keys.
import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { client, ok } from '../../app/api.js';

export const keys = {
  roots: ['bodies', 'roots'] as const,
  children: (id: string) => ['bodies', id, 'children'] as const,
  body: (id: string) => ['bodies', id] as const,
  search: (q: string, offset: number) => ['bodies', 'search', q, offset] as const,
  members: (id: string, q: string, offset: number) => ['bodies', id, 'members', q, offset] as const,
};

export const fetchRoots = (signal?: AbortSignal) => ok(client.GET('/api/bodies/roots', { signal }));
export const fetchChildren = (id: string, signal?: AbortSignal) =>
  ok(client.GET('/api/bodies/{id}/children', { params: { path: { id } }, signal }));
export const fetchBody = (id: string, signal?: AbortSignal) =>
  ok(client.GET('/api/bodies/{id}', { params: { path: { id } }, signal }));

export function useBody(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.body(id),
    queryFn: ({ signal }) => fetchBody(id, signal),
    enabled: enabled && !!id,
  });
}

export function useChildren(id: string, enabled = true) {
  return useQuery({ queryKey: keys.children(id), queryFn: ({ signal }) => fetchChildren(id, signal), enabled });
}

export const SEARCH_LIMIT = 20;

export function useBodySearch(q: string, offset = 0) {
  return useQuery({
    queryKey: keys.search(q, offset),
    queryFn: ({ signal }) =>
      ok(client.GET('/api/bodies', { params: { query: { q, limit: SEARCH_LIMIT, offset } }, signal })),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export const MEMBERS_LIMIT = 25;

export function useMembers(id: string, q: string, offset: number) {
  return useQuery({
    queryKey: keys.members(id, q, offset),
    queryFn: ({ signal }) =>
      ok(
        client.GET('/api/bodies/{id}/members', {
          params: { path: { id }, query: { q, limit: MEMBERS_LIMIT, offset } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
