// Transfers and resignations: deregister/register a member (the card stays), the unregistered
// flags of a body, resigning with reasons, and the organisation's discussion and outcome.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import {
  DecideResignationInput,
  DiscussResignationInput,
  SubmitResignationInput,
  type Resignation,
} from '../../../contracts/resignation.js';
import { DeregisterInput, RegisterInput } from '../../../contracts/transfer.js';
import { client, ok, type BodyOf } from '../../app/api.js';
import { useFormat } from '../../app/format.js';
import {
  ActionForm,
  ContractForm,
  Disclosure,
  FormDecisionFields,
  FormField,
  FormTextArea,
  decisionDefaults,
  today,
  useAct,
  useContractForm,
} from '../../ui/forms.js';
import { Chooser, useBodySearchFn, type Choice } from '../../ui/pickers.js';
import { useList } from './common.js';
import { Worklist } from '../../ui/Worklist.js';
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
  const form = useContractForm(RegisterInput, { personId, bodyId: '', on: today() });
  const [body, setBody] = useState<Choice | null>(null);
  const dereg = useAct(
    (b: BodyOf<'/api/transfers/deregister'>) => ok(client.POST('/api/transfers/deregister', { body: b })),
    KEYS,
  );
  const move = useAct(
    (b: { direct: boolean; input: BodyOf<'/api/transfers/register'> & BodyOf<'/api/transfers/direct'> }) =>
      b.direct
        ? ok(client.POST('/api/transfers/direct', { body: b.input }))
        : ok(client.POST('/api/transfers/register', { body: b.input })),
    KEYS,
  );
  const pick = (c: Choice | null) => {
    setBody(c);
    form.setValue('bodyId', c?.id ?? '', { shouldValidate: form.formState.isSubmitted });
  };
  const noBody = !!form.formState.errors.bodyId;
  return (
    <Disclosure label={t('transfer.title')}>
      <ContractForm
        form={form}
        title={registered ? t('transfer.moveTitle') : t('transfer.registerTitle')}
        submitLabel={registered ? t('transfer.moveSubmit') : t('transfer.registerSubmit')}
        state={move}
        testId="transfer-form"
        onValid={(input) => move.mutate({ direct: registered, input })}
      >
        {body ? (
          <Chosen c={body} onClear={() => pick(null)} />
        ) : (
          <>
            <Chooser label={t('transfer.toBody')} queryKey="transfer-body" search={search} onPick={pick} />
            {noBody && <p className="field-error small">{t('transfer.needBody')}</p>}
          </>
        )}
        <FormField form={form} name="on" label={t('forms.date')} type="date" max={today()} />
        <FormTextArea form={form} name="reason" label={t('transfer.reason')} rows={2} optional />
      </ContractForm>
      {registered && (
        <ActionForm
          title={t('transfer.deregisterTitle')}
          submitLabel={t('transfer.deregisterSubmit')}
          state={dereg}
          secondary
          onSubmit={() => {
            // the date and reason above, checked by the deregistration's own contract
            const { on, reason } = form.getValues();
            const input = DeregisterInput.safeParse({ personId, on, reason });
            if (!input.success) return t('forms.checkFields', { count: input.error.issues.length });
            dereg.mutate(input.data);
          }}
        />
      )}
    </Disclosure>
  );
}

export function UnregisteredWorklist({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useList(['transfers', 'unregistered', bodyId], (signal) =>
    ok(client.GET('/api/transfers/unregistered', { params: { query: { bodyId, limit: 200 } }, signal })),
  );
  const items = q.data?.items ?? [];
  return (
    <Worklist
      id="wl-unregistered"
      title={t('worklists.unregistered')}
      query={q}
      count={q.data?.total}
      empty={t('worklists.noUnregistered')}
      before={
        q.data && (
          <p className="small muted">
            {t('transfer.limitNote', { count: q.data.limitMonths, limit: q.data.limitMonths })}
          </p>
        )
      }
      items={items}
      itemKey={(u) => u.personId}
      render={(u) => (
        <>
          <Link to={`/persons/${u.personId}`}>{f.person(u)}</Link> ·{' '}
          {t('transfer.unregisteredSince', {
            date: f.date(u.deregisteredOn),
            count: u.monthsUnregistered,
            months: f.number(u.monthsUnregistered),
          })}{' '}
          · {f.name({ name: u.lastBodyName, nameRu: u.lastBodyNameRu })}
        </>
      )}
    />
  );
}

export function ResignForm() {
  const { t } = useTranslation();
  const form = useContractForm(SubmitResignationInput, { reasons: '', submittedOn: today() });
  const act = useAct((b: BodyOf<'/api/resignations'>) => ok(client.POST('/api/resignations', { body: b })), KEYS);
  return (
    <Disclosure label={t('resignation.resign')}>
      <ContractForm
        form={form}
        title={t('resignation.title')}
        submitLabel={t('resignation.submit')}
        state={act}
        testId="resign-form"
        done={t('resignation.submitted')}
        onValid={(input) => act.mutate(input)}
      >
        <p className="small muted">{t('resignation.verbatim')}</p>
        <FormTextArea form={form} name="reasons" label={t('resignation.reasons')} rows={6} />
        <FormField form={form} name="submittedOn" label={t('forms.date')} type="date" max={today()} />
      </ContractForm>
    </Disclosure>
  );
}

function ResignationItem({ r }: { r: Resignation }) {
  const { t } = useTranslation();
  const f = useFormat();
  const L = useLabels();
  const discussForm = useContractForm(DiscussResignationInput, { discussion: '', discussedOn: today() });
  const decideForm = useContractForm(DecideResignationInput, decisionDefaults());
  const discuss = useAct(
    (b: BodyOf<'/api/resignations/{id}/discussion'>) =>
      ok(client.POST('/api/resignations/{id}/discussion', { params: { path: { id: r.id } }, body: b })),
    KEYS,
  );
  const decide = useAct(
    (b: BodyOf<'/api/resignations/{id}/acceptance'>) =>
      ok(client.POST('/api/resignations/{id}/acceptance', { params: { path: { id: r.id } }, body: b })),
    KEYS,
  );
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
        <ContractForm
          form={discussForm}
          title={t('resignation.discussTitle')}
          submitLabel={t('resignation.discussSubmit')}
          state={discuss}
          onValid={(input) => discuss.mutate(input)}
        >
          <FormTextArea form={discussForm} name="discussion" label={t('resignation.discussion')} rows={4} />
          <FormField form={discussForm} name="discussedOn" label={t('forms.date')} type="date" max={today()} />
        </ContractForm>
      )}
      {r.can.accept && (
        <ContractForm
          form={decideForm}
          title={t('resignation.acceptTitle')}
          submitLabel={t('resignation.acceptSubmit')}
          state={decide}
          onValid={(input) => decide.mutate(input)}
        >
          <FormDecisionFields form={decideForm} />
        </ContractForm>
      )}
    </li>
  );
}

export function ResignationsWorklist({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const q = useList(['resignations', bodyId], (signal) =>
    ok(client.GET('/api/resignations', { params: { query: { bodyId, limit: 200 } }, signal })),
  );
  const items = q.data?.items ?? [];
  return (
    <Worklist
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
    </Worklist>
  );
}
