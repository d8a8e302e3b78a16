// Choosing the adopted motion a directive or a concretisation rests on (ADR 0027 §3): the body's adopted main
// motions — of its own meetings and its organs' — the latest first, each with its title, the start of its text, the
// meeting and its day; a filter when the list is long. No motion adopted: the page says so and offers the bureau's
// decision instead.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldPath, FieldValues, PathValue, UseFormReturn } from 'react-hook-form';
import { useFormat } from '../../app/format.js';
import { Loading } from '../../ui/feedback.js';
import { fieldMessage } from '../../ui/forms.js';
import { useMeetingLabels } from '../assembly/common.js';
import { PageError, useDay } from './common.js';
import { excerpt, motionMatches } from './logic.js';
import { useAdoptedMotions } from './queries.js';

/** A filter is offered above this many motions. */
const FILTER_FROM = 6;

interface SourceShape extends FieldValues {
  source: { kind: 'decision' | 'motion' };
}

export function MotionPicker<In extends SourceShape>({
  form,
  bodyId,
}: {
  form: UseFormReturn<In, unknown, unknown>;
  bodyId: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const day = useDay();
  const L = useMeetingLabels();
  const motions = useAdoptedMotions(bodyId);
  const [query, setQuery] = useState('');
  const id = useId();
  const name = 'source.motionId' as FieldPath<In>;
  const message = fieldMessage(form, name);
  if (motions.isPending) return <Loading />;
  if (motions.isError) return <PageError error={motions.error} onRetry={() => void motions.refetch()} />;
  const all = motions.data.items;
  if (all.length === 0)
    return (
      <div className="notice" data-testid="no-adopted-motion">
        <p>{t('direction.noAdoptedMotion')}</p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            form.setValue('source.kind' as FieldPath<In>, 'decision' as PathValue<In, FieldPath<In>>);
            // the decision's date field replaces this notice: the focus goes there
            setTimeout(() => form.setFocus('source.takenOn' as FieldPath<In>));
          }}
        >
          {t('direction.useBureauDecision')}
        </button>
      </div>
    );
  // those the filter hides stay in the page (hidden), so that a chosen motion stays chosen
  const shown = new Set((query.trim() ? all.filter((m) => motionMatches(m, query)) : all).map((m) => m.id));
  const reg = form.register(name, { shouldUnregister: true });
  return (
    <fieldset
      className="direction-motions"
      data-testid="motion-picker"
      aria-describedby={message ? `${id}-msg` : undefined}
      aria-invalid={message ? true : undefined}
    >
      <legend>{t('direction.chooseMotion')}</legend>
      <p className="small muted">{t('direction.chooseMotionHelp')}</p>
      {all.length >= FILTER_FROM && (
        <div className="field">
          <label htmlFor={`${id}-filter`}>{t('direction.filterMotions')}</label>
          <input
            id={`${id}-filter`}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            aria-controls={`${id}-list`}
          />
        </div>
      )}
      <p className="visually-hidden" aria-live="polite">
        {query.trim() ? t('direction.motionsShown', { count: shown.size }) : ''}
      </p>
      <ul className="direction-motion-list" id={`${id}-list`}>
        {all.map((m) => {
          const organ = m.bodyId !== bodyId;
          return (
            <li key={m.id} hidden={!shown.has(m.id)}>
              <label className="direction-motion">
                <input type="radio" value={m.id} {...reg} />
                <span>
                  <span className="direction-motion-title">{m.title}</span>
                  <span className="direction-motion-text small">{excerpt(m.text)}</span>
                  <span className="small muted">
                    {t('direction.motionAdoptedAt', {
                      title: m.meetingTitle || L.kind(m.meetingKind),
                      date: day(m.meetingStartsAt),
                    })}
                    {organ && <> · {f.name({ name: m.bodyName, nameRu: m.bodyNameRu })}</>}
                  </span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {shown.size === 0 && <p className="small">{t('direction.noMotionMatches')}</p>}
      {motions.data.truncated && <p className="small muted">{t('direction.motionsTruncated')}</p>}
      {message && (
        <span id={`${id}-msg`} className="field-error small">
          {message}
        </span>
      )}
    </fieldset>
  );
}
