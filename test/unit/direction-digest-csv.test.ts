// A digest as CSV (rules/digest-csv.ts): the header, one line per round due, overdue child, discrepancy and returned
// report; fields holding a comma, a quote or a line break quoted, quotes doubled; CRLF line ends.
import { describe, expect, it } from 'vitest';
import { DIGEST_CSV_HEADER, digestCsv } from '../../src/modules/direction/rules/digest-csv.js';
import type { Digest } from '../../src/contracts/direction-insight.js';

const R = '01a25291-0000-7000-8000-000000000001';
const B = '01a25291-0000-7000-8000-000000000002';
const C = '01a25291-0000-7000-8000-000000000003';

const digest: Digest = {
  bodyId: B,
  bodyName: 'Vyborg district',
  bodyNameRu: 'Выборгский район',
  forDate: '1929-05-06',
  generatedAt: '1929-05-06T03:00:00.000Z',
  stored: true,
  rounds: [
    {
      roundId: R,
      title: 'Production conferences, "the drive"',
      titleRu: 'Производственные совещания',
      periodStart: '1929-05-01',
      dueAt: '1929-05-20T20:59:59.999Z',
      addressed: false,
      state: 'none',
      expected: 3,
      reported: 1,
      onTime: 1,
      overdueCount: 1,
      overdue: [
        { bodyId: C, name: 'Works no. 3,\nshop 2', nameRu: null, dueAt: '1929-05-20T20:59:59.999Z', missing: 1 },
      ],
    },
  ],
  discrepancies: [
    {
      roundId: R,
      title: 'T',
      titleRu: 'Т',
      bodyId: B,
      name: 'Vyborg district',
      nameRu: null,
      indicatorCode: 'admitted',
      summary: 6,
      raw: 2,
    },
  ],
  returned: [{ roundId: R, title: 'T', titleRu: 'Т', bodyId: C, name: 'Works no. 3', nameRu: null }],
};

describe('digestCsv', () => {
  it('writes the header and a line per item, quoting as RFC 4180 asks', () => {
    const text = digestCsv(digest);
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(DIGEST_CSV_HEADER.join(','));
    expect(lines[1]).toContain('"Production conferences, ""the drive"""');
    expect(lines[1]!.startsWith(`due,${R},`)).toBe(true);
    expect(lines[2]).toContain(`overdue,${R},`);
    expect(lines[2]).toContain('"Works no. 3,\nshop 2"');
    expect(lines[3]).toContain('discrepancy');
    expect(lines[3]).toContain('"admitted: summary 6, reports 2"');
    expect(lines[4]!.startsWith(`returned,${R},T,Т,${C},Works no. 3,,`)).toBe(true);
    expect(lines).toHaveLength(6);
  });
});
