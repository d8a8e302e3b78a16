// The credentials commission of a conference or congress: the delegates each electing body may send under the
// norm of representation and how many it sent; each mandate confirmed or rejected (with a reason); the seated
// delegates (confirmed, voting) make up the roll.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../contracts/assembly.js';
import type { Mandate } from '../../../contracts/ballot.js';
import { client, ok } from '../../app/api.js';
import { useFormat } from '../../app/format.js';
import { ActionForm, FormError, Select } from '../../ui/forms.js';
import { Chooser, PersonPicker, useBodySearchFn, type Choice } from '../../ui/pickers.js';
import { PersonName } from '../../ui/person.js';
import { useBallotLabels } from './common.js';
import { useBallotAction, useMandates } from './queries.js';

function MandateRow({ meeting, mandate, canCheck }: { meeting: Meeting; mandate: Mandate; canCheck: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const L = useBallotLabels();
  const act = useBallotAction(meeting.id);
  const [reason, setReason] = useState('');
  const name = f.name(mandate);
  const [problem, setProblem] = useState('');
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
            <label className="visually-hidden" htmlFor={`reason-${mandate.id}`}>
              {t('ballots.rejectReasonFor', { name })}
            </label>
            <input
              id={`reason-${mandate.id}`}
              type="text"
              placeholder={t('ballots.rejectReason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <span className="button-row">
              <button
                type="button"
                className="button"
                disabled={act.isPending}
                aria-busy={act.isPending || undefined}
                aria-label={t('ballots.confirmMandateOf', { name })}
                onClick={() =>
                  act.mutate(() =>
                    ok(
                      client.POST('/api/mandates/{id}/check', {
                        params: { path: { id: mandate.id } },
                        body: { status: 'confirmed' },
                      }),
                    ),
                  )
                }
              >
                {t('ballots.confirmMandate')}
              </button>
              <button
                type="button"
                className="button button-secondary"
                disabled={act.isPending}
                aria-busy={act.isPending || undefined}
                aria-label={t('ballots.rejectMandateOf', { name })}
                onClick={() => {
                  if (!reason.trim()) return setProblem(t('ballots.needReason'));
                  setProblem('');
                  act.mutate(() =>
                    ok(
                      client.POST('/api/mandates/{id}/check', {
                        params: { path: { id: mandate.id } },
                        body: { status: 'rejected', reason: reason.trim() },
                      }),
                    ),
                  );
                }}
              >
                {t('ballots.rejectMandate')}
              </button>
            </span>
            <FormError id={`mandate-${mandate.id}`} error={act.error} problem={problem || undefined} />
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
  const [person, setPerson] = useState<Choice | null>(null);
  const [body, setBody] = useState<Choice | null>(null);
  const [voice, setVoice] = useState<'voting' | 'consultative'>('voting');
  return (
    <ActionForm
      title={t('ballots.enterMandate')}
      submitLabel={t('ballots.enterMandateSubmit')}
      state={act}
      testId="enter-mandate"
      onSubmit={() => {
        if (!person || !body) return t('ballots.needDelegateAndBody');
        act.mutate(
          () =>
            ok(
              client.POST('/api/meetings/{id}/mandates', {
                params: { path: { id: meeting.id } },
                body: { personId: person.id, fromBodyId: body.id, voice },
              }),
            ),
          { onSuccess: () => setPerson(null) },
        );
      }}
    >
      <p data-testid="mandate-person">
        {t('ballots.delegate')}: <strong>{person?.person ? <PersonName person={person.person} /> : '—'}</strong>
      </p>
      <PersonPicker label={t('ballots.findDelegate')} source={{ kind: 'scope' }} onPick={setPerson} />
      <p data-testid="mandate-body">
        {t('ballots.electedBy')}: <strong>{body?.label ?? '—'}</strong>
      </p>
      <Chooser label={t('ballots.findBody')} search={bodies} queryKey={`mandate-body-${meeting.id}`} onPick={setBody} />
      <Select
        label={t('ballots.voice')}
        value={voice}
        onChange={setVoice}
        options={(['voting', 'consultative'] as const).map((v) => ({
          value: v,
          label: t(`meetings.voice.${v}`, { defaultValue: v }),
        }))}
      />
    </ActionForm>
  );
}

export function MandatesPanel({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const f = useFormat();
  const mandates = useMandates(meeting.id);
  const canCheck = meeting.can.checkMandates;
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
      {canCheck && meeting.status !== 'closed' && meeting.status !== 'cancelled' && (
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
