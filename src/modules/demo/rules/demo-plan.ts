// The demo organisation: the VKP(b) with its Leningrad city organisation of 1,814 primary
// organisations in the size distribution the seeds give (1,254 / 258 / 285 / 17), the Red
// Putilovite works among the 17 giants, saturation ≈ 14% there and ≈ 5% in the city.
import type { BodyKind } from '../../../contracts/statute.js';
import { idFactory, mulberry32, type Rng } from './prng.js';
import { DISTRICTS, GENERIC_SHOPS, GREAT_WORKS, PUTILOV_SHOPS, randomWorkplace } from './places.js';
import { assertPlanConsistent } from './check.js';
import { BANDS } from '../../stats/rules/bands.js';
import type { OrganisationPlan, PersonGroup, PlanBody, PlanEnterprise, PlanOfficer } from './plan-types.js';

export const DEMO_SEED = 1934;
export const DEMO_PASSWORD = 'red-putilovite';

export const DEMO_ORGANISATION = {
  name: 'All-Union Communist Party (Bolsheviks)',
  nameRu: 'ВКП(б)',
  preset: 'party-1934' as const,
  effectiveFrom: '1934-02-10',
  adoptedBy: 'XVII Congress of the VKP(b), February 1934',
  rootName: 'Central Committee',
  rootNameRu: 'Центральный комитет',
};

/** The demo's accounts, all with the password DEMO_PASSWORD. */
export const DEMO_ACCOUNTS = [
  { login: 'cc.secretary', role: 'Secretary of the Central Committee' },
  { login: 'city.secretary', role: 'Secretary of the Leningrad city committee (issues the city’s directives)' },
  { login: 'district.secretary', role: 'Secretary of the Kirovsky (Narvsky) district committee' },
  { login: 'putilov.secretary', role: 'Secretary of the Red Putilovite primary organisation' },
  { login: 'member', role: 'Rank-and-file member of a primary organisation in the Vyborgsky district' },
  { login: 'applicant', role: 'Non-party worker at the Red Putilovite works (may apply for admission)' },
  { login: 'veteran.1', role: 'Member of the Red Putilovite organisation since 1917 (may recommend)' },
  { login: 'veteran.2', role: 'Member of the Red Putilovite organisation since 1918 (may recommend)' },
  { login: 'veteran.3', role: 'Member of the Red Putilovite organisation since 1920 (may recommend)' },
  { login: 'putilov.member', role: 'Rank-and-file member of the Red Putilovite organisation' },
  { login: 'control.chair', role: 'Chair of the Party Control Commission (decides appeals at the last instance)' },
  { login: 'kirovsky.po2.secretary', role: 'Secretary of another primary organisation of the Kirovsky district' },
  { login: 'kirovsky.po3.secretary', role: 'Secretary of a third primary organisation of the Kirovsky district' },
] as const;

/**
 * How many of the seeds' primary organisations (1,814 in the city) fall in each size band of the statistics (BANDS),
 * and how their sizes skew towards the lower end of the band. The over-1000 band holds the GREAT_WORKS, none larger
 * than GIANT_MAX but the Red Putilovite works.
 */
const SEED_BANDS: Readonly<Record<string, { count: number; skew: number }>> = {
  '3-49': { count: 1254, skew: 1.6 },
  '50-100': { count: 258, skew: 1.3 },
  '101-1000': { count: 285, skew: 4.5 },
  'over-1000': { count: 17, skew: 2.2 },
};
const GIANT_MAX = 3200;

/** The size bands of the seeds (1,814 organisations in the city). */
export const DEMO_BANDS = BANDS.map((b) => ({ ...b, ...SEED_BANDS[b.band]! }));

export const PUTILOV_SATURATION = 0.14;
export const CITY_SATURATION = 0.05;

export interface DemoPrimary {
  body: number;
  size: number;
  district: string;
  enterprise: number;
}

export interface DemoPlan extends OrganisationPlan {
  primaries: DemoPrimary[];
  /** Index in `primaries` of the Red Putilovite organisation. */
  putilov: number;
  city: number;
  districts: Record<string, number>;
}

function sizeIn(rng: Rng, min: number, max: number, skew: number): number {
  return min + Math.floor((max - min + 1) * Math.pow(rng.next(), skew));
}

/**
 * The share of each band's organisations a small demo keeps (tests only: ADR 0018): the 17 great works stay whole,
 * and enough of the others that every district committee finds its officers among them and the Vyborgsky district
 * its rank-and-file member (135 organisations, 42,540 members with the demo's seed).
 */
const SMALL_SHARES: Readonly<Record<string, number>> = { '3-49': 0.05, '50-100': 0.1, '101-1000': 0.1 };

/**
 * The demo plan. `small` (tests only) keeps SMALL_SHARES of the organisations, so that a test of the first start
 * builds a smaller organisation of the same shape: every body kind, every demo account, the Red Putilovite works
 * and its meetings.
 */
export function planDemo(seed: number = DEMO_SEED, opts: { small?: boolean } = {}): DemoPlan {
  const rng = mulberry32(seed);
  const nextId = idFactory(seed);
  const bodies: PlanBody[] = [];
  const enterprises: PlanEnterprise[] = [];
  const groups: PersonGroup[] = [];

  const add = (b: Omit<PlanBody, 'id'>): number => {
    bodies.push({ id: nextId(), ...b });
    return bodies.length - 1;
  };
  const organ = (parent: number, kind: BodyKind, en: string, ru: string, region: number | null) =>
    add({ parent, kind, name: en, nameRu: ru, enterprise: null, primary: null, region });

  // The centre.
  const cc = add({
    parent: null,
    kind: 'central_committee',
    name: DEMO_ORGANISATION.rootName,
    nameRu: DEMO_ORGANISATION.rootNameRu,
    enterprise: null,
    primary: null,
    region: null,
  });
  const politburo = organ(cc, 'politburo', 'Politburo', 'Политбюро', null);
  const orgburo = organ(cc, 'orgburo', 'Orgburo', 'Оргбюро', null);
  const secretariat = organ(cc, 'secretariat', 'Secretariat', 'Секретариат', null);
  const ccc = organ(cc, 'control_commission', 'Party Control Commission', 'Комиссия партийного контроля', null);
  // Leningrad: regional and city committees.
  const region = add({
    parent: cc,
    kind: 'regional_committee',
    name: 'Leningrad regional committee',
    nameRu: 'Ленинградский обком',
    enterprise: null,
    primary: null,
    region: null,
  });
  bodies[region]!.region = region;
  const regionBureau = organ(
    region,
    'bureau',
    'Bureau of the Leningrad regional committee',
    'Бюро Ленинградского обкома',
    region,
  );
  const city = add({
    parent: region,
    kind: 'city_committee',
    name: 'Leningrad city committee',
    nameRu: 'Ленинградский горком',
    enterprise: null,
    primary: null,
    region,
  });
  const cityBureau = organ(
    city,
    'bureau',
    'Bureau of the Leningrad city committee',
    'Бюро Ленинградского горкома',
    region,
  );
  const districts: Record<string, number> = {};
  const districtBureaus: Record<string, number> = {};
  for (const d of DISTRICTS) {
    const ru = d.ru.replace(/ район$/, ' райком');
    districts[d.key] = add({
      parent: city,
      kind: 'district_committee',
      name: `${d.en} committee`,
      nameRu: ru,
      enterprise: null,
      primary: null,
      region,
    });
    districtBureaus[d.key] = organ(
      districts[d.key]!,
      'bureau',
      `Bureau of the ${d.en} committee`,
      `Бюро: ${ru}`,
      region,
    );
  }

  // Sizes in the seeds' bands, the largest band first; the giants first, the Red Putilovite works the very first.
  const sizes: { size: number; giant: number | null }[] = [];
  for (const b of [...DEMO_BANDS].reverse()) {
    if (b.max !== null) {
      const count = opts.small ? Math.ceil(b.count * SMALL_SHARES[b.band]!) : b.count;
      for (let i = 0; i < count; i++) sizes.push({ size: sizeIn(rng, b.min, b.max, b.skew), giant: null });
      continue;
    }
    sizes.push({ size: 4400 + rng.int(0, 300), giant: 0 });
    for (let g = 1; g < GREAT_WORKS.length; g++) sizes.push({ size: sizeIn(rng, b.min, GIANT_MAX, b.skew), giant: g });
  }

  const districtWeights = DISTRICTS.map((d) => [d.key, d.weight] as const);
  const usedNames = new Map<string, number>();
  const primaries: DemoPrimary[] = [];
  const rawSat: number[] = [];
  let serial = 0;
  for (const { size, giant } of sizes) {
    const works = giant === null ? null : GREAT_WORKS[giant]!;
    const district = works ? works.district : rng.weighted(districtWeights);
    let place = works ?? randomWorkplace(rng, 1 + (serial++ % 400));
    const seen = usedNames.get(place.en) ?? 0;
    usedNames.set(place.en, seen + 1);
    if (seen > 0) place = { ...place, en: `${place.en} No. ${seen + 1}`, ru: `${place.ru} № ${seen + 1}` };
    enterprises.push({ id: nextId(), name: place.en, nameRu: place.ru, industry: place.industry, workforce: 0 });
    const ent = enterprises.length - 1;
    rawSat.push(
      giant === 0
        ? PUTILOV_SATURATION
        : giant !== null
          ? 0.06 + rng.next() * 0.06
          : 0.02 + Math.pow(rng.next(), 1.5) * 0.1,
    );
    const po = add({
      parent: districts[district]!,
      kind: 'primary_organisation',
      name: `Primary organisation of the ${place.en}`,
      nameRu: `Первичная парторганизация: ${place.ru}`,
      enterprise: ent,
      primary: null,
      region,
    });
    bodies[po]!.primary = po;
    primaries.push({ body: po, size, district, enterprise: ent });

    const officers: PlanOfficer[] = [
      { ordinal: 0, body: po, title: 'secretary', ...(giant === 0 ? { login: 'putilov.secretary' } : {}) },
    ];
    if (size >= 50) {
      const bureau = add({
        parent: po,
        kind: 'bureau',
        name: `Bureau: ${place.en}`,
        nameRu: `Партбюро: ${place.ru}`,
        enterprise: null,
        primary: po,
        region,
      });
      const k = size >= 1000 ? 9 : size >= 101 ? 7 : 5;
      for (let i = 0; i < k; i++)
        officers.push({ ordinal: i, body: bureau, title: i === 0 ? 'secretary' : 'bureau_member' });
    }
    const cells: { body: number; weight: number }[] = [];
    if (size > 100) {
      const shops = giant === 0 ? PUTILOV_SHOPS : GENERIC_SHOPS;
      const n =
        giant === 0
          ? PUTILOV_SHOPS.length
          : giant !== null
            ? rng.int(8, 12)
            : Math.min(8, Math.max(2, Math.floor(size / 70)));
      for (let i = 0; i < n; i++) {
        const shop = shops[i % shops.length]!;
        const suffix = i >= shops.length ? ` ${Math.floor(i / shops.length) + 1}` : '';
        const cell = add({
          parent: po,
          kind: 'shop_cell',
          name: `${shop.en}${suffix} — shop cell, ${place.en}`,
          nameRu: `${shop.ru}${suffix} — цеховая ячейка, ${place.ru}`,
          enterprise: null,
          primary: po,
          region,
        });
        cells.push({ body: cell, weight: 0.5 + rng.next() });
        officers.push({ ordinal: 30 + i, body: cell, title: 'secretary' });
      }
      if (place.industry !== 'education' && place.industry !== 'health' && place.industry !== 'science') {
        const mgmt = add({
          parent: po,
          kind: 'management',
          name: `Management of the ${place.en}`,
          nameRu: `Дирекция: ${place.ru}`,
          enterprise: ent,
          primary: null,
          region,
        });
        const union = add({
          parent: po,
          kind: 'union_committee',
          name: `Factory committee of the ${place.en}`,
          nameRu: `Фабзавком: ${place.ru}`,
          enterprise: ent,
          primary: null,
          region,
        });
        officers.push(
          { ordinal: 10, body: mgmt, title: 'director' },
          { ordinal: 11, body: union, title: 'union_chair' },
        );
      }
    }
    groups.push({
      home: po,
      size,
      direct: cells.length ? 25 : size,
      cells,
      enterprise: ent,
      industry: place.industry,
      officers,
    });
  }

  // Workforce: Red Putilovite at 14%; the others scaled so the city as a whole is at 5%.
  const total = primaries.reduce((s, p) => s + p.size, 0);
  const putilovWf = Math.round(primaries[0]!.size / PUTILOV_SATURATION);
  const rawOthers = primaries.slice(1).reduce((s, p, i) => s + p.size / rawSat[i + 1]!, 0);
  const factor = (total / CITY_SATURATION - putilovWf) / rawOthers;
  primaries.forEach((p, i) => {
    enterprises[p.enterprise]!.workforce =
      i === 0 ? putilovWf : Math.max(p.size + 5, Math.round((p.size / rawSat[i]!) * factor));
  });

  // Committee officers drawn from the members of the largest organisations of their territory.
  const officerSlot = new Map<number, number>(); // group index → next free ordinal for committee offices
  // Every person is registered in a primary organisation (the statute's rule), so the central
  // committee's officers are drawn from the giants too.
  const groupOfPrimary = (pi: number) => pi;
  const assign = (pi: number, body: number, title: string, login?: string) => {
    const gi = groupOfPrimary(pi);
    const ord = officerSlot.get(gi) ?? 12;
    officerSlot.set(gi, ord + 1);
    groups[gi]!.officers.push({ ordinal: ord, body, title, ...(login ? { login } : {}) });
  };
  const byDistrict = new Map<string, number[]>();
  primaries.forEach((p, i) => byDistrict.set(p.district, [...(byDistrict.get(p.district) ?? []), i]));
  for (const d of DISTRICTS) {
    const pis = (byDistrict.get(d.key) ?? [])
      .filter((i) => i !== 0)
      .sort((a, b) => primaries[b]!.size - primaries[a]!.size)
      .slice(0, 3);
    assign(pis[0]!, districts[d.key]!, 'secretary', d.key === 'kirovsky' ? 'district.secretary' : undefined);
    assign(pis[1 % pis.length]!, districts[d.key]!, 'second_secretary');
    for (let i = 0; i < 5; i++)
      assign(pis[i % pis.length]!, districtBureaus[d.key]!, i === 0 ? 'secretary' : 'bureau_member');
  }
  const giants = [1, 2, 3, 4, 5, 6];
  assign(7, cc, 'general_secretary');
  assign(8, cc, 'secretary', 'cc.secretary');
  assign(9, cc, 'secretary');
  assign(10, cc, 'secretary');
  const ccMembers = [7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
  ccMembers.slice(0, 4).forEach((g) => assign(g, secretariat, 'secretary'));
  ccMembers.forEach((g) => assign(g, politburo, 'member'));
  ccMembers.slice(2, 10).forEach((g) => assign(g, orgburo, 'member'));
  assign(11, ccc, 'chair', 'control.chair');
  [12, 13, 14].forEach((g) => assign(g, ccc, 'member'));
  assign(giants[0]!, city, 'secretary', 'city.secretary');
  assign(giants[1]!, city, 'second_secretary');
  assign(giants[2]!, region, 'secretary');
  assign(giants[3]!, region, 'second_secretary');
  for (let i = 0; i < 7; i++) assign(giants[i % giants.length]!, cityBureau, i === 0 ? 'secretary' : 'bureau_member');
  for (let i = 0; i < 7; i++)
    assign(giants[(i + 3) % giants.length]!, regionBureau, i === 0 ? 'secretary' : 'bureau_member');

  // Two more secretaries of primary organisations in the Kirovsky district (with the Red Putilovite works', three
  // organisations of one district report on the city's directives): the largest after the works.
  (byDistrict.get('kirovsky') ?? [])
    .filter((i) => i !== 0)
    .sort((a, b) => primaries[b]!.size - primaries[a]!.size || a - b)
    .slice(0, 2)
    .forEach((pi, k) => {
      const secretary = groups[groupOfPrimary(pi)]!.officers.find(
        (o) => o.body === primaries[pi]!.body && o.title === 'secretary',
      );
      secretary!.login = `kirovsky.po${k + 2}.secretary`;
    });
  // The rank-and-file member: a full member of a small organisation in the Vyborgsky district, holding no office.
  const rankAndFile = (byDistrict.get('vyborgsky') ?? []).find(
    (i) => primaries[i]!.size >= 10 && primaries[i]!.size < 50,
  )!;
  groups[groupOfPrimary(rankAndFile)]!.officers.push({ ordinal: 5, body: null, title: '', login: 'member' });
  // At the Red Putilovite works: three veterans (enough standing to recommend anyone), a rank-and-file member,
  // and a non-party worker registered nowhere who may apply. They are among its planned members (the applicant
  // is not a member), so the size bands do not change.
  const putilovGroup = groups[groupOfPrimary(0)]!;
  ['1917-03-12', '1918-04-15', '1920-05-20'].forEach((joinedOn, i) =>
    putilovGroup.officers.push({ ordinal: 100 + i, body: null, title: '', login: `veteran.${i + 1}`, joinedOn }),
  );
  putilovGroup.officers.push({ ordinal: 103, body: null, title: '', login: 'putilov.member' });
  const outsiders = [
    {
      login: 'applicant',
      familyName: 'Smirnov',
      givenName: 'Alexei',
      patronymic: 'Petrovich',
      nameRu: 'Смирнов Алексей Петрович',
      sex: 'm' as const,
      birthYear: 1910,
      socialPosition: 'worker',
      enterprise: primaries[0]!.enterprise,
    },
  ];

  const plan: DemoPlan = {
    seed,
    organisation: {
      name: DEMO_ORGANISATION.name,
      nameRu: DEMO_ORGANISATION.nameRu,
      preset: DEMO_ORGANISATION.preset,
      effectiveFrom: DEMO_ORGANISATION.effectiveFrom,
      adoptedBy: DEMO_ORGANISATION.adoptedBy,
    },
    bodies,
    enterprises,
    groups,
    candidateShare: 0.19,
    officesFrom: '1934-02-10',
    outsiders,
    primaries,
    putilov: 0,
    city,
    districts,
  };
  assertPlanConsistent(plan);
  return plan;
}
