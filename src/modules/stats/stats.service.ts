// Statistics use cases: size bands of a subtree, a body's composition and saturation.
import type { Database } from '../../platform/db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { BodyStats, SizeBands, StatsBody } from '../../contracts/stats.js';
import type { StatuteService } from '../statute/statute.service.js';
import type { OrganisationService } from '../organisation/organisation.service.js';
import { bandSizes, saturationRatio } from './rules/bands.js';
import { assertCanViewStats } from './stats.policy.js';
import { StatsErrors } from './stats.errors.js';
import * as repo from './stats.repository.js';

interface ResolvedBody extends StatsBody {
  organisationId: string;
}

/** Figures of subtrees kept in the process, each under the outbox mark read before it was computed (ADR 0019). */
const CACHE_SIZE = 256;

export class StatsService {
  private readonly cache = new Map<string, { mark: string; value: unknown }>();

  constructor(
    private readonly db: Database,
    private readonly statute: StatuteService,
    private readonly organisation: OrganisationService,
  ) {}

  /**
   * Size bands of the primary organisations in a body's subtree (default: the whole organisation).
   * `body` is an id, an ltree path or an exact name. `actor` null: the local operator (CLI).
   */
  async sizeBands(actor: Actor | null, body?: string): Promise<SizeBands> {
    const root = await this.resolve(actor, body);
    assertCanViewStats(actor, root.organisationId);
    const rules = await this.statute.rules(root.organisationId);
    const statuses: repo.CountedStatus[] = rules.candidatesCountTowardsSize ? ['member', 'candidate'] : ['member'];
    const rows = await this.cached(`bands|${root.path}|${statuses.join(',')}`, () =>
      repo.sizeHistogram(this.db, root.path, statuses),
    );
    const banding = bandSizes(rows, rules.primaryMinMembers);
    return { body: publicBody(root), ...banding };
  }

  /** A body's statistics: members, candidates, primary organisations, size bands, composition, saturation. */
  async bodyStats(actor: Actor | null, bodyId: string): Promise<BodyStats> {
    const root = await this.resolve(actor, bodyId);
    assertCanViewStats(actor, root.organisationId);
    const rules = await this.statute.rules(root.organisationId);
    const statuses: repo.CountedStatus[] = rules.candidatesCountTowardsSize ? ['member', 'candidate'] : ['member'];
    const [rows, comp] = await this.cached(`body|${root.path}|${statuses.join(',')}`, () =>
      Promise.all([repo.sizeHistogram(this.db, root.path, statuses), repo.composition(this.db, root.path)]),
    );
    const banding = bandSizes(rows, rules.primaryMinMembers);
    const workforce = rows.reduce((s, r) => s + r.workforce, 0);
    const communists = rows.reduce((s, r) => s + r.communists, 0);
    const ratio = saturationRatio(communists, workforce);
    const bySocial = new Map<string, { socialPosition: string; members: number; candidates: number }>();
    let members = 0;
    let candidates = 0;
    for (const r of comp) {
      const e = bySocial.get(r.social_position) ?? { socialPosition: r.social_position, members: 0, candidates: 0 };
      if (r.status === 'member') {
        e.members += r.n;
        members += r.n;
      } else {
        e.candidates += r.n;
        candidates += r.n;
      }
      bySocial.set(r.social_position, e);
    }
    return {
      body: publicBody(root),
      members,
      candidates,
      primaryOrganisations: banding.total,
      sizeBands: { body: publicBody(root), ...banding },
      bySocialPosition: [...bySocial.values()].sort((a, b) => b.members + b.candidates - (a.members + a.candidates)),
      saturation: ratio === null ? null : { communists, workforce, ratio },
    };
  }

  /** Alias kept for the district page: a district's statistics are a body's statistics. */
  async districtStats(actor: Actor | null, bodyId: string): Promise<BodyStats> {
    return this.bodyStats(actor, bodyId);
  }

  /**
   * The figures under `key`, from the process's cache while the outbox mark is unchanged, else computed (after the
   * mark is read, so a change committed meanwhile only makes the next request compute again).
   */
  private async cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const mark = await repo.outboxMark(this.db);
    const hit = this.cache.get(key);
    if (hit && hit.mark === mark) return hit.value as T;
    const value = await compute();
    this.cache.delete(key);
    this.cache.set(key, { mark, value });
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return value;
  }

  private async resolve(actor: Actor | null, body?: string): Promise<ResolvedBody> {
    const orgId = actor?.organisationId ?? (await repo.firstOrganisationId(this.db));
    if (!orgId) throw StatsErrors.no_organisation();
    let id: string;
    if (body === undefined || body.trim() === '') {
      const root = await repo.rootBodyId(this.db, orgId);
      if (!root) throw StatsErrors.no_organisation();
      id = root;
    } else {
      id = (await this.organisation.resolveBody(orgId, body)).id;
    }
    const ref = await this.organisation.getBodyRef(id);
    if (ref.organisationId !== orgId) throw StatsErrors.body_not_in_organisation({ body });
    return { id: ref.id, name: ref.name, kind: ref.kind, path: ref.path, organisationId: ref.organisationId };
  }
}

function publicBody(b: ResolvedBody): StatsBody {
  return { id: b.id, name: b.name, kind: b.kind, path: b.path };
}
