// Membership review: items awaiting the commission's decision, and the review's progress per body.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type {
  Review,
  ReviewItem,
  ReviewItemPage,
  ReviewList,
  ReviewOutcome,
  ReviewProgress,
} from '../../../contracts/review.js';
import { api } from '../../app/api.js';
import { useFormat } from '../../app/format.js';
import { ActionForm, Disclosure, Field, Select, TextArea, today, useAct } from '../../ui/forms.js';
import { Loading } from '../../ui/feedback.js';
import { Section, useList } from './common.js';
import { paths } from './endpoints.js';
import { useLabels } from './labels.js';

const OUTCOMES: ReviewOutcome[] = ['confirmed', 'moved_to_candidate', 'moved_to_sympathiser', 'expelled'];

function DecideItem({ item }: { item: ReviewItem }) {
  const { t } = useTranslation();
  const L = useLabels();
  const [outcome, setOutcome] = useState<ReviewOutcome>('confirmed');
  const [reasons, setReasons] = useState('');
  const [on, setOn] = useState(today());
  const act = useAct(
    (b: unknown) => api(paths.reviews.decideItem(item.id), { method: 'POST', body: b }),
    [['reviews'], ['history'], ['persons']],
  );
  return (
    <ActionForm
      submitLabel={t('review.decideSubmit')}
      state={act}
      onSubmit={() => {
        if (!reasons.trim()) return t('forms.needReasons');
        act.mutate({ decidedOn: on, outcome, reasons: reasons.trim() });
      }}
    >
      <Select
        label={t('review.outcome')}
        value={outcome}
        onChange={setOutcome}
        options={OUTCOMES.map((o) => ({ value: o, label: L.outcome(o) }))}
      />
      <TextArea label={t('forms.reasons')} value={reasons} onChange={setReasons} rows={3} />
      <Field label={t('forms.date')} type="date" value={on} onChange={setOn} max={today()} />
    </ActionForm>
  );
}

function Progress({ reviewId }: { reviewId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useQuery({
    queryKey: ['reviews', 'progress', reviewId],
    queryFn: ({ signal }) => api<ReviewProgress>(paths.reviews.progress(reviewId), { signal }),
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
  const q = useList<ReviewItemPage>(['reviews', 'mine'], `${paths.reviews.myItems}?limit=200`);
  const items = q.data?.items ?? [];
  const reviewIds = [...new Set(items.map((i) => i.reviewId))];
  return (
    <Section
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
    </Section>
  );
}

function OpenReviewForm({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [title, setTitle] = useState('');
  const [openedOn, setOpenedOn] = useState(today());
  const [deadline, setDeadline] = useState('');
  const act = useAct((b: unknown) => api<Review>(paths.reviews.open, { method: 'POST', body: b }), [['reviews']]);
  return (
    <ActionForm
      title={t('review.openTitle')}
      submitLabel={t('review.openSubmit')}
      state={act}
      testId="open-review-form"
      done={t('review.opened', { count: act.data?.items ?? 0, n: f.number(act.data?.items ?? 0) })}
      onSubmit={() => {
        if (!title.trim()) return t('review.needTitle');
        if (!deadline || deadline <= openedOn) return t('review.needDeadline');
        act.mutate({ bodyId, title: title.trim(), openedOn, deadline });
      }}
    >
      <p className="small muted">{t('review.openHelp')}</p>
      <Field label={t('review.title')} value={title} onChange={setTitle} required />
      <Field label={t('review.openedOn')} type="date" value={openedOn} onChange={setOpenedOn} max={today()} />
      <Field label={t('review.deadline')} type="date" value={deadline} onChange={setDeadline} min={openedOn} required />
    </ActionForm>
  );
}

function CloseReviewForm({ review }: { review: Review }) {
  const { t } = useTranslation();
  const act = useAct(
    (b: unknown) => api<Review>(paths.reviews.close(review.id), { method: 'POST', body: b }),
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
  const q = useList<ReviewList>(['reviews', 'body', bodyId], paths.reviews.list(bodyId));
  const reviews = q.data?.items ?? [];
  return (
    <Section
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
    </Section>
  );
}
