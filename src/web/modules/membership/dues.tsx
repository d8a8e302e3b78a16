// Dues: a member's register (payments, months owed), recording a payment with the statute's
// scale, and the arrears list of a body.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { client, ok, type BodyOf } from '../../app/api.js';
import { useFormat } from '../../app/format.js';
import { ContractForm, Disclosure, FormField, today, useAct, useContractForm } from '../../ui/forms.js';
import { RecordPaymentInput } from '../../../contracts/dues.js';
import { Pager } from '../../ui/Pager.js';
import { useList } from './common.js';
import { Worklist } from '../../ui/Worklist.js';

function lastMonth(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export function useMonth() {
  const { i18n } = useTranslation();
  const fmt = new Intl.DateTimeFormat(i18n.language === 'ru' ? 'ru-RU' : 'en-GB', { year: 'numeric', month: 'long' });
  return (m: string) => {
    const d = new Date(`${m}-01T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? m : fmt.format(d);
  };
}

export function RecordPaymentForm({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const form = useContractForm(RecordPaymentInput, {
    personId,
    month: lastMonth(),
    earnings: '',
    amount: '',
    paidOn: today(),
  });
  const [month, earnings] = form.watch(['month', 'earnings']);
  const quote = useAct((q: { month: string; earnings: string }) =>
    ok(client.GET('/api/dues/scale', { params: { query: q } })),
  );
  const act = useAct(
    (body: BodyOf<'/api/dues/payments'>) => ok(client.POST('/api/dues/payments', { body })),
    [['dues'], ['history', personId]],
  );
  return (
    <Disclosure label={t('dues.record')}>
      <ContractForm
        form={form}
        submitLabel={t('dues.recordSubmit')}
        state={act}
        testId="payment-form"
        done={t('dues.recorded')}
        onValid={(input) => act.mutate(input)}
      >
        <FormField form={form} name="month" label={t('dues.month')} type="month" hint={t('dues.monthHint')} />
        <FormField form={form} name="earnings" label={t('dues.earnings')} hint={t('dues.moneyHint')} />
        <div className="act-row">
          <button
            type="button"
            className="button button-secondary"
            disabled={quote.isPending || !earnings.trim()}
            onClick={() =>
              quote.mutate(
                { month, earnings: earnings.trim() },
                { onSuccess: (q) => form.setValue('amount', q.amount, { shouldValidate: form.formState.isSubmitted }) },
              )
            }
          >
            {quote.isPending ? t('forms.working') : t('dues.quote')}
          </button>
          <span role="status" aria-live="polite" className="small">
            {quote.data
              ? t('dues.quoteResult', {
                  percent: quote.data.percent,
                  amount: quote.data.amount,
                  currency: quote.data.currency,
                })
              : ''}
          </span>
        </div>
        <FormField form={form} name="amount" label={t('dues.amount')} hint={t('dues.moneyHint')} />
        <FormField form={form} name="paidOn" label={t('dues.paidOn')} type="date" max={today()} />
      </ContractForm>
    </Disclosure>
  );
}

export function DuesSection({ personId, canRecord }: { personId: string; canRecord?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const month = useMonth();
  const q = useList(['dues', 'person', personId], (signal) =>
    ok(client.GET('/api/dues/persons/{id}', { params: { path: { id: personId } }, signal })),
  );
  const d = q.data;
  return (
    <Worklist id={`dues-${personId}`} testId="dues" title={t('dues.title')} query={q} empty="">
      {d && (
        <>
          {d.flagged ? (
            <p className="notice notice-warn" data-testid="arrears-flag">
              {t('dues.flagged', { count: d.monthsOwed.length, limit: d.arrearsLimitMonths })}
            </p>
          ) : d.monthsOwed.length > 0 ? (
            <p className="notice notice-warn">{t('dues.owing', { count: d.monthsOwed.length })}</p>
          ) : (
            <p>{t('dues.upToDate')}</p>
          )}
          {d.monthsOwed.length > 0 && (
            <p className="small">
              {t('dues.monthsOwed')}: {d.monthsOwed.map(month).join(', ')}
            </p>
          )}
          {d.payments.length === 0 ? (
            <p className="muted">{t('dues.noPayments')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table-cards">
                <caption className="visually-hidden">{t('dues.register')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('dues.month')}</th>
                    <th scope="col" className="num">
                      {t('dues.earnings')}
                    </th>
                    <th scope="col" className="num">
                      {t('dues.amount')}
                    </th>
                    <th scope="col">{t('dues.paidOn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.payments.map((p) => (
                    <tr key={p.id}>
                      <td data-label={t('dues.month')}>{month(p.month)}</td>
                      <td className="num" data-label={t('dues.earnings')}>
                        {p.earnings}
                      </td>
                      <td className="num" data-label={t('dues.amount')}>
                        {p.amount} {d.currency}
                      </td>
                      <td data-label={t('dues.paidOn')}>{f.date(p.paidOn)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {canRecord && <RecordPaymentForm personId={personId} />}
    </Worklist>
  );
}

const ARREARS_LIMIT = 20;

export function ArrearsWorklist({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const month = useMonth();
  const [offset, setOffset] = useState(0);
  const q = useList(['dues', 'arrears', bodyId, offset], (signal) =>
    ok(client.GET('/api/dues/arrears', { params: { query: { bodyId, limit: ARREARS_LIMIT, offset } }, signal })),
  );
  const items = q.data?.items ?? [];
  return (
    <Worklist
      id="wl-arrears"
      title={t('worklists.arrears')}
      query={q}
      count={q.data?.total}
      empty={t('worklists.noArrears')}
    >
      {q.data && (
        <p className="small muted">
          {t('dues.limitNote', { count: q.data.arrearsLimitMonths, limit: q.data.arrearsLimitMonths })}
        </p>
      )}
      <div className="table-wrap">
        <table className="table-cards">
          <thead>
            <tr>
              <th scope="col">{t('worklists.person')}</th>
              <th scope="col">{t('person.cardNumber')}</th>
              <th scope="col">{t('body.registeredIn')}</th>
              <th scope="col" className="num">
                {t('dues.monthsOwedCount')}
              </th>
              <th scope="col">{t('dues.lastPaid')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.personId}>
                <td data-label={t('worklists.person')}>
                  <Link to={`/persons/${a.personId}`}>{f.person(a)}</Link>
                </td>
                <td className="mono" data-label={t('person.cardNumber')}>
                  {a.cardNumber ?? '—'}
                </td>
                <td data-label={t('body.registeredIn')}>{f.name({ name: a.bodyName, nameRu: a.bodyNameRu })}</td>
                <td className="num" data-label={t('dues.monthsOwedCount')}>
                  {f.number(a.monthsOwed)}
                </td>
                <td data-label={t('dues.lastPaid')}>{a.lastPaidMonth ? month(a.lastPaidMonth) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {q.data && (
        <Pager offset={offset} limit={ARREARS_LIMIT} total={q.data.total} onChange={setOffset} busy={q.isFetching} />
      )}
    </Worklist>
  );
}
