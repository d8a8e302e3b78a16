// The protocol (minutes) of a meeting as text (pure), in English or Russian, built from a snapshot of the record:
// heading, attendance and quorum, presidium, chair and secretary, agenda, per item the reporter, the speakers in
// order and the decisions with votes, the question notes with their answers — unanswered notes stay in the
// record, verbatim — and the lines for the chair's and secretary's signatures.
import type { FloorKind, MeetingKind, NoteStatus } from '../../../contracts/assembly.js';

export type ProtocolLang = 'en' | 'ru';

/** A person's name in both languages (Russian may be missing: then the English one is used). */
export interface Name {
  en: string;
  ru: string | null;
}

export interface ProtocolSnapshot {
  organisation: Name;
  body: Name;
  meeting: {
    kind: MeetingKind;
    title: string;
    startsAt: string;
    endsAt: string | null;
    place: string;
    openedAt: string | null;
    closedAt: string | null;
  };
  /** IANA time zone the dates are printed in. */
  timeZone: string;
  attendance: {
    entitledVoting: number;
    entitledConsultative: number;
    presentVoting: number;
    presentConsultative: number;
    guests: number;
    quorumRequired: number;
    quorumReached: boolean;
  };
  chair: Name | null;
  secretaries: Name[];
  presidium: Name[];
  agenda: {
    position: number;
    title: string;
    reporter: Name | null;
    /** Those who spoke (status done or speaking), in the order they spoke. */
    speakers: { name: Name; kind: FloorKind }[];
    decisions: ProtocolDecision[];
  }[];
  /** Decisions of the meeting not tied to an agenda item. */
  otherDecisions: ProtocolDecision[];
  notes: {
    text: string;
    /** Null for an anonymous note. */
    signedBy: Name | null;
    status: NoteStatus;
    answer: string | null;
    /** Agenda position the note came in on, if any. */
    itemPosition: number | null;
  }[];
}

export interface ProtocolDecision {
  outcome: string;
  votes: { for: number; against: number; abstained: number } | null;
  reasons: string | null;
}

const KIND: Record<MeetingKind, Record<ProtocolLang, string>> = {
  general_assembly: { en: 'General assembly', ru: 'Общее собрание' },
  shop_cell_meeting: { en: 'Meeting of the shop cell', ru: 'Собрание цеховой ячейки' },
  bureau_session: { en: 'Session of the bureau', ru: 'Заседание бюро' },
  conference: { en: 'Conference', ru: 'Конференция' },
  congress: { en: 'Congress', ru: 'Съезд' },
  open_meeting: { en: 'Open meeting', ru: 'Открытое собрание' },
};

const FLOOR: Record<FloorKind, Record<ProtocolLang, string>> = {
  report: { en: 'report', ru: 'доклад' },
  speech: { en: '', ru: '' },
  point_of_order: { en: 'point of order', ru: 'по порядку ведения' },
  reply: { en: 'reply', ru: 'реплика' },
};

const T = {
  en: {
    protocol: 'PROTOCOL',
    date: 'Date',
    time: 'Opened',
    closed: 'closed',
    place: 'Place',
    attendance: 'ATTENDANCE',
    entitled: (v: number, c: number) => `Entitled to attend: ${v} with a vote, ${c} with a consultative voice.`,
    present: (v: number, c: number, g: number) =>
      `Present: ${v} with a vote, ${c} with a consultative voice, ${g} ${g === 1 ? 'guest' : 'guests'}.`,
    quorum: (req: number, ok: boolean) =>
      `Quorum: ${req} voting participants required; ${ok ? 'the quorum is reached' : 'NO QUORUM'}.`,
    presidium: 'Presidium',
    chair: 'Chair',
    secretary: 'Secretary',
    none: '—',
    agenda: 'AGENDA',
    reporter: 'reporter',
    heard: 'HEARD',
    spoke: 'Spoke',
    nobodySpoke: 'Nobody else spoke.',
    resolved: 'RESOLVED',
    votes: (f: number, a: number, ab: number) => `Votes: ${f} for, ${a} against, ${ab} abstained.`,
    noDecision: 'No decision recorded.',
    other: 'OTHER DECISIONS',
    notes: 'QUESTION NOTES',
    notesCount: (n: number, a: number) => `Received: ${n}; answered: ${a}; unanswered: ${n - a}.`,
    answered: 'Answered notes',
    answer: 'Answer',
    unanswered: 'UNANSWERED NOTES (they stay in the record, as written)',
    setAside: 'set aside',
    anonymous: 'anonymous',
    onItem: 'item',
    signatures: 'Signatures',
    tz: 'time zone',
  },
  ru: {
    protocol: 'ПРОТОКОЛ',
    date: 'Дата',
    time: 'Открыто',
    closed: 'закрыто',
    place: 'Место',
    attendance: 'ПРИСУТСТВИЕ',
    entitled: (v: number, c: number) => `Имеют право участвовать: с решающим голосом — ${v}, с совещательным — ${c}.`,
    present: (v: number, c: number, g: number) =>
      `Присутствовали: с решающим голосом — ${v}, с совещательным — ${c}, гостей — ${g}.`,
    quorum: (req: number, ok: boolean) =>
      `Кворум: необходимо ${req} с решающим голосом; ${ok ? 'кворум имеется' : 'КВОРУМА НЕТ'}.`,
    presidium: 'Президиум',
    chair: 'Председатель',
    secretary: 'Секретарь',
    none: '—',
    agenda: 'ПОВЕСТКА ДНЯ',
    reporter: 'докладчик',
    heard: 'СЛУШАЛИ',
    spoke: 'Выступили',
    nobodySpoke: 'Других выступлений не было.',
    resolved: 'ПОСТАНОВИЛИ',
    votes: (f: number, a: number, ab: number) => `Голосовали: за — ${f}, против — ${a}, воздержались — ${ab}.`,
    noDecision: 'Решение не записано.',
    other: 'ПРОЧИЕ РЕШЕНИЯ',
    notes: 'ЗАПИСКИ',
    notesCount: (n: number, a: number) => `Поступило: ${n}; отвечено: ${a}; без ответа: ${n - a}.`,
    answered: 'Записки с ответами',
    answer: 'Ответ',
    unanswered: 'ЗАПИСКИ БЕЗ ОТВЕТА (остаются в протоколе дословно)',
    setAside: 'отложена',
    anonymous: 'аноним',
    onItem: 'пункт',
    signatures: 'Подписи',
    tz: 'часовой пояс',
  },
} as const;

export const kindLabel = (kind: MeetingKind, lang: ProtocolLang): string => KIND[kind][lang];

export function nameIn(n: Name, lang: ProtocolLang): string {
  return lang === 'ru' ? (n.ru ?? n.en) : n.en;
}

/** 'YYYY-MM-DD' and 'HH:MM' of an instant in a time zone. */
export function localParts(iso: string, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const p = (t: string) => parts.find((x) => x.type === t)?.value ?? '';
  return { date: `${p('year')}-${p('month')}-${p('day')}`, time: `${p('hour')}:${p('minute')}` };
}

function decisionLines(d: ProtocolDecision, t: (typeof T)[ProtocolLang]): string[] {
  const out = [`${t.resolved}: ${d.outcome}`];
  if (d.reasons) out.push(`  ${d.reasons}`);
  if (d.votes) out.push(`  ${t.votes(d.votes.for, d.votes.against, d.votes.abstained)}`);
  return out;
}

const quote = (s: string, lang: ProtocolLang) => (lang === 'ru' ? `«${s}»` : `“${s}”`);

/** The protocol's text. Deterministic: the same snapshot gives the same text. */
export function protocolText(s: ProtocolSnapshot, lang: ProtocolLang): string {
  const t = T[lang];
  const n = (x: Name) => nameIn(x, lang);
  const names = (xs: Name[]) => (xs.length ? xs.map(n).join(', ') : t.none);
  const L: string[] = [];
  const start = localParts(s.meeting.startsAt, s.timeZone);

  L.push(`${t.protocol}`);
  L.push(kindLabel(s.meeting.kind, lang));
  L.push(n(s.body));
  L.push(n(s.organisation));
  L.push(s.meeting.title);
  L.push('');
  L.push(`${t.date}: ${start.date}, ${start.time} (${t.tz} ${s.timeZone})`);
  if (s.meeting.openedAt) {
    const o = localParts(s.meeting.openedAt, s.timeZone);
    const c = s.meeting.closedAt ? localParts(s.meeting.closedAt, s.timeZone) : null;
    L.push(`${t.time}: ${o.time}${c ? `; ${t.closed}: ${c.date === o.date ? c.time : `${c.date} ${c.time}`}` : ''}`);
  }
  L.push(`${t.place}: ${s.meeting.place}`);
  L.push('');

  const a = s.attendance;
  L.push(t.attendance);
  L.push(t.entitled(a.entitledVoting, a.entitledConsultative));
  L.push(t.present(a.presentVoting, a.presentConsultative, a.guests));
  L.push(t.quorum(a.quorumRequired, a.quorumReached));
  L.push('');
  L.push(`${t.presidium}: ${names(s.presidium)}`);
  L.push(`${t.chair}: ${s.chair ? n(s.chair) : t.none}`);
  L.push(`${t.secretary}: ${names(s.secretaries)}`);
  L.push('');

  L.push(`${t.agenda}:`);
  for (const i of s.agenda)
    L.push(`${i.position}. ${i.title}${i.reporter ? ` (${t.reporter}: ${n(i.reporter)})` : ''}`);
  L.push('');

  for (const i of s.agenda) {
    L.push(`${i.position}. ${t.heard}: ${i.title}${i.reporter ? ` — ${t.reporter} ${n(i.reporter)}` : ''}.`);
    const speakers = i.speakers.map((sp) => {
      const k = FLOOR[sp.kind][lang];
      return k ? `${n(sp.name)} (${k})` : n(sp.name);
    });
    L.push(speakers.length ? `${t.spoke}: ${speakers.join('; ')}.` : t.nobodySpoke);
    if (i.decisions.length === 0) L.push(t.noDecision);
    for (const d of i.decisions) L.push(...decisionLines(d, t));
    L.push('');
  }

  if (s.otherDecisions.length) {
    L.push(`${t.other}:`);
    for (const d of s.otherDecisions) L.push(...decisionLines(d, t));
    L.push('');
  }

  const answered = s.notes.filter((x) => x.status === 'answered');
  const open = s.notes.filter((x) => x.status !== 'answered');
  const who = (x: ProtocolSnapshot['notes'][number]) => (x.signedBy ? n(x.signedBy) : t.anonymous);
  const where = (x: ProtocolSnapshot['notes'][number]) =>
    x.itemPosition !== null ? `, ${t.onItem} ${x.itemPosition}` : '';
  L.push(`${t.notes}: ${t.notesCount(s.notes.length, answered.length)}`);
  if (answered.length) {
    L.push(`${t.answered}:`);
    answered.forEach((x, k) => {
      L.push(`  ${k + 1}. ${quote(x.text, lang)} — ${who(x)}${where(x)}.`);
      L.push(`     ${t.answer}: ${x.answer ?? ''}`);
    });
  }
  if (open.length) {
    L.push(`${t.unanswered}:`);
    open.forEach((x, k) =>
      L.push(
        `  ${k + 1}. ${quote(x.text, lang)} — ${who(x)}${where(x)}${x.status === 'set_aside' ? ` (${t.setAside})` : ''}.`,
      ),
    );
  }
  L.push('');
  L.push(`${t.signatures}:`);
  L.push(`${t.chair}: ____________________ ${s.chair ? n(s.chair) : ''}`.trimEnd());
  const sec = s.secretaries[0];
  L.push(`${t.secretary}: ____________________ ${sec ? n(sec) : ''}`.trimEnd());
  return L.join('\n') + '\n';
}
