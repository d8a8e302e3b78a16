// A digest as CSV (RFC 4180: comma, CRLF, fields quoted when they hold a quote, comma or line break): one line per
// round due, per overdue child, per discrepancy and per returned report. Pure.
import type { Digest } from '../../../contracts/direction-insight.js';

export const DIGEST_CSV_HEADER = [
  'section',
  'round_id',
  'title',
  'title_ru',
  'body_id',
  'body_name',
  'body_name_ru',
  'due_at',
  'detail',
] as const;

function field(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function digestCsv(d: Digest): string {
  const rows: (string | number | null)[][] = [[...DIGEST_CSV_HEADER]];
  const titles = new Map(d.rounds.map((r) => [r.roundId, r]));
  for (const r of d.rounds) {
    rows.push([
      'due',
      r.roundId,
      r.title,
      r.titleRu,
      d.bodyId,
      d.bodyName,
      d.bodyNameRu,
      r.dueAt,
      `reported ${r.reported} of ${r.expected}, on time ${r.onTime}; overdue ${r.overdueCount}`,
    ]);
    for (const o of r.overdue)
      rows.push([
        'overdue',
        r.roundId,
        r.title,
        r.titleRu,
        o.bodyId,
        o.name,
        o.nameRu,
        o.dueAt,
        `missing ${o.missing}`,
      ]);
  }
  for (const x of d.discrepancies)
    rows.push([
      'discrepancy',
      x.roundId,
      x.title,
      x.titleRu,
      x.bodyId,
      x.name,
      x.nameRu,
      titles.get(x.roundId)?.dueAt ?? null,
      `${x.indicatorCode}: summary ${x.summary}, reports ${x.raw ?? ''}`,
    ]);
  for (const x of d.returned)
    rows.push([
      'returned',
      x.roundId,
      x.title,
      x.titleRu,
      x.bodyId,
      x.name,
      x.nameRu,
      titles.get(x.roundId)?.dueAt ?? null,
      '',
    ]);
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
