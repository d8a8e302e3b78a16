// Generates the persons and offices of a plan, in batches (pure; deterministic from the plan's seed).
import { idFactory, mulberry32, type Rng } from './prng.js';
import { randomName } from './names.js';
import type { OrganisationPlan, PersonBatch, PlanOffice, PlanPerson } from './plan-types.js';

type Position = readonly (readonly [string, number])[];
const INDUSTRIAL: Position = [
  ['worker', 78],
  ['employee', 11],
  ['peasant', 5],
  ['intelligentsia', 4],
  ['student', 2],
];
const LEARNED: Position = [
  ['intelligentsia', 45],
  ['employee', 33],
  ['worker', 10],
  ['student', 12],
];
const OFFICE: Position = [
  ['employee', 66],
  ['worker', 19],
  ['intelligentsia', 10],
  ['peasant', 5],
];

function positionsFor(industry: string): Position {
  if (industry === 'education' || industry === 'science' || industry === 'health') return LEARNED;
  if (industry === 'trade' || industry === 'administration') return OFFICE;
  return INDUSTRIAL;
}

const JOIN_YEARS: readonly (readonly [number, number])[] = [
  [1905, 1],
  [1910, 1],
  [1914, 1],
  [1917, 4],
  [1918, 4],
  [1919, 5],
  [1920, 6],
  [1921, 3],
  [1922, 1],
  [1924, 9],
  [1925, 8],
  [1926, 6],
  [1927, 7],
  [1928, 8],
  [1929, 10],
  [1930, 12],
  [1931, 13],
  [1932, 11],
];

function date(rng: Rng, year: number): string {
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function pickCell(rng: Rng, cells: { body: number; weight: number }[], total: number): number {
  let r = rng.next() * total;
  for (const c of cells) {
    r -= c.weight;
    if (r < 0) return c.body;
  }
  return cells[cells.length - 1]!.body;
}

/** Total number of persons a plan generates. */
export function personCount(plan: OrganisationPlan): number {
  let n = 0;
  for (const g of plan.groups) n += g.size;
  return n;
}

/** Persons and offices in batches of about `batchSize` persons, in a fixed order. */
export function* personBatches(plan: OrganisationPlan, batchSize = 5000): Generator<PersonBatch> {
  const rng = mulberry32(plan.seed * 7919 + 17);
  const nextId = idFactory(plan.seed + 1);
  let card = 1_000_000 + (plan.seed % 1000) * 10;
  let batch: PersonBatch = { persons: [], offices: [], logins: {} };
  for (const g of plan.groups) {
    const officersByOrdinal = new Map<number, typeof g.officers>();
    for (const o of g.officers) {
      const list = officersByOrdinal.get(o.ordinal) ?? [];
      list.push(o);
      officersByOrdinal.set(o.ordinal, list);
    }
    const cellTotal = g.cells.reduce((s, c) => s + c.weight, 0);
    const positions = positionsFor(g.industry);
    const femaleShare = positions === INDUSTRIAL ? 0.16 : 0.34;
    for (let ordinal = 0; ordinal < g.size; ordinal++) {
      const offices = officersByOrdinal.get(ordinal);
      const candidate = !offices && rng.chance(plan.candidateShare);
      const name = randomName(rng, rng.chance(femaleShare) ? 'f' : 'm');
      const birthYear = 1870 + Math.floor(45 * Math.sqrt(rng.next()));
      let joinYear = candidate ? rng.int(1932, 1933) : rng.weighted(JOIN_YEARS);
      if (joinYear < birthYear + 17) joinYear = Math.min(1933, birthYear + 17 + rng.int(0, 4));
      const fixedJoin = offices?.find((o) => o.joinedOn)?.joinedOn;
      const joinedOn = fixedJoin ?? date(rng, joinYear);
      if (!candidate) card += 1 + Math.floor(rng.next() * 3);
      const person: PlanPerson = {
        id: nextId(),
        ...name,
        birthYear: fixedJoin ? Math.min(birthYear, Number(fixedJoin.slice(0, 4)) - 20) : birthYear,
        socialPosition: rng.weighted(positions),
        status: candidate ? 'candidate' : 'member',
        body: ordinal < g.direct || g.cells.length === 0 ? g.home : pickCell(rng, g.cells, cellTotal),
        enterprise: g.enterprise,
        joinedOn,
        candidateSince: candidate ? joinedOn : null,
        cardNumber: candidate ? null : String(card),
      };
      batch.persons.push(person);
      for (const o of offices ?? []) {
        if (o.login) batch.logins[o.login] = person.id;
        if (o.body === null) continue;
        const office: PlanOffice = {
          id: nextId(),
          body: o.body,
          personId: person.id,
          title: o.title,
          startsOn: plan.officesFrom,
        };
        batch.offices.push(office);
      }
      if (batch.persons.length >= batchSize) {
        yield batch;
        batch = { persons: [], offices: [], logins: {} };
      }
    }
  }
  if (plan.outsiders?.length) {
    const outsiderId = idFactory(plan.seed + 3);
    batch.outsiders = plan.outsiders.map((o) => ({ ...o, id: outsiderId() }));
    for (const o of batch.outsiders) batch.logins[o.login] = o.id;
  }
  if (batch.persons.length > 0 || batch.outsiders?.length) yield batch;
}
