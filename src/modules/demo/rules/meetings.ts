// Sealed past meetings of the demo (pure, fixed): a shop-cell meeting, a session of the bureau and a general
// assembly of the Red Putilovite organisation in March 1927, with their agenda, speakers, verbatim transcript in
// Russian (interjections from the floor, laughter, applause), question notes — most answered, one left
// unanswered in the record — and decisions. People are named by role keys the loader resolves:
// 'secretary' (the organisation's secretary), 'veteran1'..'veteran3', 'member' (putilov.member), 'm0'..'m7'
// (rank-and-file members), 'bureau1'..'bureau4' (members of the bureau), 'cellSecretary', 'cell0'..'cell2'.
import type {
  FloorKind,
  MeetingKind,
  MeetingRoleName,
  NoteStatus,
  TranscriptKind,
} from '../../../contracts/assembly.js';

export interface DemoMeetingPlan {
  key: 'cell' | 'bureau' | 'assembly';
  kind: MeetingKind;
  /** Convening body: the primary organisation, its bureau, or one of its shop cells. */
  body: 'po' | 'bureau' | 'cell';
  /** Entitled: the members and candidates registered in the body's subtree, or the bureau's office holders. */
  entitled: 'subtree' | 'offices';
  /** Per cent of the entitled who came (chosen by a hash of the person's id: deterministic). */
  presentPercent: number;
  title: string;
  place: string;
  startsAt: string;
  openedAt: string;
  closedAt: string;
  roles: { who: string; role: MeetingRoleName; how: 'elected' | 'appointed' }[];
  agenda: { title: string; reporter: string | null }[];
  /** Who took the floor, per item (1-based), in order. */
  floor: { item: number; who: string; kind: FloorKind }[];
  /**
   * The verbatim record. `who` names the speaker (labelled 'Тов. <surname>', the chair 'Председатель'); `label`
   * overrides it ('Голос с места'); a remark has neither. `answers` marks the entry answering note n (0-based).
   */
  transcript: {
    item: number | null;
    kind: TranscriptKind;
    who?: string;
    label?: string;
    text: string;
    answers?: number;
  }[];
  notes: { item: number; text: string; signedBy: string | null; status: NoteStatus }[];
  /** Votes: `for` is the rest of the voting participants present. */
  decisions: { item: number; outcome: string; against: number; abstained: number }[];
}

export const DEMO_MEETINGS: DemoMeetingPlan[] = [
  {
    key: 'cell',
    kind: 'shop_cell_meeting',
    body: 'cell',
    entitled: 'subtree',
    presentPercent: 78,
    title: 'Meeting of the steel foundry cell',
    place: 'Красный уголок сталелитейного цеха',
    startsAt: '1927-03-02T15:30:00Z',
    openedAt: '1927-03-02T15:40:00Z',
    closedAt: '1927-03-02T17:05:00Z',
    roles: [
      { who: 'cellSecretary', role: 'chair', how: 'elected' },
      { who: 'cell0', role: 'secretary', how: 'elected' },
    ],
    agenda: [
      { title: 'О простоях и браке в цехе', reporter: 'cellSecretary' },
      { title: 'О подготовке к общезаводскому собранию', reporter: null },
    ],
    floor: [
      { item: 1, who: 'cellSecretary', kind: 'report' },
      { item: 1, who: 'cell1', kind: 'speech' },
      { item: 1, who: 'cell2', kind: 'speech' },
    ],
    transcript: [
      { item: 1, kind: 'chair', who: 'cellSecretary', text: 'Товарищи, начинаем. На повестке два вопроса.' },
      {
        item: 1,
        kind: 'speech',
        who: 'cellSecretary',
        text: 'За февраль брак по отливкам — девять процентов. Формовочной земли нет по три дня, вагранка стоит, а люди сидят без заработка.',
      },
      { item: 1, kind: 'interjection', label: 'Голос с места', text: 'А мастер говорит — сами виноваты!' },
      {
        item: 1,
        kind: 'speech',
        who: 'cell1',
        text: 'Виноват не рабочий, а снабжение. Предлагаю записать это прямо и передать в бюро коллектива.',
      },
      { item: 1, kind: 'remark', text: '(Оживление в зале)' },
      {
        item: 1,
        kind: 'speech',
        who: 'cell2',
        text: 'И ещё: опоки старые, половина треснутые. Пусть дирекция ответит на общем собрании.',
      },
      {
        item: 1,
        kind: 'note_answer',
        who: 'cellSecretary',
        text: 'Записка: «Будут ли платить за простой не по вине рабочего?» Ответ: по колдоговору — две трети тарифа, фабзавком проверит каждый случай.',
        answers: 0,
      },
      { item: 2, kind: 'chair', who: 'cellSecretary', text: 'Вопросы исчерпаны. Собрание закрыто.' },
    ],
    notes: [{ item: 1, text: 'Будут ли платить за простой не по вине рабочего?', signedBy: null, status: 'answered' }],
    decisions: [
      {
        item: 1,
        outcome:
          'Признать простои следствием плохого снабжения; просить бюро коллектива поставить вопрос на общем собрании',
        against: 0,
        abstained: 2,
      },
    ],
  },
  {
    key: 'bureau',
    kind: 'bureau_session',
    body: 'bureau',
    entitled: 'offices',
    presentPercent: 90,
    title: 'Session of the bureau of the Red Putilovite organisation',
    place: 'Партком завода, комната 12',
    startsAt: '1927-03-09T16:00:00Z',
    openedAt: '1927-03-09T16:05:00Z',
    closedAt: '1927-03-09T18:20:00Z',
    roles: [
      { who: 'secretary', role: 'chair', how: 'appointed' },
      { who: 'bureau1', role: 'secretary', how: 'appointed' },
    ],
    agenda: [
      { title: 'О подготовке общего собрания 14 марта', reporter: 'secretary' },
      { title: 'О приёме кандидатов в члены партии', reporter: 'bureau2' },
    ],
    floor: [
      { item: 1, who: 'secretary', kind: 'report' },
      { item: 1, who: 'bureau3', kind: 'speech' },
      { item: 2, who: 'bureau2', kind: 'report' },
      { item: 2, who: 'bureau4', kind: 'speech' },
    ],
    transcript: [
      {
        item: 1,
        kind: 'speech',
        who: 'secretary',
        text: 'Собрание назначаем на 14-е в клубе. Доклад о контрольных цифрах; сталелитейщики просят вопрос о простоях — дадим им слово.',
      },
      {
        item: 1,
        kind: 'speech',
        who: 'bureau3',
        text: 'Надо, чтобы пришли не одни активисты. Объявить по цехам, в обеденный перерыв.',
      },
      {
        item: 2,
        kind: 'speech',
        who: 'bureau2',
        text: 'Кандидатский стаж прошли четырнадцать товарищей, из них одиннадцать — рабочие от станка. Рекомендации проверены.',
      },
      {
        item: 2,
        kind: 'speech',
        who: 'bureau4',
        text: 'Предлагаю внести список на общее собрание целиком, но по каждому дать слово цеху.',
      },
    ],
    notes: [],
    decisions: [
      { item: 1, outcome: 'Созвать общее собрание 14 марта 1927 г.; утвердить повестку дня', against: 0, abstained: 0 },
      {
        item: 2,
        outcome: 'Внести на общее собрание список 14 кандидатов для приёма в члены партии',
        against: 0,
        abstained: 1,
      },
    ],
  },
  {
    key: 'assembly',
    kind: 'general_assembly',
    body: 'po',
    entitled: 'subtree',
    presentPercent: 63,
    title: 'General assembly of the Red Putilovite organisation',
    place: 'Клуб завода «Красный путиловец», большой зал',
    startsAt: '1927-03-14T15:00:00Z',
    openedAt: '1927-03-14T15:20:00Z',
    closedAt: '1927-03-14T19:45:00Z',
    roles: [
      { who: 'secretary', role: 'chair', how: 'elected' },
      { who: 'secretary', role: 'presidium', how: 'elected' },
      { who: 'veteran1', role: 'presidium', how: 'elected' },
      { who: 'bureau1', role: 'presidium', how: 'elected' },
      { who: 'm0', role: 'presidium', how: 'elected' },
      { who: 'veteran3', role: 'secretary', how: 'elected' },
    ],
    agenda: [
      { title: 'О контрольных цифрах завода на 1927 год и рационализации производства', reporter: 'bureau1' },
      { title: 'О приёме кандидатов в члены партии', reporter: 'veteran1' },
      { title: 'Текущие дела', reporter: null },
    ],
    floor: [
      { item: 1, who: 'bureau1', kind: 'report' },
      { item: 1, who: 'm1', kind: 'speech' },
      { item: 1, who: 'm2', kind: 'speech' },
      { item: 1, who: 'm3', kind: 'point_of_order' },
      { item: 1, who: 'm4', kind: 'speech' },
      { item: 2, who: 'veteran1', kind: 'report' },
      { item: 2, who: 'veteran2', kind: 'speech' },
      { item: 2, who: 'member', kind: 'speech' },
    ],
    transcript: [
      {
        item: 1,
        kind: 'chair',
        who: 'secretary',
        text: 'Товарищи, кворум есть. Собрание объявляю открытым. Слово для доклада по первому вопросу.',
      },
      {
        item: 1,
        kind: 'speech',
        who: 'bureau1',
        text: 'Товарищи! В этом году завод должен дать стране больше тракторов, чем за два прошлых года вместе. Без рационализации, без борьбы с простоями и браком этого не сделать.',
      },
      { item: 1, kind: 'interjection', label: 'Голос с места', text: 'А расценки опять срежут?' },
      {
        item: 1,
        kind: 'speech',
        who: 'bureau1',
        text: 'Расценки пересматривает комиссия вместе с фабзавкомом, и за спиной рабочих ничего решаться не будет.',
      },
      { item: 1, kind: 'remark', text: '(Аплодисменты)' },
      {
        item: 1,
        kind: 'speech',
        who: 'm1',
        text: 'В сталелитейном цехе третью неделю нет формовочной земли. Люди простаивают, а виноватых нет. Ячейка это записала — пусть дирекция ответит.',
      },
      { item: 1, kind: 'interjection', label: 'Голос с места', text: 'Правильно!' },
      {
        item: 1,
        kind: 'speech',
        who: 'm2',
        text: 'Рационализаторы несут предложения, а в бюро изобретений они лежат по полгода. Моё лежит с октября — наверное, созревает.',
      },
      { item: 1, kind: 'remark', text: '(Смех)' },
      {
        item: 1,
        kind: 'speech',
        who: 'm3',
        text: 'По порядку ведения: прошу ограничить прения десятью минутами, записалось ещё двадцать два товарища.',
      },
      {
        item: 1,
        kind: 'speech',
        who: 'm4',
        text: 'Оппозиция говорит, что рабочий устал от нагрузок. Рабочий устал от бесхозяйственности, а не от социализма.',
      },
      { item: 1, kind: 'remark', text: '(Аплодисменты)' },
      {
        item: 1,
        kind: 'note_answer',
        who: 'bureau1',
        text: 'Записка: «Почему хлеб в заводской лавке дороже, чем в кооперативе на Нарвской?» Ответ: лавка берёт хлеб у того же треста; разницу проверит контрольная комиссия, результат объявим в цехах.',
        answers: 0,
      },
      {
        item: 1,
        kind: 'note_answer',
        who: 'bureau1',
        text: 'Записка: «Правда ли, что с апреля в тракторном цехе снизят расценки?» Ответ: нет. Пересмотр — только после ввода новых станков и только через расценочную комиссию.',
        answers: 1,
      },
      {
        item: 2,
        kind: 'speech',
        who: 'veteran1',
        text: 'Бюро вносит четырнадцать товарищей. Все прошли стаж, все — на производстве. Рекомендующие здесь, в зале.',
      },
      { item: 2, kind: 'interjection', label: 'Голос с места', text: 'А служащих почему нет в списке?' },
      {
        item: 2,
        kind: 'speech',
        who: 'veteran2',
        text: 'И служащих примем, если проверены на работе. Но рекомендация — дело ответственное: я за каждого своего отвечаю головой.',
      },
      {
        item: 2,
        kind: 'speech',
        who: 'member',
        text: 'Я сам в прошлом году кандидатом был. Скажу одно: учить молодых надо не на собраниях, а у станка.',
      },
      { item: 3, kind: 'chair', who: 'secretary', text: 'Повестка дня исчерпана. Собрание объявляю закрытым.' },
      { item: 3, kind: 'remark', text: '(Все встают и поют «Интернационал»)' },
    ],
    notes: [
      {
        item: 1,
        text: 'Почему хлеб в заводской лавке дороже, чем в кооперативе на Нарвской?',
        signedBy: null,
        status: 'answered',
      },
      {
        item: 1,
        text: 'Правда ли, что с апреля в тракторном цехе снизят расценки?',
        signedBy: null,
        status: 'answered',
      },
      {
        item: 1,
        text: 'Почему на собраниях выступают одни и те же товарищи, а рабочего от станка не слышно? Боятся.',
        signedBy: null,
        status: 'new',
      },
      {
        item: 2,
        text: 'Прошу разъяснить, когда при заводе откроют ясли: работницам некуда девать детей.',
        signedBy: 'member',
        status: 'new',
      },
    ],
    decisions: [
      {
        item: 1,
        outcome:
          'Одобрить контрольные цифры завода на 1927 год; поручить бюро проверить простои в сталелитейном цехе и доложить собранию',
        against: 12,
        abstained: 31,
      },
      { item: 2, outcome: 'Принять в члены ВКП(б) 14 товарищей по списку бюро', against: 3, abstained: 17 },
    ],
  },
];

// --- rows -----------------------------------------------------------------------------------------------------

export interface DemoPerson {
  id: string;
  familyName: string;
  nameRu: string | null;
}

export interface DemoMeetingRows {
  meeting: {
    id: string;
    organisationId: string;
    bodyId: string;
    kind: MeetingKind;
    title: string;
    place: string;
    startsAt: string;
    openedAt: string;
    closedAt: string;
    hallCode: string;
    convenedBy: string | null;
  };
  items: { id: string; position: number; title: string; reporterPersonId: string | null; start: string; end: string }[];
  roles: { personId: string; role: MeetingRoleName; how: 'elected' | 'appointed' }[];
  floor: {
    id: string;
    itemId: string;
    personId: string;
    kind: FloorKind;
    position: number;
    limitSeconds: number;
    start: string;
    end: string;
  }[];
  transcript: {
    id: string;
    itemId: string | null;
    seq: number;
    kind: TranscriptKind;
    personId: string | null;
    label: string;
    text: string;
    at: string;
  }[];
  notes: {
    id: string;
    itemId: string | null;
    text: string;
    tokenHash: string | null;
    signedBy: string | null;
    minute: string;
    status: NoteStatus;
    answer: string | null;
    answeredAt: string | null;
    answerEntryId: string | null;
  }[];
}

const LIMITS: Record<FloorKind, number> = { report: 1800, speech: 600, point_of_order: 180, reply: 300 };

/** 'Тов. Киров' from 'Киров Сергей Миронович' (or the English family name). */
function comrade(p: DemoPerson): string {
  return `Тов. ${p.nameRu?.split(' ')[0] ?? p.familyName}`;
}

/**
 * The rows of one planned meeting for the people found in the demo, the decisions to record and who must be
 * present (everyone who speaks or holds a role). `newId` gives fresh ids; `hash` is SHA-256 in hex (a spent
 * token's hash stands in for each anonymous note).
 */
export function demoMeetingRows(
  plan: DemoMeetingPlan,
  ctx: {
    organisationId: string;
    bodyId: string;
    people: Record<string, DemoPerson>;
    newId: () => string;
    hash: (s: string) => string;
  },
): {
  rows: DemoMeetingRows;
  decisions: { itemId: string; outcome: string; against: number; abstained: number }[];
  mustAttend: string[];
} {
  const who = (key: string): DemoPerson => {
    const p = ctx.people[key];
    if (!p) throw new Error(`demo meeting ${plan.key}: nobody for '${key}'`);
    return p;
  };
  const meetingId = ctx.newId();
  const t0 = Date.parse(plan.openedAt);
  const span = Date.parse(plan.closedAt) - t0;
  const at = (fraction: number) => new Date(t0 + Math.round(span * fraction)).toISOString();
  const n = plan.agenda.length;
  const items = plan.agenda.map((a, i) => ({
    id: ctx.newId(),
    position: i + 1,
    title: a.title,
    reporterPersonId: a.reporter ? who(a.reporter).id : null,
    start: at(i / n),
    end: at((i + 1) / n),
  }));
  const itemId = (pos: number | null) => (pos === null ? null : items[pos - 1]!.id);
  const floor = plan.floor.map((f, k) => {
    const same = plan.floor.filter((x) => x.item === f.item);
    const idx = same.indexOf(f);
    const from = (f.item - 1) / n + (idx / same.length) * (1 / n);
    return {
      id: ctx.newId(),
      itemId: items[f.item - 1]!.id,
      personId: who(f.who).id,
      kind: f.kind,
      position: k + 1,
      limitSeconds: LIMITS[f.kind],
      start: at(from),
      end: at(from + 0.9 / n / same.length),
    };
  });
  const transcript = plan.transcript.map((e, k) => {
    const person = e.who ? who(e.who) : null;
    const label = e.label ?? (e.kind === 'chair' ? 'Председатель' : person ? comrade(person) : '');
    return {
      id: ctx.newId(),
      itemId: itemId(e.item),
      seq: k + 1,
      kind: e.kind,
      personId: e.kind === 'interjection' || e.kind === 'remark' ? null : (person?.id ?? null),
      label,
      text: e.text,
      at: at((k + 0.5) / plan.transcript.length),
    };
  });
  const notes = plan.notes.map((note, k) => {
    const k2 = plan.transcript.findIndex((e) => e.answers === k);
    const entry = k2 >= 0 ? transcript[k2]! : null;
    const answer = entry ? (entry.text.split('Ответ: ')[1] ?? entry.text) : null;
    const received = new Date(Date.parse(at((k + 0.2) / (plan.notes.length + 1))));
    received.setUTCSeconds(0, 0);
    return {
      id: ctx.newId(),
      itemId: itemId(note.item),
      text: note.text,
      tokenHash: note.signedBy ? null : ctx.hash(`antaeus-demo-note:${meetingId}:${k}`),
      signedBy: note.signedBy ? who(note.signedBy).id : null,
      minute: received.toISOString(),
      status: note.status,
      answer: note.status === 'answered' ? answer : null,
      answeredAt: note.status === 'answered' && entry ? entry.at : null,
      answerEntryId: note.status === 'answered' && entry ? entry.id : null,
    };
  });
  const mustAttend = new Set<string>([
    ...plan.roles.map((r) => who(r.who).id),
    ...floor.map((f) => f.personId),
    ...notes.flatMap((x) => (x.signedBy ? [x.signedBy] : [])),
  ]);
  return {
    rows: {
      meeting: {
        id: meetingId,
        organisationId: ctx.organisationId,
        bodyId: ctx.bodyId,
        kind: plan.kind,
        title: plan.title,
        place: plan.place,
        startsAt: plan.startsAt,
        openedAt: plan.openedAt,
        closedAt: plan.closedAt,
        hallCode: `KP${plan.key.slice(0, 3).toUpperCase()}${plan.startsAt.slice(8, 10)}27`.replace(/[01IO]/g, 'X'),
        convenedBy: ctx.people.secretary?.id ?? null,
      },
      items,
      roles: plan.roles.map((r) => ({ personId: who(r.who).id, role: r.role, how: r.how })),
      floor,
      transcript,
      notes,
    },
    decisions: plan.decisions.map((d) => ({ itemId: items[d.item - 1]!.id, ...d })),
    mustAttend: [...mustAttend],
  };
}
