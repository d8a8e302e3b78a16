// Discipline and appeal: the member's own cases (answer in writing, appeal), the secretary's open
// charges (hearing, decision with penalty), the committee's appeals, penalties, bringing a charge.
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  AnswerInput,
  DecideAppealInput,
  DecideCaseInput,
  EscalateInput,
  HearingInput,
  LodgeAppealInput,
  OpenCaseInput,
  type Appeal,
  type ActKind,
  type DisciplineCase,
  type PenaltyRecord,
} from '../../../contracts/discipline.js';
import { client, ok, type BodyOf } from '../../app/api.js';
import { useFormat } from '../../app/format.js';
import {
  ContractForm,
  Disclosure,
  FormDecisionFields,
  FormField,
  FormSelect,
  FormTextArea,
  decisionDefaults,
  today,
  useAct,
  useContractForm,
} from '../../ui/forms.js';
import { useList, usePenalties } from './common.js';
import { Worklist } from '../../ui/Worklist.js';
import { useLabels } from './labels.js';

const KEYS = [['discipline'], ['appeals'], ['penalties'], ['history'], ['persons']];

function CaseFacts({ c }: { c: DisciplineCase }) {
  const { t } = useTranslation();
  const f = useFormat();
  const L = useLabels();
  return (
    <dl className="facts facts-list">
      <div>
        <dt>{t('discipline.chargedOn')}</dt>
        <dd>{f.date(c.chargedOn)}</dd>
      </div>
      <div>
        <dt>{t('discipline.charge')}</dt>
        <dd className="prose">{c.charge}</dd>
      </div>
      {c.answer && (
        <div>
          <dt>{t('discipline.answer')}</dt>
          <dd className="prose">{c.answer}</dd>
        </div>
      )}
      {c.heardOn && (
        <div>
          <dt>{t('discipline.heardOn')}</dt>
          <dd>
            {f.date(c.heardOn)}
            {c.hearingNotes ? ` — ${c.hearingNotes}` : ''}
          </dd>
        </div>
      )}
      {c.outcome && (
        <div>
          <dt>{t('discipline.decision')}</dt>
          <dd>
            <strong data-testid="case-outcome">{L.penalty(c.outcome)}</strong>
            {c.decidedOn ? ` · ${f.date(c.decidedOn)}` : ''}
            {c.votes
              ? ` · ${t('forms.voteSummary', { for: c.votes.for, against: c.votes.against, abstained: c.votes.abstained })}`
              : ''}
            {c.reasons && <div className="prose">{c.reasons}</div>}
          </dd>
        </div>
      )}
    </dl>
  );
}

function AnswerForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const form = useContractForm(AnswerInput, { answer: '', answeredOn: today() });
  const act = useAct(
    (body: BodyOf<'/api/discipline/cases/{id}/answer'>) =>
      ok(client.POST('/api/discipline/cases/{id}/answer', { params: { path: { id: caseId } }, body })),
    KEYS,
  );
  return (
    <ContractForm
      form={form}
      title={t('discipline.answerTitle')}
      submitLabel={t('discipline.answerSubmit')}
      state={act}
      testId="answer-form"
      onValid={(input) => act.mutate(input)}
    >
      <FormTextArea form={form} name="answer" label={t('discipline.answer')} rows={5} />
      <FormField form={form} name="answeredOn" label={t('forms.date')} type="date" max={today()} optional />
    </ContractForm>
  );
}

function AppealForm({ actId, actKind }: { actId: string; actKind: ActKind }) {
  const { t } = useTranslation();
  const form = useContractForm(LodgeAppealInput, { actKind, actId, reasons: '', lodgedOn: today() });
  const act = useAct((body: BodyOf<'/api/appeals'>) => ok(client.POST('/api/appeals', { body })), KEYS);
  return (
    <ContractForm
      form={form}
      title={t('discipline.appealTitle')}
      submitLabel={t('discipline.appealSubmit')}
      state={act}
      testId="appeal-form"
      onValid={(input) => act.mutate(input)}
    >
      <FormTextArea form={form} name="reasons" label={t('discipline.appealReasons')} rows={4} />
      <FormField form={form} name="lodgedOn" label={t('forms.date')} type="date" max={today()} optional />
    </ContractForm>
  );
}

function EscalateForm({ appealId }: { appealId: string }) {
  const { t } = useTranslation();
  const form = useContractForm(EscalateInput, { reasons: '', lodgedOn: today() });
  const act = useAct(
    (body: BodyOf<'/api/appeals/{id}/escalate'>) =>
      ok(client.POST('/api/appeals/{id}/escalate', { params: { path: { id: appealId } }, body })),
    KEYS,
  );
  return (
    <ContractForm
      form={form}
      title={t('discipline.escalateTitle')}
      submitLabel={t('discipline.escalateSubmit')}
      state={act}
      onValid={(input) => act.mutate(input)}
    >
      <FormTextArea form={form} name="reasons" label={t('discipline.appealReasons')} rows={4} />
      {/* as for the first appeal: one lodged in time may be recorded later, with its date */}
      <FormField form={form} name="lodgedOn" label={t('forms.date')} type="date" max={today()} optional />
    </ContractForm>
  );
}

function AppealLine({ a }: { a: Appeal }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <li data-testid="appeal">
      <strong>{t(`appealLevel.${a.level}`)}</strong> — {f.name({ name: a.bodyName, nameRu: a.bodyNameRu })} ·{' '}
      {f.date(a.lodgedOn)} · <span className="badge">{t(`appealState.${a.state}`)}</span>
      {a.decisionReasons && <div className="prose small">{a.decisionReasons}</div>}
      {a.state === 'pending' && (
        <div className="small muted">{t('discipline.deadlineWas', { date: f.date(a.deadline) })}</div>
      )}
    </li>
  );
}

/** One of my cases: its facts, appeals, and the act open to me now. */
function MyCase({ c }: { c: DisciplineCase }) {
  const { t } = useTranslation();
  const f = useFormat();
  const L = useLabels();
  const detail = useQuery({
    queryKey: ['discipline', 'case', c.id],
    queryFn: ({ signal }) => ok(client.GET('/api/discipline/cases/{id}', { params: { path: { id: c.id } }, signal })),
  });
  const appeals = detail.data?.appeals ?? [];
  const dismissed = appeals.find((a) => a.state === 'dismissed' && a.level === 'higher_body');
  return (
    <li className="case" data-testid="my-case">
      <p>
        <span className="badge badge-kind" data-testid="case-state">
          {L.state(c.state)}
        </span>{' '}
        {f.name({ name: c.primaryName, nameRu: c.primaryNameRu })}
      </p>
      <CaseFacts c={c} />
      {appeals.length > 0 && (
        <ul className="plain-list" aria-label={t('discipline.appeals')}>
          {appeals.map((a) => (
            <AppealLine key={a.id} a={a} />
          ))}
        </ul>
      )}
      {detail.data?.penalty && (
        <p>
          {t('discipline.penalty')}: <PenaltyText p={detail.data.penalty} />
        </p>
      )}
      {c.can.answer && <AnswerForm caseId={c.id} />}
      {c.can.appeal && <AppealForm actId={c.id} actKind="discipline" />}
      {c.can.escalate && dismissed && <EscalateForm appealId={dismissed.id} />}
    </li>
  );
}

/** The reader's discipline cases; `onlyIfAny`: nothing at all when there are none (someone never in the party). */
export function MyCases({ onlyIfAny = false }: { onlyIfAny?: boolean }) {
  const { t } = useTranslation();
  const q = useList(['discipline', 'mine'], (signal) => ok(client.GET('/api/discipline/my-cases', { signal })));
  const items = q.data?.items ?? [];
  if (onlyIfAny && items.length === 0) return null;
  return (
    <Worklist
      id="my-cases"
      title={t('discipline.myCases')}
      query={q}
      count={items.length}
      empty={t('discipline.noCases')}
    >
      <ul className="plain-list">
        {items.map((c) => (
          <MyCase key={c.id} c={c} />
        ))}
      </ul>
    </Worklist>
  );
}

function HearingForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const form = useContractForm(HearingInput, { heardOn: today(), notes: '' });
  const act = useAct(
    (body: BodyOf<'/api/discipline/cases/{id}/hearing'>) =>
      ok(client.POST('/api/discipline/cases/{id}/hearing', { params: { path: { id: caseId } }, body })),
    KEYS,
  );
  return (
    <ContractForm
      form={form}
      title={t('discipline.hearingTitle')}
      submitLabel={t('discipline.hearingSubmit')}
      state={act}
      testId="hearing-form"
      onValid={(input) => act.mutate(input)}
    >
      <FormField form={form} name="heardOn" label={t('discipline.hearingDate')} type="date" max={today()} />
      <FormTextArea form={form} name="notes" label={t('discipline.hearingNotes')} rows={4} />
    </ContractForm>
  );
}

function DecideCaseForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const L = useLabels();
  const penalties = usePenalties();
  const form = useContractForm(DecideCaseInput, { ...decisionDefaults(), outcome: penalties[0] ?? 'warning' });
  const act = useAct(
    (body: BodyOf<'/api/discipline/cases/{id}/decide'>) =>
      ok(client.POST('/api/discipline/cases/{id}/decide', { params: { path: { id: caseId } }, body })),
    KEYS,
  );
  return (
    <ContractForm
      form={form}
      title={t('discipline.decideTitle')}
      submitLabel={t('discipline.decideSubmit')}
      state={act}
      testId="decide-case-form"
      onValid={(input) => act.mutate(input)}
    >
      <FormSelect
        form={form}
        name="outcome"
        label={t('discipline.outcome')}
        options={[
          ...penalties.map((p) => ({ value: p, label: L.penalty(p) })),
          { value: 'acquittal', label: L.penalty('acquittal') },
        ]}
      />
      <FormDecisionFields form={form} />
    </ContractForm>
  );
}

/** The secretary's open charges in a body's subtree. */
export function ChargesWorklist({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const L = useLabels();
  const q = useList(['discipline', 'body', bodyId], (signal) =>
    ok(client.GET('/api/discipline/cases', { params: { query: { bodyId } }, signal })),
  );
  const items = (q.data?.items ?? []).filter((c) => ['charged', 'answered', 'heard'].includes(c.state));
  return (
    <Worklist
      id="wl-charges"
      title={t('worklists.charges')}
      query={q}
      count={items.length}
      empty={t('worklists.noCharges')}
      items={items}
      itemKey={(c) => c.id}
      itemClassName="case"
      itemTestId="charge-item"
      render={(c) => (
        <>
          <p>
            <Link to={`/persons/${c.personId}`}>{f.name({ name: c.personName, nameRu: c.personNameRu })}</Link>{' '}
            <span className="badge badge-kind">{L.state(c.state)}</span>
          </p>
          <CaseFacts c={c} />
          {c.can.hearing && <HearingForm caseId={c.id} />}
          {c.can.decide && <DecideCaseForm caseId={c.id} />}
        </>
      )}
    />
  );
}

function DecideAppealForm({ appealId }: { appealId: string }) {
  const { t } = useTranslation();
  const form = useContractForm(DecideAppealInput, { ...decisionDefaults(), outcome: 'upheld' });
  const act = useAct(
    (body: BodyOf<'/api/appeals/{id}/decide'>) =>
      ok(client.POST('/api/appeals/{id}/decide', { params: { path: { id: appealId } }, body })),
    KEYS,
  );
  return (
    <ContractForm
      form={form}
      title={t('discipline.decideAppealTitle')}
      submitLabel={t('discipline.decideAppealSubmit')}
      state={act}
      testId="decide-appeal-form"
      onValid={(input) => act.mutate(input)}
    >
      <FormSelect
        form={form}
        name="outcome"
        label={t('discipline.appealOutcome')}
        options={[
          { value: 'upheld', label: t('appealState.upheld') },
          { value: 'dismissed', label: t('appealState.dismissed') },
        ]}
      />
      <FormDecisionFields form={form} />
    </ContractForm>
  );
}

/** Appeals awaiting a committee (or the control commission). */
export function AppealsWorklist({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useList(['appeals', bodyId], (signal) =>
    ok(client.GET('/api/appeals', { params: { query: { bodyId } }, signal })),
  );
  const items = (q.data?.items ?? []).filter((a) => a.state === 'pending');
  return (
    <Worklist
      id="wl-appeals"
      title={t('worklists.appeals')}
      query={q}
      count={items.length}
      empty={t('worklists.noAppeals')}
      items={items}
      itemKey={(a) => a.id}
      itemClassName="case"
      itemTestId="appeal-item"
      render={(a) => (
        <>
          <p>
            <Link to={`/persons/${a.personId}`}>{f.name({ name: a.personName, nameRu: a.personNameRu })}</Link> ·{' '}
            <span className="badge badge-kind">{t(`appealLevel.${a.level}`)}</span> · {t(`actKind.${a.actKind}`)} ·{' '}
            {f.date(a.lodgedOn)}
          </p>
          <p className="prose">{a.reasons}</p>
          {a.can.decide && <DecideAppealForm appealId={a.id} />}
        </>
      )}
    />
  );
}

function PenaltyText({ p }: { p: PenaltyRecord }) {
  const { t } = useTranslation();
  const f = useFormat();
  const L = useLabels();
  return (
    <span data-testid="penalty">
      <strong>{L.penalty(p.kind)}</strong> · {t('discipline.imposedOn', { date: f.date(p.imposedOn) })}
      {p.annulledOn ? (
        <span className="badge" data-testid="penalty-annulled">
          {t('discipline.annulledOn', { date: f.date(p.annulledOn) })}
        </span>
      ) : p.liftedOn ? (
        <span className="badge">{t('discipline.liftedOn', { date: f.date(p.liftedOn) })}</span>
      ) : p.active ? (
        p.expiresOn ? (
          <span className="badge badge-warn">{t('discipline.activeUntil', { date: f.date(p.expiresOn) })}</span>
        ) : (
          <span className="badge badge-warn">{t('discipline.active')}</span>
        )
      ) : (
        <span className="badge">{t('discipline.expired')}</span>
      )}
    </span>
  );
}

/** A person's penalties; `onlyIfAny`: nothing at all when there are none (someone never in the party). */
export function PenaltiesSection({ personId, onlyIfAny = false }: { personId: string; onlyIfAny?: boolean }) {
  const { t } = useTranslation();
  const q = useList(['penalties', personId], (signal) =>
    ok(client.GET('/api/persons/{id}/penalties', { params: { path: { id: personId } }, signal })),
  );
  const all = q.data ? [...q.data.active, ...q.data.past] : [];
  if (onlyIfAny && all.length === 0) return null;
  return (
    <Worklist
      id={`penalties-${personId}`}
      testId="penalties"
      title={t('discipline.penalties')}
      query={q}
      count={all.length}
      empty={t('discipline.noPenalties')}
      items={all}
      itemKey={(p) => p.id}
      render={(p) => (
        <>
          <PenaltyText p={p} />
        </>
      )}
    />
  );
}

export function BringChargeForm({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const form = useContractForm(OpenCaseInput, { personId, charge: '', chargedOn: today() });
  const act = useAct(
    (body: BodyOf<'/api/discipline/cases'>) => ok(client.POST('/api/discipline/cases', { body })),
    KEYS,
  );
  return (
    <Disclosure label={t('discipline.bringCharge')}>
      <ContractForm
        form={form}
        submitLabel={t('discipline.bringChargeSubmit')}
        state={act}
        testId="charge-form"
        done={t('discipline.charged')}
        onValid={(input) => act.mutate(input)}
      >
        <FormTextArea form={form} name="charge" label={t('discipline.charge')} rows={4} />
        <FormField form={form} name="chargedOn" label={t('discipline.chargedOn')} type="date" max={today()} />
      </ContractForm>
    </Disclosure>
  );
}
