// Membership review: items awaiting the commission's decision, and the review's progress per body.
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  DecideItemInput,
  OpenReviewInput,
  type Review,
  type ReviewItem,
  type ReviewOutcome,
} from '../../../contracts/review.js';
import { client, ok, type BodyOf } from '../../app/api.js';
import { useFormat } from '../../app/format.js';
import {
  ActionForm,
  ContractForm,
  Disclosure,
  FormField,
  FormSelect,
  FormTextArea,
  today,
  useAct,
  useContractForm,
} from '../../ui/forms.js';
import { Loading } from '../../ui/feedback.js';
import { useList } from './common.js';
import { Worklist } from '../../ui/Worklist.js';
import { useLabels } from './labels.js';

const OUTCOMES: ReviewOutcome[] = ['confirmed', 'moved_to_candidate', 'moved_to_sympathiser', 'expelled'];

function DecideItem({ item }: { item: ReviewItem }) {
  const { t } = useTranslation();
  const L = useLabels();
  const form = useContractForm(DecideItemInput, { outcome: 'confirmed', reasons: '', decidedOn: today() });
  const act = useAct(
    (b: BodyOf<'/api/review-items/{id}/decide'>) =>
      ok(client.POST('/api/review-items/{id}/decide', { params: { path: { id: item.id } }, body: b })),
    [['reviews'], ['history'], ['persons']],
  );
  return (
    <ContractForm form={form} submitLabel={t('review.decideSubmit')} state={act} onValid={(input) => act.mutate(input)}>
      <FormSelect
        form={form}
        name="outcome"
        label={t('review.outcome')}
        options={OUTCOMES.map((o) => ({ value: o, label: L.outcome(o) }))}
      />
      <FormTextArea form={form} name="reasons" label={t('forms.reasons')} rows={3} />
      <FormField form={form} name="decidedOn" label={t('forms.date')} type="date" max={today()} />
    </ContractForm>
  );
}

function Progress({ reviewId }: { reviewId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useQuery({
    queryKey: ['reviews', 'progress', reviewId],
    queryFn: ({ signal }) =>
      ok(client.GET('/api/reviews/{id}/progress', { params: { path: { id: reviewId } }, signal })),
    retry: false,
  });
  if (q.isPending) return <Loading />;
  if (!q.data) return null;
  const rows = [q.data.total, ...q.data.children];
  return (
    <div className="table-wrap">
      <table>
        <caption>{t('review.progress', { deadline: f.date(q.data.deadline) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('review.body')}</th>
            <th scope="col" className="num">
              {t('review.decided')}
            </th>
            <th scope="col">{t('review.share')}</th>
            <th scope="col" className="num">
              {t('review.overdue')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={`${r.bodyId}-${i}`}>
              <th scope="row">
                {i === 0 ? (
                  <strong>{f.name({ name: r.bodyName, nameRu: r.bodyNameRu })}</strong>
                ) : (
                  f.name({ name: r.bodyName, nameRu: r.bodyNameRu })
                )}
              </th>
              <td className="num">
                {f.number(r.decided)} / {f.number(r.total)}
              </td>
              <td>
                <progress
                  max={Math.max(1, r.total)}
                  value={r.decided}
                  aria-label={f.name({ name: r.bodyName, nameRu: r.bodyNameRu })}
                >
                  {r.total ? f.percent(r.decided / r.total) : ''}
                </progress>
              </td>
              <td className="num">{f.number(r.overdue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ReviewsWorklist() {
  const { t } = useTranslation();
  const f = useFormat();
  const L = useLabels();
  const q = useList(['reviews', 'mine'], (signal) =>
    ok(client.GET('/api/review-items/mine', { params: { query: { limit: 200 } }, signal })),
  );
  const items = q.data?.items ?? [];
  const reviewIds = [...new Set(items.map((i) => i.reviewId))];
  return (
    <Worklist
      id="wl-reviews"
      title={t('worklists.reviews')}
      query={q}
      count={q.data?.total}
      empty={t('worklists.noReviews')}
    >
      {reviewIds.map((id) => (
        <Progress key={id} reviewId={id} />
      ))}
      <ul className="plain-list">
        {items.map((i) => (
          <li key={i.id} className="case" data-testid="review-item">
            <p>
              <Link to={`/persons/${i.personId}`}>{f.name({ name: i.personName, nameRu: i.personNameRu })}</Link>{' '}
              {i.cardNumber && <span className="mono small">{i.cardNumber}</span>} · {L.status(i.statusAtOpening)} ·{' '}
              <span className="badge badge-kind">{L.state(i.state)}</span>
            </p>
            {i.can.decide && (
              <Disclosure label={t('review.decide')}>
                <DecideItem item={i} />
              </Disclosure>
            )}
          </li>
        ))}
      </ul>
    </Worklist>
  );
}

function OpenReviewForm({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const form = useContractForm(OpenReviewInput, { bodyId, title: '', openedOn: today(), deadline: '' });
  const openedOn = form.watch('openedOn');
  const act = useAct((b: BodyOf<'/api/reviews'>) => ok(client.POST('/api/reviews', { body: b })), [['reviews']]);
  return (
    <ContractForm
      form={form}
      title={t('review.openTitle')}
      submitLabel={t('review.openSubmit')}
      state={act}
      testId="open-review-form"
      done={t('review.opened', { count: act.data?.items ?? 0, n: f.number(act.data?.items ?? 0) })}
      onValid={(input) => {
        // the contract checks each date; that the deadline comes after the opening is the form's own check
        if (input.deadline <= input.openedOn) {
          form.setError('deadline', { type: 'custom', message: t('review.needDeadline') }, { shouldFocus: true });
          return;
        }
        act.mutate(input);
      }}
    >
      <p className="small muted">{t('review.openHelp')}</p>
      <FormField form={form} name="title" label={t('review.title')} required />
      <FormField form={form} name="openedOn" label={t('review.openedOn')} type="date" max={today()} />
      <FormField form={form} name="deadline" label={t('review.deadline')} type="date" min={openedOn} required />
    </ContractForm>
  );
}

function CloseReviewForm({ review }: { review: Review }) {
  const { t } = useTranslation();
  const act = useAct(
    (b: BodyOf<'/api/reviews/{id}/close'>) =>
      ok(client.POST('/api/reviews/{id}/close', { params: { path: { id: review.id } }, body: b })),
    [['reviews']],
  );
  return (
    <ActionForm
      submitLabel={t('review.closeSubmit')}
      state={act}
      secondary
      onSubmit={() => act.mutate({ closedOn: today() })}
    />
  );
}

/** A committee's membership reviews over its subtree: open one, follow each one's progress, close it. */
export function CommitteeReviews({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const L = useLabels();
  const q = useList(['reviews', 'body', bodyId], (signal) =>
    ok(client.GET('/api/reviews', { params: { query: { bodyId } }, signal })),
  );
  const reviews = q.data?.items ?? [];
  return (
    <Worklist
      id="wl-committee-reviews"
      title={t('review.committeeTitle')}
      query={q}
      empty={t('review.noneOpened')}
      testId="committee-reviews"
    >
      <Disclosure label={t('review.openTitle')}>
        <OpenReviewForm bodyId={bodyId} />
      </Disclosure>
      {reviews.length === 0 ? (
        <p className="muted">{t('review.noneOpened')}</p>
      ) : (
        <ul className="plain-list">
          {reviews.map((r) => (
            <li key={r.id} className="case" data-testid="committee-review">
              <p>
                <strong>{r.title}</strong> · {t('review.period', { from: f.date(r.openedOn), to: f.date(r.deadline) })}{' '}
                <span className="badge badge-kind">{L.state(r.state)}</span>{' '}
                <span className="small">{t('review.items', { count: r.items, n: f.number(r.items) })}</span>
              </p>
              {r.state === 'open' && (
                <Disclosure label={t('review.showProgress')}>
                  <Progress reviewId={r.id} />
                </Disclosure>
              )}
              {r.can.close && <CloseReviewForm review={r} />}
            </li>
          ))}
        </ul>
      )}
    </Worklist>
  );
}
