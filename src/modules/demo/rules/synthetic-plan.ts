// A synthetic organisation for benchmarks (e.g. 1,000,000 members in 50,000 bodies): a central
// committee, regions, cities, districts, primary organisations and shop cells. Pure and seeded.
import { idFactory, mulberry32 } from './prng.js';
import { randomWorkplace } from './places.js';
import { assertPlanConsistent } from './check.js';
import type { OrganisationPlan, PersonGroup, PlanBody, PlanEnterprise } from './plan-types.js';

export interface SyntheticOptions {
  members: number;
  bodies: number;
  seed?: number;
}

export interface SyntheticPlan extends OrganisationPlan {
  districts: number[];
  primaries: number;
  shopCells: number;
}

export function planSynthetic(opts: SyntheticOptions): SyntheticPlan {
  const seed = opts.seed ?? 1;
  const rng = mulberry32(seed);
  const nextId = idFactory(seed);
  const bodies: PlanBody[] = [];
  const enterprises: PlanEnterprise[] = [];
  const groups: PersonGroup[] = [];
  const add = (b: Omit<PlanBody, 'id'>) => bodies.push({ id: nextId(), ...b }) - 1;

  // Committees: about 1% of the bodies, at least one of each level.
  const regionsN = Math.max(1, Math.min(10, Math.round(opts.bodies / 5000)));
  const citiesPer = 4;
  const districtsPer = Math.max(1, Math.round(opts.bodies / 125 / (regionsN * citiesPer)));
  const cc = add({
    parent: null,
    kind: 'central_committee',
    name: 'Central Committee',
    nameRu: 'Центральный комитет',
    enterprise: null,
    primary: null,
    region: null,
  });
  const districts: number[] = [];
  const districtRegion: number[] = [];
  for (let r = 0; r < regionsN; r++) {
    const region = add({
      parent: cc,
      kind: 'regional_committee',
      name: `Region ${r + 1} committee`,
      nameRu: `Обком ${r + 1}`,
      enterprise: null,
      primary: null,
      region: null,
    });
    bodies[region]!.region = region;
    for (let c = 0; c < citiesPer; c++) {
      const city = add({
        parent: region,
        kind: 'city_committee',
        name: `City ${r + 1}.${c + 1} committee`,
        nameRu: `Горком ${r + 1}.${c + 1}`,
        enterprise: null,
        primary: null,
        region,
      });
      for (let d = 0; d < districtsPer; d++) {
        districts.push(
          add({
            parent: city,
            kind: 'district_committee',
            name: `District ${r + 1}.${c + 1}.${d + 1} committee`,
            nameRu: `Райком ${r + 1}.${c + 1}.${d + 1}`,
            enterprise: null,
            primary: null,
            region,
          }),
        );
        districtRegion.push(region);
      }
    }
  }
  const rest = Math.max(2, opts.bodies - bodies.length);
  const primariesN = Math.max(1, Math.round(rest * 0.6));
  let cellsN = rest - primariesN;

  // Sizes: heavy-tailed, at least 3, summing exactly to `members`.
  const raw = Array.from({ length: primariesN }, () => 1 + 60 * Math.pow(rng.next(), 6));
  const rawSum = raw.reduce((s, x) => s + x, 0);
  const sizes = raw.map((x) => Math.max(3, Math.floor((x / rawSum) * opts.members)));
  let diff = opts.members - sizes.reduce((s, x) => s + x, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % primariesN) {
    if (diff > 0) {
      sizes[i]! += 1;
      diff--;
    } else if (sizes[i]! > 3) {
      sizes[i]! -= 1;
      diff++;
    }
  }

  // Shop cells go to the largest organisations, in proportion to their size.
  const order = sizes.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]!);
  const cellCount = new Array<number>(primariesN).fill(0);
  const bigSum = order.reduce((s, i) => s + (sizes[i]! >= 50 ? sizes[i]! : 0), 0) || 1;
  for (const i of order) {
    if (cellsN <= 0 || sizes[i]! < 50) break;
    const n = Math.min(cellsN, Math.max(1, Math.floor((sizes[i]! / bigSum) * (rest - primariesN))));
    cellCount[i] = n;
    cellsN -= n;
  }
  for (let k = 0; cellsN > 0; k = (k + 1) % primariesN) {
    cellCount[order[k]!]! += 1;
    cellsN--;
  }

  const districtOfficer = new Set<number>();
  for (let p = 0; p < primariesN; p++) {
    const di = p % districts.length;
    const place = randomWorkplace(rng, p + 1);
    const size = sizes[p]!;
    enterprises.push({
      id: nextId(),
      name: place.en,
      nameRu: place.ru,
      industry: place.industry,
      workforce: Math.round(size / (0.03 + rng.next() * 0.12)) + 5,
    });
    const ent = enterprises.length - 1;
    const po = add({
      parent: districts[di]!,
      kind: 'primary_organisation',
      name: `Primary organisation ${p + 1}: ${place.en}`,
      nameRu: `Первичная организация ${p + 1}: ${place.ru}`,
      enterprise: ent,
      primary: null,
      region: districtRegion[di]!,
    });
    bodies[po]!.primary = po;
    const cells: { body: number; weight: number }[] = [];
    for (let c = 0; c < cellCount[p]!; c++) {
      cells.push({
        body: add({
          parent: po,
          kind: 'shop_cell',
          name: `Shop cell ${c + 1}`,
          nameRu: `Цеховая ячейка ${c + 1}`,
          enterprise: null,
          primary: po,
          region: districtRegion[di]!,
        }),
        weight: 1,
      });
    }
    const officers = [{ ordinal: 0, body: po, title: 'secretary' }];
    if (!districtOfficer.has(di) && size > 1) {
      districtOfficer.add(di);
      officers.push({ ordinal: 1, body: districts[di]!, title: 'secretary' });
    }
    groups.push({
      home: po,
      size,
      direct: cells.length ? Math.min(size, 5) : size,
      cells,
      enterprise: ent,
      industry: place.industry,
      officers,
    });
  }

  const plan: SyntheticPlan = {
    seed,
    organisation: {
      name: `Synthetic organisation ${seed}`,
      nameRu: null,
      preset: 'party-1934',
      effectiveFrom: '1934-02-10',
      adoptedBy: 'Benchmark',
    },
    bodies,
    enterprises,
    groups,
    candidateShare: 0.15,
    officesFrom: '1934-02-10',
    districts,
    primaries: primariesN,
    shopCells: rest - primariesN,
  };
  assertPlanConsistent(plan);
  return plan;
}
