// Admission: applying (with recommenders), recommendations to give, the primary organisation's
// decision, the committee's confirmation, candidates whose stage is due (full membership,
// extension, refusal).
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import {
  AdmissionDecisionInput,
  AnswerRecommendationInput,
  CreateApplicationInput,
  ExtendCandidacyInput,
  NameRecommenderInput,
  type Application,
  type ApplicationDetail,
  type Candidacy,
} from '../../../contracts/admission.js';
import type { PersonStatus } from '../../../contracts/person.js';
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
import { Chooser, PersonPicker, useBodySearchFn, type Choice } from '../../ui/pickers.js';
import { PersonName } from '../../ui/person.js';
import { useList } from './common.js';
import { Worklist } from '../../ui/Worklist.js';
import { useLabels } from './labels.js';
import type { TranslationKey } from '../../i18n/keys.js';
import { useQuery } from '@tanstack/react-query';

const KEYS = [['admission'], ['persons'], ['history'], ['me-page']];
const RECEIVING = ['primary_organisation', 'shop_cell'];

function ChosenList({ items, onRemove }: { items: Choice[]; onRemove: (id: string) => void }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <ul className="chosen-list" aria-label={t('admission.chosenRecommenders')}>
      {items.map((c) => (
        <li key={c.id}>
          {c.person ? <PersonName person={c.person} /> : c.label}{' '}
          {c.extra && <span className="mono small">{c.extra}</span>}{' '}
          <button
            type="button"
            className="link-button"
            aria-label={t('forms.removeNamed', { name: c.label })}
            onClick={() => onRemove(c.id)}
          >
            {t('forms.remove')}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Apply to a primary organisation (for oneself, or — personId given — on someone's behalf). */
export function ApplyForm(props: { status: PersonStatus; personId?: string; fixedBody?: Choice; title?: string }) {
  const { t } = useTranslation();
  const L = useLabels();
  const bodySearch = useBodySearchFn(RECEIVING);
  const form = useContractForm(CreateApplicationInput, {
    personId: props.personId,
    bodyId: props.fixedBody?.id ?? '',
    target: props.status === 'candidate' ? 'member' : 'candidate',
    appliedOn: today(),
    recommenderIds: [],
  });
  // the chosen organisation and recommenders as shown (their names); the form holds their ids
  const [body, setBody] = useState<Choice | null>(props.fixedBody ?? null);
  const [recs, setRecs] = useState<Choice[]>([]);
  const act = useAct(
    (b: BodyOf<'/api/admission/applications'>) => ok(client.POST('/api/admission/applications', { body: b })),
    KEYS,
  );
  const pickBody = (c: Choice | null) => {
    setBody(c);
    form.setValue('bodyId', c?.id ?? '', { shouldValidate: form.formState.isSubmitted });
  };
  const pickRecs = (next: Choice[]) => {
    setRecs(next);
    form.setValue(
      'recommenderIds',
      next.map((r) => r.id),
      { shouldValidate: form.formState.isSubmitted },
    );
  };
  return (
    <ContractForm
      form={form}
      title={props.title ?? t('admission.applyTitle')}
      submitLabel={t('admission.applySubmit')}
      state={act}
      testId="apply-form"
      done={
        act.data && recs.length < act.data.requiredRecommendations
          ? t('admission.appliedNameMore', { count: act.data.requiredRecommendations - recs.length })
          : t('admission.applied')
      }
      onValid={(input) => act.mutate(input)}
    >
      {body ? (
        <p className="chosen">
          {t('admission.organisation')}: <strong>{body.label}</strong>{' '}
          {!props.fixedBody && (
            <button type="button" className="link-button" onClick={() => pickBody(null)}>
              {t('forms.change')}
            </button>
          )}
        </p>
      ) : (
        <>
          <Chooser
            label={t('admission.organisation')}
            hint={t('admission.organisationHint')}
            queryKey="apply-body"
            search={bodySearch}
            onPick={pickBody}
          />
          {form.formState.errors.bodyId && <p className="field-error small">{t('admission.needBody')}</p>}
        </>
      )}
      <FormSelect
        form={form}
        name="target"
        label={t('admission.target')}
        options={(['candidate', 'member'] as const).map((v) => ({ value: v, label: L.target(v) }))}
      />
      <FormField form={form} name="appliedOn" label={t('admission.appliedOn')} type="date" max={today()} />
      <FormTextArea form={form} name="statement" label={t('admission.statement')} rows={3} optional />
      <PersonPicker
        label={t('admission.recommenders')}
        hint={t('admission.recommendersHint')}
        source={{ kind: 'recommenders', bodyId: body?.id ?? null }}
        exclude={recs.map((r) => r.id)}
        onPick={(c) => pickRecs([...recs, c])}
      />
      <ChosenList items={recs} onRemove={(id) => pickRecs(recs.filter((r) => r.id !== id))} />
    </ContractForm>
  );
}

/**
 * Naming one more recommender while the application collects recommendations: the applicant (or a secretary)
 * who named too few at first, or whose recommender declined.
 */
function NameRecommenderForm({ app }: { app: ApplicationDetail }) {
  const { t } = useTranslation();
  const form = useContractForm(NameRecommenderInput, { recommenderId: '' });
  // the chosen member as shown (their name); the form holds the id
  const [rec, setRec] = useState<Choice | null>(null);
  const act = useAct(
    (b: BodyOf<'/api/admission/applications/{id}/recommenders'>) =>
      ok(client.POST('/api/admission/applications/{id}/recommenders', { params: { path: { id: app.id } }, body: b })),
    [...KEYS, ['admission', 'application', app.id]],
  );
  const pick = (c: Choice | null) => {
    setRec(c);
    form.setValue('recommenderId', c?.id ?? '', { shouldValidate: form.formState.isSubmitted });
  };
  return (
    <ContractForm
      form={form}
      title={t('admission.nameRecommenderTitle')}
      submitLabel={t('admission.nameRecommenderSubmit')}
      state={act}
      testId="name-recommender-form"
      done={t('admission.recommenderNamed')}
      onValid={(input) =>
        act.mutate(input, {
          onSuccess: () => {
            setRec(null);
            form.reset();
          },
        })
      }
    >
      {rec ? (
        <p className="chosen">
          {t('admission.recommender')}: <strong>{rec.label}</strong>{' '}
          <button type="button" className="link-button" onClick={() => pick(null)}>
            {t('forms.change')}
          </button>
        </p>
      ) : (
        <>
          <PersonPicker
            label={t('admission.recommenders')}
            hint={t('admission.recommendersHint')}
            source={{ kind: 'recommenders', bodyId: app.bodyId }}
            exclude={app.recommendations.filter((r) => r.state !== 'declined').map((r) => r.recommenderId)}
            onPick={pick}
          />
          {form.formState.errors.recommenderId && <p className="field-error small">{t('admission.needRecommender')}</p>}
        </>
      )}
    </ContractForm>
  );
}

function ApplicationSummary({ a }: { a: Application }) {
  const { t } = useTranslation();
  const f = useFormat();
  const L = useLabels();
  return (
    <p>
      <strong>{L.target(a.target)}</strong> · {f.name({ name: a.primaryName, nameRu: a.primaryNameRu })} ·{' '}
      {f.date(a.appliedOn)}{' '}
      <span className="badge badge-kind" data-testid="application-state">
        {L.state(a.state)}
      </span>{' '}
      <span className="small">
        {t('admission.recommendationsCount', {
          count: a.requiredRecommendations,
          confirmed: a.confirmedRecommendations,
          required: a.requiredRecommendations,
        })}
      </span>
    </p>
  );
}

function ApplicationRecs({ id }: { id: string }) {
  const { t } = useTranslation();
  const L = useLabels();
  const f = useFormat();
  const q = useQuery({
    queryKey: ['admission', 'application', id],
    queryFn: ({ signal }) => ok(client.GET('/api/admission/applications/{id}', { params: { path: { id } }, signal })),
    retry: false,
  });
  if (!q.data) return null;
  const app = q.data;
  const awaiting = app.recommendations.filter((r) => r.state === 'requested').length;
  const missing = Math.max(0, app.requiredRecommendations - app.confirmedRecommendations - awaiting);
  return (
    <>
      {app.state === 'collecting_recommendations' && (
        <p className="small" data-testid="recommendations-needed">
          {missing > 0
            ? t('admission.recommendersMissing', { count: missing })
            : t('admission.recommendersAwaiting', { count: awaiting })}
        </p>
      )}
      {q.data.recommendations.length > 0 && (
        <ul className="plain-list small" aria-label={t('admission.recommendations')}>
          {q.data.recommendations.map((r) => (
            <li key={r.id}>
              {f.name({ name: r.recommenderName, nameRu: r.recommenderNameRu })} — {L.state(r.state)}
              {r.text ? `: ${r.text}` : ''}
            </li>
          ))}
        </ul>
      )}
      {q.data.decisions.length > 0 && (
        <ul className="plain-list small" aria-label={t('admission.decisions')}>
          {q.data.decisions.map((d) => (
            <li key={d.id}>
              {f.name({ name: d.bodyName, nameRu: d.bodyNameRu })} — {L.outcome(d.outcome)} ({f.date(d.takenOn)})
              {d.votes ? ` · ${t('forms.voteSummary', d.votes)}` : ''}
              {d.reasons ? ` — ${d.reasons}` : ''}
            </li>
          ))}
        </ul>
      )}
      {app.can.nameRecommender && missing > 0 && <NameRecommenderForm app={app} />}
    </>
  );
}

/** The signed-in person's applications (or a person's, on their page) and candidacy. */
export function AdmissionSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const L = useLabels();
  const q = useList(['admission', 'person', personId], (signal) =>
    ok(client.GET('/api/admission/persons/{id}', { params: { path: { id: personId } }, signal })),
  );
  const c = q.data?.candidacy ?? null;
  const apps = q.data?.applications ?? [];
  return (
    <Worklist
      id={`admission-${personId}`}
      testId="admission"
      title={t('admission.title')}
      query={q}
      count={c || apps.length ? undefined : 0}
      empty={t('admission.none')}
    >
      {c && (
        <p data-testid="candidacy">
          {t('admission.candidacy')}: <span className="badge badge-kind">{L.state(c.state)}</span>{' '}
          {t('admission.stage', { from: f.date(c.startedOn), to: f.date(c.endsOn) })}
          {c.extendedMonths > 0 && ` · ${t('admission.extendedBy', { count: c.extendedMonths })}`}
        </p>
      )}
      <ul className="plain-list">
        {apps.map((a) => (
          <li key={a.id} className="case" data-testid="application">
            <ApplicationSummary a={a} />
            <ApplicationRecs id={a.id} />
          </li>
        ))}
      </ul>
    </Worklist>
  );
}

function AnswerRecommendation({ id }: { id: string }) {
  const { t } = useTranslation();
  const form = useContractForm(AnswerRecommendationInput, { text: '', on: today() });
  const act = useAct(
    (b: { confirm: boolean; input: AnswerRecommendationInput }) =>
      ok(
        client.POST(
          b.confirm ? '/api/admission/recommendations/{id}/confirm' : '/api/admission/recommendations/{id}/decline',
          { params: { path: { id } }, body: b.input },
        ),
      ),
    KEYS,
  );
  return (
    <ContractForm
      form={form}
      submitLabel={t('admission.confirmRecommendation')}
      state={act}
      testId="recommendation-form"
      done={t('admission.answered')}
      onValid={(input) => act.mutate({ confirm: true, input })}
    >
      <FormTextArea form={form} name="text" label={t('admission.recommendationText')} rows={4} />
      <FormField form={form} name="on" label={t('forms.date')} type="date" max={today()} optional />
      <div className="act-row">
        <button
          type="button"
          className="button button-secondary"
          disabled={act.isPending}
          aria-busy={act.isPending || undefined}
          onClick={() => void form.handleSubmit((input) => act.mutate({ confirm: false, input }))()}
        >
          {t('admission.declineRecommendation')}
        </button>
      </div>
    </ContractForm>
  );
}

export function MyRecommendations() {
  const { t } = useTranslation();
  const f = useFormat();
  const L = useLabels();
  const q = useList(['admission', 'my-recommendations'], (signal) =>
    ok(client.GET('/api/admission/my/recommendations', { signal })),
  );
  const items = q.data?.items ?? [];
  const open = items.filter((i) => i.recommendation.state === 'requested');
  return (
    <Worklist
      id="my-recs"
      title={t('admission.myRecommendations')}
      query={q}
      count={open.length}
      empty={t('admission.noRecommendations')}
    >
      <ul className="plain-list">
        {items.map(({ recommendation: r, application: a }) => (
          <li key={r.id} className="case" data-testid="recommendation-request">
            <p>
              <strong>{f.name({ name: a.personName, nameRu: a.personNameRu })}</strong> ·{' '}
              {f.name({ name: a.primaryName, nameRu: a.primaryNameRu })} · {L.target(a.target)} ·{' '}
              <span className="badge badge-kind">{L.state(r.state)}</span>
            </p>
            {a.statement && <p className="prose small">{a.statement}</p>}
            {r.can.answer && <AnswerRecommendation id={r.id} />}
          </li>
        ))}
      </ul>
    </Worklist>
  );
}

type Decision = BodyOf<'/api/admission/applications/{id}/decision'>;

function DecideForm(props: { send: (b: Decision) => Promise<unknown>; title: string; submit: string; testId: string }) {
  const { title, submit, testId } = props;
  const form = useContractForm(AdmissionDecisionInput, decisionDefaults());
  const act = useAct(props.send, KEYS);
  return (
    <ContractForm
      form={form}
      title={title}
      submitLabel={submit}
      state={act}
      testId={testId}
      onValid={(input) => act.mutate(input)}
    >
      <FormDecisionFields form={form} />
    </ContractForm>
  );
}

/**
 * Applications awaiting a body's act: the primary organisation's decision (`decide`) or the committee's
 * confirmation (`confirm`). One worklist drawn for either: its list, the state it waits in, and the act.
 */
const AWAITING = {
  decide: {
    key: 'to-decide',
    id: 'wl-applications',
    title: 'worklists.applications',
    empty: 'worklists.noApplications',
    list: '/api/admission/bodies/{id}/applications',
    states: ['ready', 'collecting_recommendations'],
    itemTestId: 'application-item',
    act: '/api/admission/applications/{id}/decision',
    formTitle: 'admission.decideTitle',
    formSubmit: 'admission.decideSubmit',
    formTestId: 'decide-application-form',
  },
  confirm: {
    key: 'to-confirm',
    id: 'wl-confirmations',
    title: 'worklists.confirmations',
    empty: 'worklists.noConfirmations',
    list: '/api/admission/bodies/{id}/confirmations',
    states: ['admitted_by_primary'],
    itemTestId: 'confirmation-item',
    act: '/api/admission/applications/{id}/confirmation',
    formTitle: 'admission.confirmTitle',
    formSubmit: 'admission.confirmSubmit',
    formTestId: 'confirm-application-form',
  },
} as const satisfies Record<
  'decide' | 'confirm',
  {
    key: string;
    id: string;
    title: TranslationKey;
    empty: TranslationKey;
    list: string;
    states: readonly Application['state'][];
    itemTestId: string;
    act: string;
    formTitle: TranslationKey;
    formSubmit: TranslationKey;
    formTestId: string;
  }
>;

function AwaitingApplicationsWorklist({ bodyId, act }: { bodyId: string; act: keyof typeof AWAITING }) {
  const { t } = useTranslation();
  const f = useFormat();
  const w = AWAITING[act];
  const q = useList(['admission', w.key, bodyId], (signal) =>
    ok(client.GET(w.list, { params: { path: { id: bodyId } }, signal })),
  );
  const items = (q.data?.items ?? []).filter((a) => (w.states as readonly string[]).includes(a.state));
  return (
    <Worklist
      id={w.id}
      title={t(w.title)}
      query={q}
      count={items.length}
      empty={t(w.empty)}
      items={items}
      itemKey={(a) => a.id}
      itemClassName="case"
      itemTestId={w.itemTestId}
      render={(a) => (
        <>
          <p>
            <Link to={`/persons/${a.personId}`}>{f.name({ name: a.personName, nameRu: a.personNameRu })}</Link>
          </p>
          <ApplicationSummary a={a} />
          <ApplicationRecs id={a.id} />
          {a.can[act] && (
            <DecideForm
              send={(b) => ok(client.POST(w.act, { params: { path: { id: a.id } }, body: b }))}
              title={t(w.formTitle)}
              submit={t(w.formSubmit)}
              testId={w.formTestId}
            />
          )}
        </>
      )}
    />
  );
}

/** Applications to a primary organisation awaiting its decision. */
export function ApplicationsWorklist({ bodyId }: { bodyId: string }) {
  return <AwaitingApplicationsWorklist bodyId={bodyId} act="decide" />;
}

/** Admissions awaiting a committee's confirmation. */
export function ConfirmationsWorklist({ bodyId }: { bodyId: string }) {
  return <AwaitingApplicationsWorklist bodyId={bodyId} act="confirm" />;
}

function ExtendForm({ c }: { c: Candidacy }) {
  const { t } = useTranslation();
  const form = useContractForm(ExtendCandidacyInput, { ...decisionDefaults(), months: 6 });
  const act = useAct(
    (b: BodyOf<'/api/admission/candidates/{id}/extend'>) =>
      ok(client.POST('/api/admission/candidates/{id}/extend', { params: { path: { id: c.personId } }, body: b })),
    KEYS,
  );
  return (
    <ContractForm
      form={form}
      title={t('admission.extendTitle')}
      submitLabel={t('admission.extendSubmit')}
      state={act}
      onValid={(input) => act.mutate(input)}
    >
      <FormField form={form} name="months" label={t('admission.months')} type="number" min={1} />
      <FormDecisionFields form={form} />
    </ContractForm>
  );
}

/** Candidates whose stage has ended: full membership, extension or refusal. */
export function CandidatesDueWorklist({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const L = useLabels();
  const q = useList(['admission', 'due', bodyId], (signal) =>
    ok(client.GET('/api/admission/bodies/{id}/candidates-due', { params: { path: { id: bodyId } }, signal })),
  );
  const items = q.data?.items ?? [];
  return (
    <Worklist
      id="wl-candidates"
      title={t('worklists.candidates')}
      query={q}
      count={items.length}
      empty={t('worklists.noCandidates')}
      items={items}
      itemKey={(c) => c.id}
      itemClassName="case"
      itemTestId="candidate-item"
      render={(c) => (
        <>
          <p>
            <Link to={`/persons/${c.personId}`}>{f.name({ name: c.personName, nameRu: c.personNameRu })}</Link> ·{' '}
            {f.name({ name: c.bodyName, nameRu: c.bodyNameRu })} ·{' '}
            <span className="badge badge-kind">{L.state(c.state)}</span>{' '}
            {t('admission.stage', { from: f.date(c.startedOn), to: f.date(c.endsOn) })}
          </p>
          <Disclosure label={t('admission.toFull')}>
            <ApplyForm
              status="candidate"
              personId={c.personId}
              fixedBody={{ id: c.bodyId, label: f.name({ name: c.bodyName, nameRu: c.bodyNameRu }) }}
              title={t('admission.toFullTitle')}
            />
          </Disclosure>
          <Disclosure label={t('admission.extend')}>
            <ExtendForm c={c} />
          </Disclosure>
          <Disclosure label={t('admission.refuse')}>
            <DecideForm
              send={(b) =>
                ok(
                  client.POST('/api/admission/candidates/{id}/refuse', {
                    params: { path: { id: c.personId } },
                    body: b,
                  }),
                )
              }
              title={t('admission.refuseTitle')}
              submit={t('admission.refuseSubmit')}
              testId="refuse-form"
            />
          </Disclosure>
        </>
      )}
    />
  );
}
