// The protocol's text from a snapshot (English and Russian), and the pure sealing rules: canonical JSON, the
// chain hash, the check of one link, naming what differs from the live record.
import { describe, expect, it } from 'vitest';
import { protocolText, type ProtocolSnapshot } from '../../src/modules/assembly/rules/protocol-text.js';
import {
  canonicalJson,
  chainHash,
  checkLink,
  describeDifference,
  GENESIS_HASH,
  nextLink,
  sha256Hex,
} from '../../src/modules/records/rules/seal.js';

const snap: ProtocolSnapshot = {
  organisation: { en: 'All-Union Communist Party (Bolsheviks)', ru: 'ВКП(б)' },
  body: { en: 'Primary organisation of the Red Putilovite works', ru: 'Первичная парторганизация: Красный путиловец' },
  meeting: {
    kind: 'general_assembly',
    title: 'General assembly of the Red Putilovite',
    startsAt: '1927-03-14T15:00:00.000Z',
    endsAt: null,
    place: 'Club of the works',
    openedAt: '1927-03-14T15:10:00.000Z',
    closedAt: '1927-03-14T19:40:00.000Z',
  },
  timeZone: 'UTC',
  attendance: {
    entitledVoting: 100,
    entitledConsultative: 20,
    presentVoting: 60,
    presentConsultative: 7,
    guests: 2,
    quorumRequired: 51,
    quorumReached: true,
  },
  chair: { en: 'Kirov Sergei', ru: 'Киров Сергей Миронович' },
  secretaries: [{ en: 'Petrova Anna', ru: 'Петрова Анна Ивановна' }],
  presidium: [
    { en: 'Kirov Sergei', ru: 'Киров Сергей Миронович' },
    { en: 'Smith John', ru: null },
  ],
  agenda: [
    {
      position: 1,
      title: 'On the control figures',
      reporter: { en: 'Kirov Sergei', ru: 'Киров Сергей Миронович' },
      speakers: [
        { name: { en: 'Kirov Sergei', ru: 'Киров Сергей Миронович' }, kind: 'report' },
        { name: { en: 'Ivanov Ivan', ru: 'Иванов Иван Петрович' }, kind: 'speech' },
        { name: { en: 'Smith John', ru: null }, kind: 'point_of_order' },
      ],
      decisions: [{ outcome: 'Adopted', votes: { for: 55, against: 3, abstained: 2 }, reasons: null }],
    },
    { position: 2, title: 'Any other business', reporter: null, speakers: [], decisions: [] },
  ],
  otherDecisions: [],
  notes: [
    { text: 'Why is bread dear?', signedBy: null, status: 'answered', answer: 'The harvest.', itemPosition: 1 },
    {
      text: 'Who decided the rates behind our backs?',
      signedBy: null,
      status: 'new',
      answer: null,
      itemPosition: 1,
    },
    {
      text: 'When is the club repaired?',
      signedBy: { en: 'Ivanov Ivan', ru: 'Иванов Иван Петрович' },
      status: 'set_aside',
      answer: null,
      itemPosition: null,
    },
  ],
};

describe('protocol text', () => {
  it('in English: heading, attendance and quorum, roles, agenda, speakers in order, decisions with votes', () => {
    const t = protocolText(snap, 'en');
    expect(t.split('\n')[0]).toBe('PROTOCOL');
    expect(t.split('\n').slice(0, 5)).toEqual([
      'PROTOCOL',
      'General assembly',
      'Primary organisation of the Red Putilovite works',
      'All-Union Communist Party (Bolsheviks)',
      'General assembly of the Red Putilovite',
    ]);
    expect(t).toContain('All-Union Communist Party (Bolsheviks)');
    expect(t).toContain('Date: 1927-03-14, 15:00');
    expect(t).toContain('Place: Club of the works');
    expect(t).toContain('Entitled to attend: 100 with a vote, 20 with a consultative voice.');
    expect(t).toContain('Present: 60 with a vote, 7 with a consultative voice, 2 guests.');
    expect(t).toContain('Quorum: 51 voting participants required; the quorum is reached.');
    expect(t).toContain('Presidium: Kirov Sergei, Smith John');
    expect(t).toContain('Chair: Kirov Sergei');
    expect(t).toContain('Secretary: Petrova Anna');
    expect(t).toContain('1. On the control figures (reporter: Kirov Sergei)');
    expect(t).toContain('Spoke: Kirov Sergei (report); Ivanov Ivan; Smith John (point of order).');
    expect(t).toContain('RESOLVED: Adopted');
    expect(t).toContain('Votes: 55 for, 3 against, 2 abstained.');
    expect(t).toMatch(/2\. HEARD: Any other business\.\nNobody else spoke\.\nNo decision recorded\./);
  });

  it('keeps every note: answered with the answer, unanswered verbatim, anonymous as such', () => {
    const t = protocolText(snap, 'en');
    expect(t).toContain('QUESTION NOTES: Received: 3; answered: 1; unanswered: 2.');
    expect(t).toContain('1. “Why is bread dear?” — anonymous, item 1.');
    expect(t).toContain('Answer: The harvest.');
    const unanswered = t.slice(t.indexOf('UNANSWERED NOTES'));
    expect(unanswered).toContain('“Who decided the rates behind our backs?” — anonymous, item 1.');
    expect(unanswered).toContain('“When is the club repaired?” — Ivanov Ivan (set aside).');
    expect(t).toMatch(/Chair: _+ Kirov Sergei\nSecretary: _+ Petrova Anna\n$/);
  });

  it('in Russian, with Russian names where known (English otherwise) and "аноним"', () => {
    const t = protocolText(snap, 'ru');
    expect(t.split('\n')[0]).toBe('ПРОТОКОЛ');
    expect(t).toContain('ПРОТОКОЛ\nОбщее собрание\nПервичная парторганизация: Красный путиловец\nВКП(б)\n');
    expect(t).toContain('ВКП(б)');
    expect(t).toContain('Имеют право участвовать: с решающим голосом — 100, с совещательным — 20.');
    expect(t).toContain('Кворум: необходимо 51 с решающим голосом; кворум имеется.');
    expect(t).toContain('Президиум: Киров Сергей Миронович, Smith John');
    expect(t).toContain('1. СЛУШАЛИ: On the control figures — докладчик Киров Сергей Миронович.');
    expect(t).toContain(
      'Выступили: Киров Сергей Миронович (доклад); Иванов Иван Петрович; Smith John (по порядку ведения).',
    );
    expect(t).toContain('Голосовали: за — 55, против — 3, воздержались — 2.');
    expect(t).toContain('«Why is bread dear?» — аноним, пункт 1.');
    expect(t).toContain('ЗАПИСКИ БЕЗ ОТВЕТА');
    expect(t).toContain('«Who decided the rates behind our backs?» — аноним, пункт 1.');
    expect(t).toMatch(/Секретарь: _+ Петрова Анна Ивановна\n$/);
  });

  it('says when there is no quorum, and prints dates in the given time zone', () => {
    const t = protocolText(
      {
        ...snap,
        timeZone: 'Europe/Moscow',
        attendance: { ...snap.attendance, presentVoting: 40, quorumReached: false },
      },
      'en',
    );
    expect(t).toContain('NO QUORUM');
    // 15:00 UTC in 1927 Moscow (UTC+2 then; +3 from 1930): the zone's historical offset.
    expect(t).toMatch(/Date: 1927-03-14, 1[78]:00 \(time zone Europe\/Moscow\)/);
  });

  it('is deterministic', () => {
    expect(protocolText(snap, 'ru')).toBe(protocolText(structuredClone(snap), 'ru'));
  });
});

describe('sealing rules', () => {
  it('canonical JSON sorts keys at every depth, drops undefined and has no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x', null], c: true }, u: undefined })).toBe(
      '{"a":{"c":true,"d":[1,"x",null]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson('Голос с места: «Верно!»')).toBe('"Голос с места: «Верно!»"');
    expect(() => canonicalJson({ x: Number.NaN })).toThrow();
  });

  it('sha256 and the chain hash', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(chainHash(GENESIS_HASH, sha256Hex('x'))).toBe(sha256Hex(`${GENESIS_HASH}\n${sha256Hex('x')}`));
    expect(GENESIS_HASH).toMatch(/^0{64}$/);
  });

  it('links records: the first on the genesis hash, the next on its predecessor', () => {
    const a = nextLink(null, { n: 1 });
    expect(a.seq).toBe(1);
    expect(a.prevHash).toBe(GENESIS_HASH);
    expect(a.contentHash).toBe(sha256Hex('{"n":1}'));
    const b = nextLink(a, { n: 2 });
    expect(b.seq).toBe(2);
    expect(b.prevHash).toBe(a.hash);
    expect(checkLink(null, a)).toEqual([]);
    expect(checkLink(a, b)).toEqual([]);
  });

  it('names a changed content, a broken link, a forged hash and a gap', () => {
    const a = nextLink(null, { n: 1 });
    const b = nextLink(a, { n: 2 });
    expect(checkLink(a, { ...b, content: '{"n":3}' })).toEqual([expect.stringMatching(/^content changed \(hash /)]);
    expect(checkLink(a, { ...b, prevHash: GENESIS_HASH })[0]).toMatch(/^chain broken: prev_hash .* record #1/);
    expect(checkLink(a, { ...b, hash: sha256Hex('forged') })).toEqual([expect.stringMatching(/^hash changed/)]);
    expect(checkLink(null, b)[0]).toBe('records #1–#1 are missing before it');
  });

  it('describes what differs from the live record', () => {
    const sealed = {
      body: 'x',
      transcript: [
        { seq: 1, text: 'a' },
        { seq: 7, text: 'b' },
      ],
      title: 't',
    };
    expect(describeDifference(sealed, structuredClone(sealed))).toBeNull();
    expect(describeDifference(sealed, { ...sealed, body: 'y' })).toBe('body changed');
    expect(
      describeDifference(sealed, {
        ...sealed,
        transcript: [
          { seq: 1, text: 'a' },
          { seq: 7, text: 'B' },
        ],
      }),
    ).toBe('transcript #7 changed');
    expect(describeDifference(sealed, { ...sealed, transcript: [{ seq: 1, text: 'a' }] })).toBe(
      'transcript: 2 sealed, 1 now',
    );
  });
});
