// The protocol (minutes) of a meeting as text (pure), in English or Russian, built from a snapshot of the record:
// heading, attendance and quorum, presidium, chair and secretary, agenda, per item the reporter, the speakers in
// order and the decisions with votes, the question notes with their answers — unanswered notes stay in the
// record, verbatim — and the lines for the chair's and secretary's signatures. What the meeting decided by vote
// (issue 5) is printed per agenda item: motions with their amendments and final text, every vote with its method,
// majority and result (counts, named votes, or a secret ballot's board hash), elections with the count's stages,
// and minority opinions verbatim.
import type { FloorKind, MeetingKind, NoteStatus } from '../../../contracts/assembly.js';
import type {
  DecisionElection,
  DecisionMotion,
  DecisionQuestion,
  DecisionVote,
  MeetingDecisions,
} from '../../../contracts/protocol-decisions.js';
import type { VoidReason } from '../../../contracts/ballot.js';

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
    /**
     * Whether the meeting took the item up (it was once the current item, or something was said or decided on it).
     * An item never taken up is recorded as not considered — never as heard. Absent: taken up.
     */
    considered?: boolean;
    /** Those who spoke (status done or speaking), in the order they spoke. */
    speakers: { name: Name; kind: FloorKind }[];
    decisions: ProtocolDecision[];
  }[];
  /** Decisions of the meeting not tied to an agenda item. */
  otherDecisions: ProtocolDecision[];
  /** Motions, votes and elections of the meeting (issue 5); absent: none. */
  meetingDecisions?: MeetingDecisions;
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
    notConsidered: 'NOT CONSIDERED',
    notReached: 'The meeting did not take up this item; it stays for a later meeting.',
    notYet: 'NOT YET CONSIDERED',
    notYetReached: 'The meeting has not taken up this item yet.',
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
    notConsidered: 'НЕ РАССМАТРИВАЛСЯ',
    notReached: 'Собрание к этому вопросу не приступало; вопрос переносится на следующее собрание.',
    notYet: 'ЕЩЁ НЕ РАССМАТРИВАЛСЯ',
    notYetReached: 'Собрание к этому вопросу ещё не приступало.',
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

  const positions = new Set(s.agenda.map((i) => i.position));
  const md = s.meetingDecisions;
  const partOf = (at: (p: number | null) => boolean): DecisionsPart => ({
    motions: md?.motions.filter((m) => at(m.itemPosition)) ?? [],
    elections: md?.elections.filter((e) => at(e.itemPosition)) ?? [],
    questions: md?.questions.filter((q) => at(q.itemPosition)) ?? [],
  });
  for (const i of s.agenda) {
    if (i.considered === false) {
      // never taken up: not heard, nobody spoke, nothing resolved
      const closed = s.meeting.closedAt !== null;
      L.push(`${i.position}. ${closed ? t.notConsidered : t.notYet}: ${i.title}`);
      L.push(closed ? t.notReached : t.notYetReached);
      L.push('');
      continue;
    }
    L.push(`${i.position}. ${t.heard}: ${i.title}${i.reporter ? ` — ${t.reporter} ${n(i.reporter)}` : ''}.`);
    const speakers = i.speakers.map((sp) => {
      const k = FLOOR[sp.kind][lang];
      return k ? `${n(sp.name)} (${k})` : n(sp.name);
    });
    L.push(speakers.length ? `${t.spoke}: ${speakers.join('; ')}.` : t.nobodySpoke);
    const voted = decisionsLines(
      partOf((p) => p === i.position),
      lang,
    );
    if (i.decisions.length === 0 && voted.length === 0) L.push(t.noDecision);
    for (const d of i.decisions) L.push(...decisionLines(d, t));
    L.push(...voted);
    L.push('');
  }

  const otherVoted = decisionsLines(
    partOf((p) => p === null || !positions.has(p)),
    lang,
  );
  if (s.otherDecisions.length || otherVoted.length) {
    L.push(`${t.other}:`);
    for (const d of s.otherDecisions) L.push(...decisionLines(d, t));
    L.push(...otherVoted);
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

// --- motions, votes and elections (issue 5) --------------------------------------------------------------------

/** The motions, elections and questions of one agenda item (or of none). */
export interface DecisionsPart {
  motions: DecisionMotion[];
  elections: DecisionElection[];
  questions: DecisionQuestion[];
}

type Threshold = 'simple' | 'two_thirds';
type Base = 'cast' | 'present' | 'members';

const D = {
  en: {
    motion: 'MOTION',
    movedBy: 'moved by',
    supportedBy: 'supported by',
    textAsMoved: 'Text as moved',
    text: 'Text',
    amendment: 'Amendment',
    replace: (a: string, b: string) => `replace “${a}” with “${b}”`,
    del: (a: string) => `delete “${a}”`,
    add: (b: string) => `add at the end: “${b}”`,
    amendmentStatus: {
      proposed: 'not put to the vote',
      supported: 'not put to the vote',
      voting: 'being voted on',
      adopted: 'ADOPTED',
      rejected: 'REJECTED',
      withdrawn: 'withdrawn by the proposer',
      lapsed: 'LAPSED: its words no longer occur in the text',
    },
    adoptedAsMoved: (n: number) => `RESOLVED: motion ${n} adopted as moved.`,
    adoptedAmended: (n: number) => `RESOLVED: motion ${n} adopted as amended. Final text:`,
    motionStatus: (n: number, st: string) =>
      ({
        rejected: `Motion ${n} REJECTED.`,
        withdrawn: `Motion ${n} withdrawn by the proposer.`,
        lapsed: `Motion ${n} lapsed.`,
        voting: `Motion ${n} is being voted on.`,
      })[st] ?? `Motion ${n} not put to the vote.`,
    minority: 'Minority opinions',
    vote: 'Vote',
    voteOnMotion: 'Vote on the motion',
    method: {
      open: 'open (show of hands, counted by the tellers)',
      roll_call: 'by roll call',
      secret: 'secret ballot',
    },
    cancelled: 'The vote was cancelled.',
    inProgress: 'The vote is not closed.',
    counts: (f: number, a: number, ab: number) => `For: ${f}; against: ${a}; abstained: ${ab}.`,
    ballots: (c: number, inv: number) => `Ballots cast: ${c}; blank or invalid: ${inv}.`,
    named: { for: 'Voted for', against: 'Voted against', abstain: 'Abstained' },
    majority: (m: string, needed: number | null) =>
      `Majority applied: ${m}${needed === null ? '' : ` (${needed} needed)`}.`,
    presentOf: (p: number, e: number) => `Present with a vote: ${p} of ${e} entitled.`,
    majorities: {
      simple: {
        cast: 'a simple majority of the votes cast',
        present: 'a simple majority of those present',
        members: 'a simple majority of all members',
      },
      two_thirds: {
        cast: 'two thirds of the votes cast',
        present: 'two thirds of those present',
        members: 'two thirds of all members',
      },
    } as Record<Threshold, Record<Base, string>>,
    carried: 'Carried.',
    notCarried: 'Not carried.',
    noQuorum: (present: number, required: number) =>
      `NOT VALID: NO QUORUM when the vote opened (${present} voting participants present, ${required} required); the vote decides nothing.`,
    amendmentUndecided: {
      noQuorum: 'NOT ADOPTED: the vote on it was not valid for want of a quorum',
      void: 'NOT ADOPTED: the vote on it was void',
    },
    motionUndecided: {
      noQuorum: (n: number) => `Motion ${n} NOT ADOPTED: the vote on it was not valid for want of a quorum.`,
      void: (n: number) => `Motion ${n} NOT ADOPTED: the vote on it was void.`,
    },
    electionNoQuorum: 'nobody: the election is not valid for want of a quorum',
    void: (reason: VoidReason, min: number) =>
      reason === 'no_valid_ballots'
        ? 'VOID: not a single valid ballot was cast; nothing was decided and nobody was elected.'
        : `VOID: fewer voted than the statute's minimum turnout (${min}% of those entitled); nothing was decided and nobody was elected.`,
    boardHash: (h: string) => `Ballot board published; its SHA-256: ${h}.`,
    question: 'QUESTION PUT TO THE VOTE',
    election: 'ELECTION',
    seats: 'seats',
    countMethod: {
      plurality: 'plurality (block vote)',
      approval: 'approval voting',
      scottish_stv: 'single transferable vote (Scottish STV rules)',
      meek: 'single transferable vote (Meek’s method)',
    },
    ballot: { open: 'open ballot', secret: 'secret ballot' },
    candidates: 'Candidates',
    declined: 'declined',
    pendingConsent: 'consent not given',
    withdrawnCand: 'withdrew',
    notYetVoted: 'Not yet put to the vote.',
    electionCancelled: 'The election was cancelled.',
    elected: 'ELECTED',
    noneElected: 'nobody',
    count: (valid: number, invalid: number, seats: number) =>
      `Count: valid ballots ${valid}; blank or invalid ${invalid}; seats ${seats}.`,
    totals: 'Votes',
    stage: 'Stage',
    exhausted: 'Non-transferable',
    quota: 'Quota',
    electedIn: 'elected',
    excludedIn: 'excluded',
    tie: 'tie',
  },
  ru: {
    motion: 'ПРЕДЛОЖЕНИЕ',
    movedBy: 'внесено',
    supportedBy: 'поддержали',
    textAsMoved: 'Текст во внесённой редакции',
    text: 'Текст',
    amendment: 'Поправка',
    replace: (a: string, b: string) => `заменить «${a}» на «${b}»`,
    del: (a: string) => `исключить «${a}»`,
    add: (b: string) => `дополнить в конце: «${b}»`,
    amendmentStatus: {
      proposed: 'не ставилась на голосование',
      supported: 'не ставилась на голосование',
      voting: 'идёт голосование',
      adopted: 'ПРИНЯТА',
      rejected: 'ОТКЛОНЕНА',
      withdrawn: 'отозвана автором',
      lapsed: 'СНЯТА: её слов больше нет в тексте',
    },
    adoptedAsMoved: (n: number) => `ПОСТАНОВИЛИ: предложение ${n} принять во внесённой редакции.`,
    adoptedAmended: (n: number) => `ПОСТАНОВИЛИ: предложение ${n} принять с поправками. Окончательный текст:`,
    motionStatus: (n: number, st: string) =>
      ({
        rejected: `Предложение ${n} ОТКЛОНЕНО.`,
        withdrawn: `Предложение ${n} отозвано автором.`,
        lapsed: `Предложение ${n} снято.`,
        voting: `По предложению ${n} идёт голосование.`,
      })[st] ?? `Предложение ${n} на голосование не ставилось.`,
    minority: 'Особые мнения',
    vote: 'Голосование',
    voteOnMotion: 'Голосование по предложению',
    method: { open: 'открытое (поднятием рук, подсчёт счётной комиссией)', roll_call: 'поимённое', secret: 'тайное' },
    cancelled: 'Голосование отменено.',
    inProgress: 'Голосование не закрыто.',
    counts: (f: number, a: number, ab: number) => `За — ${f}; против — ${a}; воздержались — ${ab}.`,
    ballots: (c: number, inv: number) => `Подано бюллетеней: ${c}; пустых или недействительных: ${inv}.`,
    named: { for: 'Голосовали за', against: 'Голосовали против', abstain: 'Воздержались' },
    majority: (m: string, needed: number | null) =>
      `Требуемое большинство: ${m}${needed === null ? '' : ` (необходимо ${needed})`}.`,
    presentOf: (p: number, e: number) => `Присутствовали с решающим голосом: ${p} из ${e}.`,
    majorities: {
      simple: {
        cast: 'простое большинство поданных голосов',
        present: 'простое большинство присутствующих',
        members: 'простое большинство от общего числа членов',
      },
      two_thirds: {
        cast: 'две трети поданных голосов',
        present: 'две трети присутствующих',
        members: 'две трети от общего числа членов',
      },
    } as Record<Threshold, Record<Base, string>>,
    carried: 'Решение принято.',
    notCarried: 'Решение не принято.',
    noQuorum: (present: number, required: number) =>
      `НЕДЕЙСТВИТЕЛЬНО: НЕТ КВОРУМА при открытии голосования (присутствовали с решающим голосом ${present}, необходимо ${required}); голосование ничего не решает.`,
    amendmentUndecided: {
      noQuorum: 'НЕ ПРИНЯТА: голосование по ней недействительно за отсутствием кворума',
      void: 'НЕ ПРИНЯТА: голосование по ней недействительно',
    },
    motionUndecided: {
      noQuorum: (n: number) =>
        `Предложение ${n} НЕ ПРИНЯТО: голосование по нему недействительно за отсутствием кворума.`,
      void: (n: number) => `Предложение ${n} НЕ ПРИНЯТО: голосование по нему недействительно.`,
    },
    electionNoQuorum: 'никто: выборы недействительны за отсутствием кворума',
    void: (reason: VoidReason, min: number) =>
      reason === 'no_valid_ballots'
        ? 'ГОЛОСОВАНИЕ НЕДЕЙСТВИТЕЛЬНО: не подано ни одного действительного бюллетеня; решение не принято, никто не избран.'
        : `ГОЛОСОВАНИЕ НЕДЕЙСТВИТЕЛЬНО: проголосовало меньше установленного уставом минимума (${min}% имеющих право голоса); решение не принято, никто не избран.`,
    boardHash: (h: string) => `Доска бюллетеней опубликована; её SHA-256: ${h}.`,
    question: 'ВОПРОС, ПОСТАВЛЕННЫЙ НА ГОЛОСОВАНИЕ',
    election: 'ВЫБОРЫ',
    seats: 'мест',
    countMethod: {
      plurality: 'относительное большинство (голосование списком)',
      approval: 'одобрительное голосование',
      scottish_stv: 'единый передаваемый голос (шотландские правила)',
      meek: 'единый передаваемый голос (метод Мика)',
    },
    ballot: { open: 'открытое голосование', secret: 'тайное голосование' },
    candidates: 'Кандидаты',
    declined: 'самоотвод',
    pendingConsent: 'согласие не получено',
    withdrawnCand: 'снял кандидатуру',
    notYetVoted: 'На голосование ещё не ставились.',
    electionCancelled: 'Выборы отменены.',
    elected: 'ИЗБРАНЫ',
    noneElected: 'никто',
    count: (valid: number, invalid: number, seats: number) =>
      `Подсчёт: действительных бюллетеней ${valid}; пустых или недействительных ${invalid}; мест ${seats}.`,
    totals: 'Голоса',
    stage: 'Этап',
    exhausted: 'Непередаваемые',
    quota: 'Квота',
    electedIn: 'избраны',
    excludedIn: 'исключены',
    tie: 'равенство голосов',
  },
};

type DT = (typeof D)[ProtocolLang];

const quoted = (s: string, lang: ProtocolLang) => (lang === 'ru' ? `«${s}»` : `“${s}”`);

function indented(text: string, ind: string): string[] {
  return text.split('\n').map((l) => (l.trim() ? `${ind}${l}` : ''));
}

function countTable(v: DecisionVote, names: Map<string, Name>, lang: ProtocolLang, d: DT, ind: string): string[] {
  const count = v.result?.count;
  if (!count) return [];
  const nameOf = (id: string) => {
    const known = names.get(id);
    return known ? nameIn(known, lang) : (count.candidates.find((c) => c.id === id)?.name ?? id);
  };
  const out = [`${ind}${d.count(count.valid, count.invalid, count.seats)}`];
  if (count.rounds.length === 0) {
    if (count.totals)
      out.push(
        `${ind}${d.totals}: ${count.candidates.map((c) => `${nameOf(c.id)} — ${count.totals?.[c.id] ?? 0}`).join('; ')}.`,
      );
  } else {
    const rows: string[][] = [[d.stage, ...count.rounds.map((r) => String(r.round))]];
    for (const c of count.candidates) rows.push([nameOf(c.id), ...count.rounds.map((r) => r.votes[c.id] ?? '')]);
    rows.push([d.exhausted, ...count.rounds.map((r) => r.exhausted)]);
    if (count.rounds.some((r) => r.quota !== null)) rows.push([d.quota, ...count.rounds.map((r) => r.quota ?? '')]);
    const widths = rows[0]!.map((_, k) => Math.max(...rows.map((r) => (r[k] ?? '').length)));
    for (const r of rows)
      out.push(
        `${ind}${r.map((cell, k) => (k === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[k]!))).join('  ')}`.trimEnd(),
      );
    for (const r of count.rounds) {
      // the counting code words its actions in English; the Russian protocol names who was elected or excluded
      const bits = lang === 'en' ? [r.action] : [];
      if (r.elected.length) bits.push(`${d.electedIn}: ${r.elected.map(nameOf).join(', ')}`);
      if (r.excluded.length) bits.push(`${d.excludedIn}: ${r.excluded.map(nameOf).join(', ')}`);
      if (r.tieBreak) bits.push(`${d.tie}: ${r.tieBreak}`);
      out.push(`${ind}${d.stage} ${r.round}: ${bits.join('; ')}.`.replace(/\.\.$/, '.'));
    }
  }
  return out;
}

function voteLines(
  v: DecisionVote,
  lang: ProtocolLang,
  label: string,
  ind: string,
  names: Map<string, Name> = new Map(),
): string[] {
  const d = D[lang];
  const out = [`${ind}${label}: ${d.method[v.method]}.`];
  const ind2 = `${ind}  `;
  if (v.status === 'cancelled') return [...out, `${ind2}${d.cancelled}`];
  const r = v.result;
  if (v.status !== 'closed' || !r) return [...out, `${ind2}${d.inProgress}`];
  if (r.counts) out.push(`${ind2}${d.counts(r.counts.for, r.counts.against, r.counts.abstain)}`);
  if (v.method === 'secret') out.push(`${ind2}${d.ballots(r.cast, r.invalid)}`);
  if (v.method === 'roll_call')
    for (const c of ['for', 'against', 'abstain'] as const) {
      const who = v.roll.filter((x) => x.choice === c).map((x) => nameIn(x.name, lang));
      if (who.length) out.push(`${ind2}${d.named[c]}: ${who.join(', ')}.`);
    }
  const m = r.majority ?? v.majority;
  if (m) out.push(`${ind2}${d.majority(d.majorities[m.threshold][m.of], r.needed)}`);
  if (r.entitled > 0 || r.present > 0) out.push(`${ind2}${d.presentOf(r.present, r.entitled)}`);
  if (r.quorum && !r.quorum.reached) out.push(`${ind2}${d.noQuorum(r.present, r.quorum.required)}`);
  else if (r.void) out.push(`${ind2}${d.void(r.void.reason, r.void.minimumTurnout)}`);
  else if (r.carried !== null) out.push(`${ind2}${r.carried ? d.carried : d.notCarried}`);
  out.push(...countTable(v, names, lang, d, ind2));
  if (r.boardHash) out.push(`${ind2}${d.boardHash(r.boardHash)}`);
  return out;
}

/** Why the last closed vote decided nothing: taken without the statute's quorum, or void; null when it decided. */
function undecided(votes: DecisionVote[]): 'noQuorum' | 'void' | null {
  const last = [...votes].reverse().find((v) => v.status === 'closed' && v.result);
  if (last?.result?.quorum?.reached === false) return 'noQuorum';
  return last?.result?.void ? 'void' : null;
}

function motionLines(m: DecisionMotion, lang: ProtocolLang): string[] {
  const d = D[lang];
  const sup = m.supporters.length ? `; ${d.supportedBy}: ${m.supporters.map((x) => nameIn(x, lang)).join(', ')}` : '';
  const out = [`${d.motion} ${m.seq}: ${m.title} (${d.movedBy}: ${nameIn(m.proposer, lang)}${sup}).`];
  const amended = m.currentText !== m.text;
  out.push(`  ${amended ? d.textAsMoved : d.text}:`, ...indented(m.text, '    '));
  for (const a of m.amendments) {
    const what = a.replaces === '' ? d.add(a.text) : a.text === '' ? d.del(a.replaces) : d.replace(a.replaces, a.text);
    out.push(
      `  ${d.amendment} ${a.seq} (${d.movedBy}: ${nameIn(a.proposer, lang)}): ${what} — ${a.status === 'rejected' && undecided(a.votes) ? d.amendmentUndecided[undecided(a.votes)!] : d.amendmentStatus[a.status]}.`,
    );
    for (const v of a.votes) out.push(...voteLines(v, lang, d.vote, '    '));
    out.push(...opinionLines(a.minorityOpinions, lang, '    '));
  }
  for (const v of m.votes) out.push(...voteLines(v, lang, d.voteOnMotion, '  '));
  if (m.status === 'adopted') {
    if (amended) out.push(`  ${d.adoptedAmended(m.seq)}`, ...indented(m.currentText, '    '));
    else out.push(`  ${d.adoptedAsMoved(m.seq)}`);
  } else if (m.status === 'rejected' && undecided(m.votes))
    out.push(`  ${d.motionUndecided[undecided(m.votes)!](m.seq)}`);
  else out.push(`  ${d.motionStatus(m.seq, m.status)}`);
  out.push(...opinionLines(m.minorityOpinions, lang, '  '));
  return out;
}

function opinionLines(ops: DecisionMotion['minorityOpinions'], lang: ProtocolLang, ind: string): string[] {
  if (!ops.length) return [];
  return [`${ind}${D[lang].minority}:`, ...ops.map((o) => `${ind}  ${nameIn(o.name, lang)}: ${quoted(o.text, lang)}`)];
}

function electionLines(e: DecisionElection, lang: ProtocolLang): string[] {
  const d = D[lang];
  const out = [
    `${d.election}: ${e.title} — ${d.seats}: ${e.seats}; ${d.countMethod[e.method]}; ${d.ballot[e.ballot]}.`,
  ];
  const names = new Map(e.candidates.map((c) => [c.id, c.name] as const));
  if (e.candidates.length) {
    const cands = e.candidates.map((c) => {
      const note = c.withdrawn
        ? d.withdrawnCand
        : c.consent === 'declined'
          ? d.declined
          : c.consent === 'pending'
            ? d.pendingConsent
            : null;
      return `${c.position}. ${nameIn(c.name, lang)}${note ? ` (${note})` : ''}`;
    });
    out.push(`  ${d.candidates}: ${cands.join('; ')}.`);
  }
  for (const v of e.votes) out.push(...voteLines(v, lang, d.vote, '  ', names));
  if (e.status === 'closed' && undecided(e.votes) === 'noQuorum') out.push(`  ${d.elected}: ${d.electionNoQuorum}.`);
  else if (e.status === 'closed') {
    const elected = e.candidates.filter((c) => c.elected);
    // in the order the count elected them, when it says
    const order = [...e.votes].reverse().find((v) => v.result?.count)?.result?.count?.elected ?? [];
    elected.sort((a, b) => {
      const ia = order.indexOf(a.id);
      const ib = order.indexOf(b.id);
      return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib) || a.position - b.position;
    });
    out.push(
      `  ${d.elected}: ${elected.length ? elected.map((c) => nameIn(c.name, lang)).join(', ') : d.noneElected}.`,
    );
  } else if (e.status === 'cancelled') out.push(`  ${d.electionCancelled}`);
  else if (e.votes.length === 0) out.push(`  ${d.notYetVoted}`);
  return out;
}

/** The lines for the motions, elections and questions of one agenda item (none: no lines). */
export function decisionsLines(p: DecisionsPart, lang: ProtocolLang): string[] {
  const d = D[lang];
  const out: string[] = [];
  for (const q of p.questions) out.push(`${d.question}: ${q.vote.title}.`, ...voteLines(q.vote, lang, d.vote, '  '));
  for (const m of p.motions) out.push(...motionLines(m, lang));
  for (const e of p.elections) out.push(...electionLines(e, lang));
  return out;
}
