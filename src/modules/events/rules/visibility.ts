// Which outbox events a reader's live stream may carry (issue 11, point 3). Pure: no IO.
// The stream carries only changes of the organisation tree, which every member of the organisation sees on its
// pages anyway: bodies, offices (their holders are shown on the body page), enterprises and the statute. Events
// about people — admission, dues, discipline, reviews, transfers, resignations, imports, meetings — are never
// streamed here: a page that needs them live has its own scope-checked stream (a meeting's).

/** Topic prefixes of the organisation tree. */
export const TREE_TOPICS = ['body.', 'office.', 'enterprise.', 'statute.', 'organisation.created'] as const;

export function isTreeTopic(topic: string): boolean {
  return TREE_TOPICS.some((p) => topic === p || (p.endsWith('.') && topic.startsWith(p)));
}

/** An event of the reader's own organisation about its tree. */
export function mayReceive(actor: { organisationId: string }, topic: string, payload: unknown): boolean {
  if (!isTreeTopic(topic)) return false;
  const org = payload && typeof payload === 'object' ? (payload as { organisationId?: unknown }).organisationId : null;
  return typeof org === 'string' && org === actor.organisationId;
}

/**
 * The ids a tree event may carry to every member: not who founded a body (`foundingMemberIds`) nor any other list of
 * people; an office's holder (`personId`) stays, as the body page shows it to all.
 */
export function publicIds(topic: string, ids: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(ids)) {
    if (/member|person/i.test(k) && !(topic.startsWith('office.') && k === 'personId')) continue;
    out[k] = v;
  }
  return out;
}
