// A directive as read from one body of its tree (ADR 0027 §2–3): its texts (the reader's language first), the
// concretisations on the way down to the body and the body's due date; acknowledge; concretise for the body's own
// subtree (a deadline not later than the one above: the server's refusal is said at the field); split a target
// among the children (their inputs with the running sum against the body's own target, checked again by the
// server); and the acknowledgements level by level, a committee below opened in place.
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ConcretiseInput, type Directive, type Indicator, type RollupNode } from '../../../contracts/direction.js';
import { client, isApiError, ok, type BodyOf } from '../../app/api.js';
import { useFormat } from '../../app/format.js';
import { ActButton } from '../../ui/ActButton.js';
import { Loading } from '../../ui/feedback.js';
import { useErrorMessage } from '../../ui/feedback.js';
import {
  ActionForm,
  ContractForm,
  Disclosure,
  FormError,
  FormField,
  FormTextArea,
  today,
  useAct,
  useContractForm,
} from '../../ui/forms.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { DecisionSourceFields } from './IssuePage.js';
import { PageError, dayOf, useDay, useTitle } from './common.js';
import { splitSum } from './logic.js';
import { DIRECTION, useAcknowledgements, useDirective, useReportForm, useRollup } from './queries.js';

/** The text in the reader's language first, the other language behind a disclosure. */
function Texts({ text, textRu }: { text: string; textRu: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const ru = f.lang === 'ru';
  const first = ru ? textRu : text;
  const other = ru ? text : textRu;
  return (
    <>
      <p className="prose direction-text" lang={ru ? 'ru' : 'en'}>
        {first}
      </p>
      {other && other !== first && (
        <details className="direction-other">
          <summary>{t('direction.otherLanguage')}</summary>
          <p className="prose direction-text" lang={ru ? 'en' : 'ru'}>
            {other}
          </p>
        </details>
      )}
    </>
  );
}

function Concretise({ d }: { d: Directive }) {
  const { t } = useTranslation();
  const f = useFormat();
  const message = useErrorMessage();
  const latest = dayOf(d.body.dueAt, f.timeZone);
  const form = useContractForm(ConcretiseInput, {
    bodyId: d.body.id,
    text: '',
    textRu: '',
    deadline: latest,
    source: { kind: 'decision', takenOn: today(), votes: { against: 0, abstained: 0 } },
  });
  const act = useAct(
    (b: BodyOf<'/api/direction/directives/{id}/concretise'>) =>
      ok(client.POST('/api/direction/directives/{id}/concretise', { params: { path: { id: d.id } }, body: b })),
    [[...DIRECTION]],
  );
  return (
    <ContractForm
      form={form}
      title={t('direction.concretiseTitle')}
      submitLabel={t('direction.concretiseSubmit')}
      state={{ ...act, error: isApiError(act.error) && act.error.code === 'deadline_after_parent' ? null : act.error }}
      testId="concretise-form"
      onValid={(input) =>
        act.mutate(input, {
          onError: (err) => {
            // the server's refusal of a later deadline is said at the deadline field
            if (isApiError(err) && err.code === 'deadline_after_parent')
              form.setError('deadline', { type: 'server', message: message(err) }, { shouldFocus: true });
          },
        })
      }
    >
      <p className="small muted">{t('direction.concretiseHelp', { date: f.date(latest) })}</p>
      <FormTextArea form={form} name="text" label={t('direction.textEn')} rows={4} />
      <FormTextArea form={form} name="textRu" label={t('direction.textRu')} rows={4} />
      <FormField form={form} name="deadline" label={t('direction.deadline')} type="date" min={today()} />
      <DecisionSourceFields form={form} bodyId={d.body.id} />
    </ContractForm>
  );
}

function SplitTable({
  d,
  indicator,
  node,
  target,
}: {
  d: Directive;
  indicator: Indicator;
  node: RollupNode;
  target: number;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const children = node.children.filter((c) => c.completeness.expected > 0);
  const current = (c: RollupNode['children'][number]) =>
    c.figures.find((x) => x.indicatorId === indicator.id)?.target ?? null;
  const [typed, setTyped] = useState<string[]>(() =>
    children.map((c) => {
      const v = current(c);
      return v === null ? '' : String(v);
    }),
  );
  const sum = splitSum(target, typed, d.splitMode);
  const act = useAct(
    (b: BodyOf<'/api/direction/rounds/{id}/targets'>) =>
      ok(client.POST('/api/direction/rounds/{id}/targets', { params: { path: { id: d.roundId } }, body: b })),
    [[...DIRECTION]],
  );
  const name = f.name({ name: indicator.name, nameRu: indicator.nameRu });
  return (
    <ActionForm
      title={t('direction.splitOf', { name })}
      submitLabel={t('direction.splitSubmit')}
      state={act}
      onSubmit={() => {
        if (sum.invalid.length > 0) return t('forms.checkFields', { count: sum.invalid.length });
        act.mutate({
          bodyId: d.body.id,
          indicatorId: indicator.id,
          children: children.map((c, i) => ({ bodyId: c.bodyId, value: Number(typed[i]!.trim() || 0) })),
        });
      }}
    >
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('direction.child')}</th>
              <th scope="col" className="num">
                {t('direction.target')}
              </th>
            </tr>
          </thead>
          <tbody>
            {children.map((c, i) => {
              const childName = f.name({ name: c.bodyName, nameRu: c.bodyNameRu });
              return (
                <tr key={c.bodyId}>
                  <th scope="row">{childName}</th>
                  <td className="num">
                    <input
                      className="direction-split-input"
                      type="text"
                      inputMode="decimal"
                      aria-label={t('direction.targetOf', { name: childName })}
                      aria-invalid={sum.invalid.includes(i) || undefined}
                      value={typed[i] ?? ''}
                      onChange={(e) => setTyped((x) => x.map((v, j) => (j === i ? e.target.value : v)))}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('direction.splitSum')}</th>
              <td className="num" aria-live="polite">
                <span className={sum.holds ? '' : 'field-error'}>
                  {f.number(sum.sum)} / {f.number(target)}
                </span>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="small muted">
        {d.splitMode === 'equal' ? t('direction.splitEqual') : t('direction.splitAtLeast')}{' '}
        {!sum.holds && <span className="field-error">{t('direction.splitShort')}</span>}
      </p>
    </ActionForm>
  );
}

function Split({ d }: { d: Directive }) {
  const { t } = useTranslation();
  const f = useFormat();
  const node = useRollup(d.roundId, d.body.id);
  const form = useReportForm(d.formId);
  if (node.isPending || form.isPending) return <Loading />;
  if (node.isError) return <PageError error={node.error} onRetry={() => void node.refetch()} />;
  if (form.isError) return <PageError error={form.error} onRetry={() => void form.refetch()} />;
  return (
    <section className="card" aria-labelledby="split-h">
      <h2 id="split-h">{t('direction.splitTitle')}</h2>
      {d.targets.map((tr) => {
        const ind = form.data.items.find((i) => i.id === tr.indicatorId);
        const own = node.data.figures.find((x) => x.indicatorId === tr.indicatorId)?.target;
        if (!ind || own === null || own === undefined) return null;
        return (
          <Disclosure
            key={tr.indicatorId}
            label={t('direction.splitOf', { name: f.name({ name: ind.name, nameRu: ind.nameRu }) })}
          >
            <SplitTable d={d} indicator={ind} node={node.data} target={own} />
          </Disclosure>
        );
      })}
    </section>
  );
}

function Acknowledgements({ d }: { d: Directive }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [path, setPath] = useState<{ id: string; name: string }[]>([]);
  const at = path.length > 0 ? path[path.length - 1]!.id : d.body.id;
  const q = useAcknowledgements(d.roundId, at);
  return (
    <section className="card" aria-labelledby="acks-h">
      <h2 id="acks-h">{t('direction.acksTitle', { n: f.number(d.acknowledged), total: f.number(d.addressees) })}</h2>
      {path.length > 0 && (
        <nav className="breadcrumbs" aria-label={t('direction.acksLevels')}>
          <ol>
            <li>
              <button type="button" className="link-button" onClick={() => setPath([])}>
                {t('direction.acksTop')}
              </button>
            </li>
            {path.map((p, i) => (
              <li key={p.id}>
                {i === path.length - 1 ? (
                  <span aria-current="location">{p.name}</span>
                ) : (
                  <button type="button" className="link-button" onClick={() => setPath(path.slice(0, i + 1))}>
                    {p.name}
                  </button>
                )}
              </li>
            ))}
          </ol>
        </nav>
      )}
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <PageError error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <p className="muted">{t('direction.acksNone')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('direction.child')}</th>
                <th scope="col">{t('direction.acknowledgedCol')}</th>
                <th scope="col" className="num">
                  {t('direction.below')}
                </th>
              </tr>
            </thead>
            <tbody>
              {q.data.items.map((r) => {
                const name = f.name({ name: r.bodyName, nameRu: r.bodyNameRu });
                return (
                  <tr key={r.bodyId}>
                    <th scope="row">
                      {r.relay ? (
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => setPath([...path, { id: r.bodyId, name }])}
                        >
                          {name}
                        </button>
                      ) : (
                        name
                      )}
                    </th>
                    <td>
                      {r.ackAt ? (
                        f.dateTime(r.ackAt)
                      ) : (
                        <span className="badge badge-warn">{t('direction.notAcknowledged')}</span>
                      )}
                    </td>
                    <td className="num">
                      {f.number(r.acknowledged)} / {f.number(r.expected)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function DirectivePage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const bodyId = params.get('bodyId') ?? undefined;
  const { t } = useTranslation();
  const f = useFormat();
  const day = useDay();
  const titleOf = useTitle();
  const q = useDirective(id, bodyId);
  const ack = useAct(
    () =>
      ok(
        client.POST('/api/direction/directives/{id}/acknowledge', {
          params: { path: { id } },
          body: { bodyId: q.data!.body.id },
        }),
      ),
    [[...DIRECTION]],
  );
  const form = useReportForm(q.data?.formId);
  if (q.isPending) return <Loading />;
  if (q.isError) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  const title = titleOf(d);
  const here = d.body.id;
  const indicatorName = (iid: string) => {
    const i = form.data?.items.find((x) => x.id === iid);
    return i ? f.name({ name: i.name, nameRu: i.nameRu }) : '';
  };
  return (
    <article className="direction-page">
      <nav className="breadcrumbs" aria-label={t('body.breadcrumbs')}>
        <ol>
          <li>
            <Link to={`/direction/bodies/${here}`}>{t('direction.inboxTitle')}</Link>
          </li>
          <li>
            <span aria-current="page">{title}</span>
          </li>
        </ol>
      </nav>
      <PageTitle
        title={title}
        sub={
          <p className="subtitle">
            {t('direction.issuedBy', {
              name: f.name({ name: d.issuerName, nameRu: d.issuerNameRu }),
              date: f.dateTime(d.issuedAt),
            })}
          </p>
        }
      >
        {title}
      </PageTitle>
      <dl className="facts">
        <div>
          <dt>{t('direction.deadline')}</dt>
          <dd>{day(d.deadline)}</dd>
        </div>
        <div>
          <dt>{t('direction.dueHere')}</dt>
          <dd>{day(d.body.dueAt)}</dd>
        </div>
        <div>
          <dt>{t('direction.basis')}</dt>
          <dd>{d.motionId ? t('direction.byMotion') : t('direction.byDecision')}</dd>
        </div>
        <div>
          <dt>{t('direction.acknowledgedCol')}</dt>
          <dd>{d.body.ackAt ? f.dateTime(d.body.ackAt) : t('direction.notAcknowledged')}</dd>
        </div>
      </dl>
      <div className="act-row direction-links">
        {d.can.acknowledge && (
          <ActButton act={ack} className="button" onClick={() => ack.mutate()}>
            {ack.isPending ? t('forms.working') : t('direction.acknowledge')}
          </ActButton>
        )}
        {d.body.addressed && d.formId && (
          <Link className="button button-secondary" to={`/direction/rounds/${d.roundId}/reports/${here}`}>
            {t('direction.openReport')}
          </Link>
        )}
        {(d.body.relay || here === d.issuerBodyId) && (
          <Link className="button button-secondary" to={`/direction/rounds/${d.roundId}?bodyId=${here}`}>
            {t('direction.openDashboard')}
          </Link>
        )}
      </div>
      {ack.error ? <FormError id="ack-err" error={ack.error} /> : null}
      <section className="card" aria-labelledby="text-h">
        <h2 id="text-h">{t('direction.text')}</h2>
        <Texts text={d.text} textRu={d.textRu} />
        {d.targets.length > 0 && (
          <>
            <h3>{t('direction.targets')}</h3>
            <ul>
              {d.targets.map((tr) => (
                <li key={tr.indicatorId}>
                  {indicatorName(tr.indicatorId)}:{' '}
                  {t(`direction.targetRule.${tr.mode}.${tr.sense}`, { value: f.number(tr.value) })}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {d.concretisations.length > 0 && (
        <section className="card" aria-labelledby="conc-h">
          <h2 id="conc-h">{t('direction.concretisations')}</h2>
          <ol className="plain-list">
            {d.concretisations.map((c) => (
              <li key={c.bodyId} className="case">
                <p>
                  <strong>{f.name({ name: c.bodyName, nameRu: c.bodyNameRu })}</strong> ·{' '}
                  {t('direction.dueOn', { date: day(c.deadline) })}
                </p>
                <Texts text={c.text} textRu={c.textRu} />
              </li>
            ))}
          </ol>
        </section>
      )}
      {d.can.concretise && (
        <section className="card">
          <Disclosure label={t('direction.concretiseTitle')}>
            <Concretise d={d} />
          </Disclosure>
        </section>
      )}
      {d.can.splitTargets && <Split d={d} />}
      {(d.body.relay || here === d.issuerBodyId) && <Acknowledgements d={d} />}
    </article>
  );
}
