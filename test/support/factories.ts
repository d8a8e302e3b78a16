// Factories: each test file builds its own organisation. They write rows directly (fast, no policy),
// so tests set up state; the behaviour under test always goes through services or HTTP.
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../src/platform/db/client.js';
import type { SocialPosition } from '../../src/contracts/person.js';
import type { BodyKind, StatutePreset, StatuteRules } from '../../src/contracts/statute.js';
import { PRESETS } from '../../src/modules/statute/rules/presets.js';
import { childPath, pathDepth } from '../../src/modules/organisation/rules/path.js';

let seq = 0;
const next = () => ++seq;

export async function makeOrganisation(
  db: Database,
  opts: { name?: string; preset?: StatutePreset; rules?: Partial<StatuteRules>; effectiveFrom?: string } = {},
) {
  const id = uuidv7();
  const preset = opts.preset ?? 'party-1934';
  await db
    .insertInto('organisation')
    .values({ id, name: opts.name ?? `Organisation ${next()}`, name_ru: null })
    .execute();
  const rules = { ...PRESETS[preset], ...opts.rules };
  await db
    .insertInto('statute_version')
    .values({
      id: uuidv7(),
      organisation_id: id,
      version: 1,
      preset,
      effective_from: opts.effectiveFrom ?? '1934-02-10',
      adopted_by: 'Founding congress',
      rules: JSON.stringify(rules),
    })
    .execute();
  return { id, rules };
}

export interface MadeBody {
  id: string;
  path: string;
  kind: BodyKind;
  name: string;
  organisationId: string;
}

export async function makeBody(
  db: Database,
  org: { id: string },
  kind: BodyKind,
  parent: MadeBody | null,
  opts: { name?: string; enterpriseId?: string } = {},
): Promise<MadeBody> {
  const id = uuidv7();
  const path = childPath(parent?.path ?? null, id);
  const name = opts.name ?? `${kind} ${next()}`;
  let primaryId: string | null = null;
  if (kind === 'primary_organisation') primaryId = id;
  else if ((kind === 'shop_cell' || kind === 'party_group') && parent) {
    const p = await db.selectFrom('body').select('primary_id').where('id', '=', parent.id).executeTakeFirstOrThrow();
    primaryId = p.primary_id;
  }
  const region = parent ? await regionOf(db, parent) : null;
  await db
    .insertInto('body')
    .values({
      id,
      organisation_id: org.id,
      parent_id: parent?.id ?? null,
      path,
      depth: pathDepth(path),
      kind,
      name,
      name_ru: null,
      enterprise_id: opts.enterpriseId ?? null,
      primary_id: primaryId,
      region_id: region,
    })
    .execute();
  return { id, path, kind, name, organisationId: org.id };
}

async function regionOf(db: Database, parent: MadeBody): Promise<string | null> {
  const row = await db
    .selectFrom('body')
    .select(['region_id', 'kind', 'parent_id'])
    .where('id', '=', parent.id)
    .executeTakeFirstOrThrow();
  if (row.region_id) return row.region_id;
  return row.parent_id ? parent.id : null;
}

export async function makeEnterprise(db: Database, org: { id: string }, workforce: number, name?: string) {
  const id = uuidv7();
  await db
    .insertInto('enterprise')
    .values({ id, organisation_id: org.id, name: name ?? `Works ${next()}`, name_ru: null, workforce })
    .execute();
  return { id, workforce };
}

export async function makePerson(
  db: Database,
  org: { id: string },
  body: { id: string } | null,
  opts: {
    status?: 'member' | 'candidate' | 'sympathiser' | 'non_member';
    familyName?: string;
    givenName?: string;
    socialPosition?: SocialPosition;
    cardNumber?: string | null;
    joinedOn?: string;
  } = {},
) {
  const id = uuidv7();
  const n = next();
  const status = opts.status ?? 'member';
  await db
    .insertInto('person')
    .values({
      id,
      organisation_id: org.id,
      family_name: opts.familyName ?? `Ivanov${n}`,
      given_name: opts.givenName ?? 'Ivan',
      patronymic: null,
      name_ru: null,
      sex: 'm',
      birth_year: 1900,
      social_position: opts.socialPosition ?? 'worker',
      status,
      body_id: body?.id ?? null,
      enterprise_id: null,
      joined_on: opts.joinedOn ?? (status === 'non_member' ? null : '1930-01-01'),
      candidate_since: status === 'candidate' ? '1933-01-01' : null,
      card_number:
        opts.cardNumber === undefined
          ? status === 'member'
            ? `T-${String(n).padStart(7, '0')}`
            : null
          : opts.cardNumber,
    })
    .execute();
  return { id };
}

export async function makeMembers(db: Database, org: { id: string }, body: { id: string }, count: number) {
  const out: { id: string }[] = [];
  for (let i = 0; i < count; i++) out.push(await makePerson(db, org, body));
  return out;
}

export async function makeOffice(
  db: Database,
  body: { id: string },
  person: { id: string },
  title: string,
  opts: { startsOn?: string; endsOn?: string | null } = {},
) {
  const id = uuidv7();
  await db
    .insertInto('office')
    .values({
      id,
      body_id: body.id,
      person_id: person.id,
      title,
      starts_on: opts.startsOn ?? '1930-01-01',
      ends_on: opts.endsOn ?? null,
    })
    .execute();
  return { id };
}
