// Transfers and resignations: deregister/register a member (the card stays), the unregistered
// flags of a body, resigning with reasons, and the organisation's discussion and outcome.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { UnregisteredPage } from '../../../contracts/transfer.js';
import type { Resignation, ResignationPage } from '../../../contracts/resignation.js';
import { api } from '../../app/api.js';
import { useFormat } from '../../app/format.js';
import {
  ActionForm,
  DecisionFields,
  Disclosure,
  Field,
  TextArea,
  decisionInput,
  emptyDecision,
  today,
  useAct,
} from '../../ui/forms.js';
import { Chooser, useBodySearchFn, type Choice } from '../../ui/pickers.js';
import { Section, useList } from './common.js';
import { paths } from './endpoints.js';
import { useLabels } from './labels.js';

const KEYS = [['transfers'], ['persons'], ['history'], ['bodies'], ['resignations']];
const RECEIVING = ['primary_organisation', 'shop_cell', 'party_group'];

function Chosen({ c, onClear }: { c: Choice; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <p className="chosen">
      <strong>{c.label}</strong> {c.extra && <span className="badge badge-kind">{c.extra}</span>}{' '}
      <button type="button" className="link-button" onClick={onClear}>
        {t('forms.change')}
      </button>
    </p>
  );
}

/** Transfer a person: deregister here, register there, or both at once. */
export function TransferForms({ personId, registered }: { personId: string; registered: boolean }) {
  const { t } = useTranslation();
  const search = useBodySearchFn(RECEIVING);
  const [on, setOn] = useState(today());
  const [reason, setReason] = useState('');
  const [body, setBody] = useState<Choice | null>(null);
  const dereg = useAct((b: unknown) => api(paths.transfers.deregister, { method: 'POST', body: b }), KEYS);
  const move = useAct(
    (b: { direct: boolean; input: unknown }) =>
      api(b.direct ? paths.transfers.direct : paths.transfers.register, { method: 'POST', body: b.input }),
    KEYS,
  );
  return (
    <Disclosure label={t('transfer.title')}>
      <ActionForm
        title={registered ? t('transfer.moveTitle') : t('transfer.registerTitle')}
        submitLabel={registered ? t('transfer.moveSubmit') : t('transfer.registerSubmit')}
        state={move}
        testId="transfer-form"
        onSubmit={() => {
          if (!body) return t('transfer.needBody');
          move.mutate({
            direct: registered,
            input: { personId, bodyId: body.id, on, ...(reason.trim() ? { reason: reason.trim() } : {}) },
          });
        }}
      >
        {body ? (
          <Chosen c={body} onClear={() => setBody(null)} />
        ) : (
          <Chooser label={t('transfer.toBody')} queryKey="transfer-body" search={search} onPick={setBody} />
        )}
        <Field label={t('forms.date')} type="date" value={on} onChange={setOn} max={today()} />
        <TextArea label={t('transfer.reason')} value={reason} onChange={setReason} rows={2} />
      </ActionForm>
      {registered && (
        <ActionForm
          title={t('transfer.deregisterTitle')}
          submitLabel={t('transfer.deregisterSubmit')}
          state={dereg}
          secondary
          onSubmit={() => {
            dereg.mutate({ personId, on, ...(reason.trim() ? { reason: reason.trim() } : {}) });
          }}
        />
      )}
    </Disclosure>
  );
}

export function UnregisteredWorklist({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useList<UnregisteredPage>(['transfers', 'unregistered', bodyId], paths.transfers.unregistered(bodyId));
  const items = q.data?.items ?? [];
  return (
    <Section
      id="wl-unregistered"
      title={t('worklists.unregistered')}
      query={q}
      count={q.data?.total}
      empty={t('worklists.noUnregistered')}
    >
      {q.data && (
        <p className="small muted">
          {t('transfer.limitNote', { count: q.data.limitMonths, limit: q.data.limitMonths })}
        </p>
      )}
      <ul className="plain-list">
        {items.map((u) => (
          <li key={u.personId}>
            <Link to={`/persons/${u.personId}`}>
              {f.lang === 'ru' && u.nameRu ? u.nameRu : `${u.familyName} ${u.givenName}`}
            </Link>{' '}
            ·{' '}
            {t('transfer.unregisteredSince', {
              date: f.date(u.deregisteredOn),
              count: u.monthsUnregistered,
              months: f.number(u.monthsUnregistered),
            })}{' '}
            · {f.name({ name: u.lastBodyName, nameRu: u.lastBodyNameRu })}
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function ResignForm() {
  const { t } = useTranslation();
  const [reasons, setReasons] = useState('');
  const [on, setOn] = useState(today());
  const act = useAct((b: unknown) => api(paths.resignations.submit, { method: 'POST', body: b }), KEYS);
  return (
    <Disclosure label={t('resignation.resign')}>
      <ActionForm
        title={t('resignation.title')}
        submitLabel={t('resignation.submit')}
        state={act}
        testId="resign-form"
        done={t('resignation.submitted')}
        onSubmit={() => {
          if (!reasons.trim()) return t('forms.needReasons');
          act.mutate({ reasons, submittedOn: on });
        }}
      >
        <p className="small muted">{t('resignation.verbatim')}</p>
        <TextArea label={t('resignation.reasons')} value={reasons} onChange={setReasons} rows={6} />
        <Field label={t('forms.date')} type="date" value={on} onChange={setOn} max={today()} />
      </ActionForm>
    </Disclosure>
  );
}

function ResignationItem({ r }: { r: Resignation }) {
  const { t } = useTranslation();
  const f = useFormat();
  const L = useLabels();
  const [discussion, setDiscussion] = useState('');
  const [on, setOn] = useState(today());
  const [d, setD] = useState(emptyDecision());
  const discuss = useAct((b: unknown) => api(paths.resignations.discuss(r.id), { method: 'POST', body: b }), KEYS);
  const decide = useAct((b: unknown) => api(paths.resignations.decide(r.id), { method: 'POST', body: b }), KEYS);
  return (
    <li className="case" data-testid="resignation-item">
      <p>
        <Link to={`/persons/${r.personId}`}>{f.name({ name: r.personName, nameRu: r.personNameRu })}</Link> ·{' '}
        {f.date(r.submittedOn)} <span className="badge badge-kind">{L.state(r.state)}</span>
      </p>
      <blockquote className="prose">{r.reasons}</blockquote>
      {r.discussion && (
        <p className="prose">
          <strong>{t('resignation.discussion')}:</strong> {r.discussion}
        </p>
      )}
      {r.can.discuss && (
        <ActionForm
          title={t('resignation.discussTitle')}
          submitLabel={t('resignation.discussSubmit')}
          state={discuss}
          onSubmit={() => {
            if (!discussion.trim()) return t('resignation.needDiscussion');
            discuss.mutate({ discussedOn: on, discussion });
          }}
        >
          <TextArea label={t('resignation.discussion')} value={discussion} onChange={setDiscussion} rows={4} />
          <Field label={t('forms.date')} type="date" value={on} onChange={setOn} max={today()} />
        </ActionForm>
      )}
      {r.can.accept && (
        <ActionForm
          title={t('resignation.acceptTitle')}
          submitLabel={t('resignation.acceptSubmit')}
          state={decide}
          onSubmit={() => {
            const x = decisionInput(d, t);
            if ('problem' in x) return x.problem;
            decide.mutate(x.input);
          }}
        >
          <DecisionFields value={d} onChange={setD} />
        </ActionForm>
      )}
    </li>
  );
}

export function ResignationsWorklist({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const q = useList<ResignationPage>(['resignations', bodyId], paths.resignations.forBody(bodyId));
  const items = q.data?.items ?? [];
  return (
    <Section
      id="wl-resignations"
      title={t('worklists.resignations')}
      query={q}
      count={q.data?.total}
      empty={t('worklists.noResignations')}
    >
      <ul className="plain-list">
        {items.map((r) => (
          <ResignationItem key={r.id} r={r} />
        ))}
      </ul>
    </Section>
  );
}
