// The credentials commission of a conference or congress: the delegates each electing body may send under the
// norm of representation and how many it sent; each mandate confirmed or rejected (with a reason); the seated
// delegates (confirmed, voting) make up the roll.
import { useState } from 'react';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../contracts/assembly.js';
import { CheckMandateInput, EnterMandateInput, type Mandate } from '../../../contracts/ballot.js';
import { client, ok } from '../../app/api.js';
import { useFormat } from '../../app/format.js';
import { ActButton } from '../../ui/ActButton.js';
import { ContractForm, FormError, FormField, FormSelect, fieldMessage, useContractForm } from '../../ui/forms.js';
import { Chooser, PersonPicker, useBodySearchFn, type Choice } from '../../ui/pickers.js';
import { PersonName } from '../../ui/person.js';
import { useBallotLabels } from './common.js';
import { useBallotAction, useMandates } from './queries.js';

/** Rejecting a mandate: the contract's reason, which a rejection must give. */
const RejectMandateForm = z.object({ reason: CheckMandateInput.shape.reason.unwrap().min(1) });

function MandateRow({ meeting, mandate, canCheck }: { meeting: Meeting; mandate: Mandate; canCheck: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const L = useBallotLabels();
  const act = useBallotAction(meeting.id);
  const form = useContractForm(RejectMandateForm, { reason: '' });
  const name = f.name(mandate);
  const failed = form.formState.errors.reason ? 1 : 0;
  const check = (body: CheckMandateInput) =>
    act.mutate(() => ok(client.POST('/api/mandates/{id}/check', { params: { path: { id: mandate.id } }, body })));
  return (
    <tr data-testid="mandate" data-status={mandate.status}>
      <th scope="row">{name}</th>
      <td>{f.name({ name: mandate.fromBodyName, nameRu: mandate.fromBodyNameRu })}</td>
      <td>{t(`meetings.voice.${mandate.voice}`, { defaultValue: mandate.voice })}</td>
      <td>
        <span
          className={`badge ${mandate.status === 'confirmed' ? 'badge-ok' : mandate.status === 'rejected' ? 'badge-warn' : ''}`}
        >
          {L.mandateStatus(mandate.status)}
        </span>
        {mandate.reason && <div className="small">{mandate.reason}</div>}
      </td>
      <td>
        {canCheck && mandate.status === 'submitted' ? (
          <div className="mandate-check">
            <FormField
              form={form}
              name="reason"
              hiddenLabel
              label={t('ballots.rejectReasonFor', { name })}
              placeholder={t('ballots.rejectReason')}
            />
            <span className="button-row">
              <ActButton
                act={act}
                className="button"
                label={t('ballots.confirmMandateOf', { name })}
                onClick={() => check({ status: 'confirmed' })}
              >
                {t('ballots.confirmMandate')}
              </ActButton>
              <ActButton
                act={act}
                className="button button-secondary"
                label={t('ballots.rejectMandateOf', { name })}
                onClick={() => void form.handleSubmit(({ reason }) => check({ status: 'rejected', reason }))()}
              >
                {t('ballots.rejectMandate')}
              </ActButton>
            </span>
            <FormError
              id={`mandate-${mandate.id}`}
              error={act.error}
              problem={failed ? t('forms.checkFields', { count: failed }) : undefined}
            />
          </div>
        ) : null}
      </td>
    </tr>
  );
}

/** A mandate entered from the electing body's paper protocol: the delegate, the body, the voice. */
function EnterMandate({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const act = useBallotAction(meeting.id);
  const bodies = useBodySearchFn();
  const form = useContractForm(EnterMandateInput, { personId: '', fromBodyId: '', voice: 'voting' });
  const { isSubmitted } = form.formState;
  const [person, setPerson] = useState<Choice | null>(null);
  const [body, setBody] = useState<Choice | null>(null);
  const pick = (field: 'personId' | 'fromBodyId', c: Choice | null) => {
    (field === 'personId' ? setPerson : setBody)(c);
    form.setValue(field, c?.id ?? '', { shouldValidate: isSubmitted });
  };
  return (
    <ContractForm
      form={form}
      title={t('ballots.enterMandate')}
      submitLabel={t('ballots.enterMandateSubmit')}
      state={act}
      testId="enter-mandate"
      onValid={(input) =>
        act.mutate(
          () => ok(client.POST('/api/meetings/{id}/mandates', { params: { path: { id: meeting.id } }, body: input })),
          {
            // the next delegate of the same body: a fresh form, the body and voice kept
            onSuccess: () => {
              setPerson(null);
              form.reset({ ...form.getValues(), personId: '' });
            },
          },
        )
      }
    >
      <p data-testid="mandate-person">
        {t('ballots.delegate')}: <strong>{person?.person ? <PersonName person={person.person} /> : '—'}</strong>
      </p>
      <PersonPicker
        label={t('ballots.findDelegate')}
        source={{ kind: 'scope' }}
        onPick={(c) => pick('personId', c)}
        message={fieldMessage(form, 'personId')}
      />
      <p data-testid="mandate-body">
        {t('ballots.electedBy')}: <strong>{body?.label ?? '—'}</strong>
      </p>
      <Chooser
        label={t('ballots.findBody')}
        search={bodies}
        queryKey={`mandate-body-${meeting.id}`}
        onPick={(c) => pick('fromBodyId', c)}
        message={fieldMessage(form, 'fromBodyId')}
      />
      <FormSelect
        form={form}
        name="voice"
        label={t('ballots.voice')}
        options={(['voting', 'consultative'] as const).map((v) => ({
          value: v,
          label: t(`meetings.voice.${v}`, { defaultValue: v }),
        }))}
      />
    </ContractForm>
  );
}

export function MandatesPanel({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const f = useFormat();
  const mandates = useMandates(meeting.id);
  const canCheck = meeting.can.enterMandate;
  const items = mandates.data?.items ?? [];
  const seated = items.filter((m) => m.status === 'confirmed' && m.voice === 'voting').length;
  return (
    <div className="console mandates-panel" data-testid="mandates-panel">
      {mandates.isError && <FormError id={`mandates-load-${meeting.id}`} error={mandates.error} />}
      <section className="console-block" aria-labelledby="quotas-h">
        <h3 id="quotas-h">{t('ballots.quotas')}</h3>
        {(mandates.data?.quotas ?? []).length === 0 ? (
          <p className="muted">{t('ballots.noQuotas')}</p>
        ) : (
          <div className="table-wrap">
            <table data-testid="quotas">
              <thead>
                <tr>
                  <th scope="col">{t('ballots.electingBody')}</th>
                  <th scope="col">{t('ballots.members')}</th>
                  <th scope="col">{t('ballots.allowed')}</th>
                  <th scope="col">{t('ballots.sent')}</th>
                </tr>
              </thead>
              <tbody>
                {mandates.data!.quotas.map((q) => (
                  <tr key={q.bodyId} className={q.sent > q.allowed ? 'over-quota' : undefined}>
                    <th scope="row">{f.name({ name: q.bodyName, nameRu: q.bodyNameRu })}</th>
                    <td>{f.number(q.members)}</td>
                    <td>{f.number(q.allowed)}</td>
                    <td>
                      {f.number(q.sent)}
                      {q.sent > q.allowed && <span className="badge badge-warn">{t('ballots.overQuota')}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {canCheck && (
        <section className="console-block">
          <EnterMandate meeting={meeting} />
        </section>
      )}
      <section className="console-block" aria-labelledby="mandates-h">
        <h3 id="mandates-h">{t('ballots.mandates')}</h3>
        <p data-testid="seated-count">
          {t('ballots.seated', { count: items.length, n: f.number(seated), total: f.number(items.length) })}
        </p>
        {items.length === 0 ? (
          <p className="muted">{t('ballots.noMandates')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('ballots.delegate')}</th>
                  <th scope="col">{t('ballots.electedBy')}</th>
                  <th scope="col">{t('ballots.voice')}</th>
                  <th scope="col">{t('ballots.mandateStatusLabel')}</th>
                  <th scope="col">{t('ballots.check')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((m) => (
                  <MandateRow key={m.id} meeting={meeting} mandate={m} canCheck={canCheck} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
