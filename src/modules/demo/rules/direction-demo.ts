// The demo's direction (issue 13 point 10, ADR 0027 slice 8), pure and seeded: the 1929 production-conference
// drive issued by the Leningrad city committee and concretised by its districts, reports in for part of the
// organisations (some late, a few returned), one district whose own summary overstates its organisations' raw
// reports; and the monthly membership report of the last twelve months.
import type { Rng } from './prng.js';

export const CAMPAIGN_INDICATORS = [
  {
    code: 'conferences_held',
    name: 'Production conferences held',
    nameRu: 'Проведено производственных совещаний',
    valueType: 'integer',
    aggregation: 'sum',
  },
  {
    code: 'workers_attending',
    name: 'Workers attending (party and non-party)',
    nameRu: 'Присутствовало рабочих (партийных и беспартийных)',
    valueType: 'integer',
    aggregation: 'sum',
    toleranceRel: 0.05,
  },
  {
    code: 'attendance_share',
    name: 'Share of the workforce attending',
    nameRu: 'Доля присутствовавших от числа рабочих',
    valueType: 'percentage',
    aggregation: 'average',
    unit: '%',
    unitRu: '%',
    toleranceAbs: 1,
  },
  {
    code: 'proposals_made',
    name: 'Proposals made',
    nameRu: 'Внесено предложений',
    valueType: 'integer',
    aggregation: 'sum',
    toleranceRel: 0.05,
  },
  {
    code: 'proposals_adopted',
    name: 'Proposals adopted by management',
    nameRu: 'Принято администрацией предложений',
    valueType: 'integer',
    aggregation: 'sum',
    toleranceRel: 0.05,
  },
  { code: 'remarks', name: 'Remarks', nameRu: 'Замечания', valueType: 'text', aggregation: 'count' },
] as const;

export const MEMBERSHIP_INDICATORS = [
  { code: 'admissions', name: 'Admitted', nameRu: 'Принято', valueType: 'integer', aggregation: 'sum' },
  { code: 'exits', name: 'Left (exits and expulsions)', nameRu: 'Выбыло', valueType: 'integer', aggregation: 'sum' },
  {
    code: 'dues_collected',
    name: 'Dues collected',
    nameRu: 'Собрано членских взносов',
    valueType: 'number',
    aggregation: 'sum',
    decimals: 2,
    unit: 'rub.',
    unitRu: 'руб.',
  },
  {
    code: 'meetings_held',
    name: 'Meetings held',
    nameRu: 'Проведено собраний',
    valueType: 'integer',
    aggregation: 'sum',
  },
] as const;

export const CAMPAIGN_RULES = [
  {
    name: 'No more proposals adopted than made',
    nameRu: 'Принято не больше предложений, чем внесено',
    importance: 'high',
    blocking: true,
    expr: { kind: 'compare', test: { cmp: '<=', args: [{ val: 'proposals_adopted' }, { val: 'proposals_made' }] } },
  },
  {
    name: 'A conference with under 30% of the workforce is hardly one',
    nameRu: 'Совещание с явкой меньше 30% едва ли совещание',
    importance: 'medium',
    blocking: false,
    expr: { kind: 'compare', test: { cmp: '>=', args: [{ val: 'attendance_share' }, { num: 30 }] } },
  },
  {
    name: 'Workers attending are given when a conference was held',
    nameRu: 'Число присутствовавших указано, если совещание проведено',
    importance: 'medium',
    blocking: true,
    expr: {
      kind: 'required_when',
      code: 'workers_attending',
      when: { cmp: '>', args: [{ val: 'conferences_held' }, { num: 0 }] },
    },
  },
] as const;

export const CAMPAIGN_TEXT = {
  title: 'The production-conference drive (1929)',
  titleRu: 'Кампания производственных совещаний (1929)',
  text:
    'On the Central Committee’s resolution on production conferences: every primary organisation holds an enlarged ' +
    'production conference at its enterprise, open to non-party workers, on the plan’s targets, rationalisation ' +
    'proposals and bureaucracy in management; management answers every proposal. Report the attendance and the ' +
    'proposals made and adopted, with the protocol.',
  textRu:
    'Во исполнение постановления ЦК о производственных совещаниях: каждая первичная организация проводит ' +
    'расширенное производственное совещание на своём предприятии с участием беспартийных рабочих — о заданиях ' +
    'плана, рационализаторских предложениях и бюрократизме в управлении; администрация отвечает на каждое ' +
    'предложение. Отчитаться о явке, внесённых и принятых предложениях, приложить протокол.',
};

export interface DemoPo {
  id: string;
  members: number;
  districtKey: string;
}

export interface PlannedReport {
  bodyId: string;
  values: Record<string, number | string | null>;
  /** campaign: days before now; membership: days after the period’s due date (negative: before it) */
  daysAgo: number;
  state: 'submitted' | 'approved' | 'returned';
  reason: string | null;
}

const RETURN_REASONS = [
  'The attendance is larger than the works’ workforce: check the figure against the register.',
  'Proposals adopted are not listed in the protocol: attach the management’s answers.',
  'The conference was a shop meeting, not an enlarged conference: hold it again with the non-party workers.',
];

/**
 * The campaign's reports: none from the organisations kept for the browser journey (`keep`), about half of the
 * rest in (fewer where `sparse`), a few returned, some approved; values from the organisation's size.
 */
export function campaignReports(rng: Rng, pos: DemoPo[], keep: Set<string>, sparse: Set<string>): PlannedReport[] {
  const out: PlannedReport[] = [];
  for (const po of pos) {
    if (keep.has(po.id)) continue;
    if (!rng.chance(sparse.has(po.districtKey) ? 0.12 : 0.55)) continue;
    const workforce = Math.max(8, Math.round(po.members * (8 + rng.next() * 12)));
    const share = 35 + rng.int(0, 55);
    const attending = Math.max(5, Math.round((workforce * share) / 100));
    const made = Math.max(1, Math.round(attending * (0.02 + rng.next() * 0.06)));
    const adopted = Math.floor(made * (0.3 + rng.next() * 0.45));
    const roll = rng.next();
    const state = roll < 0.05 ? 'returned' : roll < 0.3 ? 'approved' : 'submitted';
    out.push({
      bodyId: po.id,
      values: {
        conferences_held: po.members > 300 ? rng.int(1, 3) : 1,
        workers_attending: attending,
        attendance_share: share,
        proposals_made: made,
        proposals_adopted: adopted,
        remarks: rng.chance(0.15) ? 'The shop foremen did not attend.' : null,
      },
      daysAgo: rng.int(0, 9),
      state,
      reason: state === 'returned' ? rng.pick(RETURN_REASONS) : null,
    });
  }
  return out;
}

/**
 * One month's membership reports: most organisations report (fewer for the month just ended, still due); dues
 * from the dues register where it has the month (`duesOf`, roubles), else from the size.
 */
export function membershipReports(
  rng: Rng,
  pos: DemoPo[],
  monthsAgo: number,
  duesOf: (poId: string) => number | null,
): PlannedReport[] {
  const out: PlannedReport[] = [];
  for (const po of pos) {
    if (!rng.chance(monthsAgo === 1 ? 0.62 : 0.93)) continue;
    const dues = duesOf(po.id) ?? Math.round(po.members * (1.1 + rng.next() * 1.6) * 100) / 100;
    const lateDays = rng.chance(0.12) ? rng.int(1, 20) : -rng.int(0, 9);
    out.push({
      bodyId: po.id,
      values: {
        admissions: rng.chance(0.35) ? rng.int(1, Math.max(1, Math.round(po.members / 60))) : 0,
        exits: rng.chance(0.2) ? rng.int(1, Math.max(1, Math.round(po.members / 120))) : 0,
        dues_collected: dues,
        meetings_held: po.members >= 50 ? rng.int(2, 4) : rng.int(1, 2),
      },
      // days after the period's due date (negative: before it)
      daysAgo: lateDays,
      state: monthsAgo > 2 && rng.chance(0.7) ? 'approved' : 'submitted',
      reason: null,
    });
  }
  return out;
}
