// The roll-up dashboard of a round at one body (ADR 0027 §6–7): completeness (numbers and a bar), figures per
// indicator (own, descendants, total, target and whether it is met, a committee's summary beside the raw total
// with a discrepancy flagged), the form's rules over this level's figures, and the children with their
// completeness and figures — a committee opens its own dashboard, an addressee its raw report — with a "not yet
// reported" filter and closed bodies marked; a bar chart of completeness per child; the approval worklist (the
// submitted children, approved together, refusals said one by one) and the level's acceptance, by the flags.
import { useId, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ApproveManyResult, Indicator, IndicatorFigure, RollupNode } from '../../../contracts/direction.js';
import { ApiError, client, ok } from '../../app/api.js';
import { useFormat } from '../../app/format.js';
import { ActButton } from '../../ui/ActButton.js';
import { Loading, useErrorMessage } from '../../ui/feedback.js';
import { ActionForm, Disclosure, FormError, TextArea, useAct } from '../../ui/forms.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { Pager } from '../../ui/Pager.js';
import { BarLegend, CompletenessBar, PageError, StateBadge, useDay, useTitle } from './common.js';
import { parseValue } from '../../../contracts/direction-value.js';
import { inputModeOf, notYetReported, reportedShare } from './logic.js';
import { DIRECTION, useRollup } from './queries.js';
import { LiveNote } from './LiveNote.js';
import { SeriesCard } from './SeriesChart.js';

type Child = RollupNode['children'][number];

/** Children shown a page at a time (a district has hundreds of primary organisations). */
const CHILDREN_PAGE = 25;

function useFigure() {
  const f = useFormat();
  return (x: number | null | undefined, ind?: Indicator) => {
    if (x === null || x === undefined) return '—';
    const rounded = ind?.decimals !== null && ind?.decimals !== undefined ? Number(x.toFixed(ind.decimals)) : x;
    const n = Math.abs(rounded) < 1000 && !Number.isInteger(rounded) ? Number(rounded.toFixed(2)) : rounded;
    return f.number(n);
  };
}

function CompletenessCard({ node }: { node: RollupNode }) {
  const { t } = useTranslation();
  const f = useFormat();
  const c = node.completeness;
  const rows: [string, number][] = [
    [t('direction.c.expected'), c.expected],
    [t('direction.c.reported'), c.reported],
    [t('direction.c.onTime'), c.onTime],
    [t('direction.c.late'), c.late],
    [t('direction.c.returned'), c.returned],
    [t('direction.c.approved'), c.approved],
    [t('direction.c.excused'), c.excused],
    [t('direction.c.acknowledged'), c.acknowledged],
  ];
  return (
    <section className="card" aria-labelledby="compl-h">
      <h2 id="compl-h">
        {t('direction.completeness')} <span className="small muted">{f.percent(reportedShare(c))}</span>
      </h2>
      <CompletenessBar c={c} label={t('direction.completeness')} />
      <BarLegend />
      <dl className="direction-numbers">
        {rows.map(([label, n]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{f.number(n)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function FiguresCard({ node }: { node: RollupNode }) {
  const { t } = useTranslation();
  const f = useFormat();
  const fig = useFigure();
  const byId = new Map(node.indicators.map((i) => [i.id, i]));
  if (node.figures.length === 0) return null;
  const anySummary = node.figures.some((x) => x.summary !== null);
  const anyTarget = node.figures.some((x) => x.target !== null);
  return (
    <section className="card" aria-labelledby="fig-h">
      <h2 id="fig-h">{t('direction.figures')}</h2>
      <div className="table-wrap">
        <table className="direction-stack">
          <thead>
            <tr>
              <th scope="col">{t('direction.indicator')}</th>
              <th scope="col" className="num">
                {t('direction.own')}
              </th>
              <th scope="col" className="num">
                {t('direction.descendants')}
              </th>
              <th scope="col" className="num">
                {t('direction.total')}
              </th>
              {anyTarget && (
                <th scope="col" className="num">
                  {t('direction.target')}
                </th>
              )}
              {anySummary && (
                <th scope="col" className="num">
                  {t('direction.summary')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {node.figures.map((x) => {
              const ind = byId.get(x.indicatorId);
              return (
                <tr key={x.indicatorId} className={x.discrepant ? 'direction-discrepant' : undefined}>
                  <th scope="row">
                    {ind ? f.name(ind) : x.code}
                    {ind && (f.lang === 'ru' ? ind.unitRu : ind.unit) && (
                      <span className="small muted"> ({f.lang === 'ru' ? ind.unitRu : ind.unit})</span>
                    )}
                  </th>
                  <td className="num" data-label={t('direction.own')}>
                    {fig(x.own, ind)}
                  </td>
                  <td className="num" data-label={t('direction.descendants')}>
                    {fig(x.descendants, ind)}
                  </td>
                  <td className="num" data-label={t('direction.total')}>
                    <strong>{fig(x.total, ind)}</strong>
                  </td>
                  {anyTarget && (
                    <td className="num" data-label={t('direction.target')}>
                      <span>
                        {fig(x.target, ind)}
                        {x.met !== null && (
                          <span className={x.met ? 'badge' : 'badge badge-warn'}>
                            {x.met ? t('direction.met') : t('direction.notMet')}
                          </span>
                        )}
                      </span>
                    </td>
                  )}
                  {anySummary && (
                    <td className="num" data-label={t('direction.summary')}>
                      <span>
                        {fig(x.summary, ind)}
                        {x.discrepant && <span className="badge badge-warn">{t('direction.discrepant')}</span>}
                      </span>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {node.figures.some((x) => x.discrepant) && (
        <p className="notice notice-warn small">{t('direction.discrepancyNote')}</p>
      )}
    </section>
  );
}

function RulesCard({ node }: { node: RollupNode }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (node.rules.length === 0) return null;
  return (
    <section className="card" aria-labelledby="rules-level-h">
      <h2 id="rules-level-h">{t('direction.rulesHere')}</h2>
      <ul className="plain-list">
        {node.rules.map((r) => (
          <li key={r.ruleId} className={`direction-rule direction-rule-${r.outcome}`}>
            <span className="direction-rule-mark" aria-hidden="true">
              {r.outcome === 'pass' ? '✓' : r.outcome === 'fail' ? '!' : '…'}
            </span>{' '}
            {f.name({ name: r.name, nameRu: r.nameRu })}{' '}
            <span className="small muted">
              {r.outcome === 'pass'
                ? t('direction.rulePass')
                : r.outcome === 'skip'
                  ? t('direction.ruleSkip')
                  : t('direction.ruleFailsHere')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Completeness per child as horizontal bars (SVG); the children's table carries the same figures. */
function ChildrenChart({ children }: { children: Child[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const rows = children.filter((c) => c.completeness.expected > 0);
  if (rows.length < 2) return null;
  // each row: the body's name on a line of its own (names of primary organisations are long and alike), the bar
  // under it, the share at the right
  const width = 520;
  const valueW = 64;
  const rowH = 42;
  const barH = 14;
  const height = 6 + rows.length * rowH;
  const plotW = width - valueW;
  const clip = (s: string) => (s.length > 64 ? `${s.slice(0, 63)}…` : s);
  return (
    <svg
      className="chart direction-chart hide-narrow"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-t`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-t`}>{t('direction.chartTitle')}</title>
      {rows.map((c, i) => {
        const y = 4 + i * rowH;
        const name = f.name({ name: c.bodyName, nameRu: c.bodyNameRu });
        const share = reportedShare(c.completeness);
        const approved = c.completeness.expected ? c.completeness.approved / c.completeness.expected : 0;
        const barY = y + 20;
        return (
          <g key={c.bodyId}>
            <title>{`${name}: ${f.percent(share)}`}</title>
            <text className="chart-label direction-chart-label" x={0} y={y + 12}>
              {clip(name)}
            </text>
            <rect className="direction-chart-track" x={0} y={barY} width={plotW} height={barH} />
            <rect className="chart-bar direction-chart-reported" x={0} y={barY} width={share * plotW} height={barH} />
            <rect className="direction-chart-approved" x={0} y={barY} width={approved * plotW} height={barH} />
            <text className="chart-value" x={plotW + 6} y={barY + barH / 2} dominantBaseline="middle">
              {f.percent(share)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function ChildrenCard({ node }: { node: RollupNode }) {
  const { t } = useTranslation();
  const f = useFormat();
  const fig = useFigure();
  const [onlyMissing, setOnlyMissing] = useState(false);
  const [offset, setOffset] = useState(0);
  const shownIndicators = node.indicators.filter((i) => i.valueType !== 'text').slice(0, 3);
  const all = onlyMissing ? notYetReported(node.children) : node.children;
  const children = all.slice(offset, offset + CHILDREN_PAGE);
  const link = (c: Child) =>
    c.relay
      ? `/direction/rounds/${node.roundId}?bodyId=${c.bodyId}`
      : `/direction/rounds/${node.roundId}/reports/${c.bodyId}`;
  const figOf = (c: Child, i: Indicator): IndicatorFigure | undefined => c.figures.find((x) => x.indicatorId === i.id);
  return (
    <section className="card" aria-labelledby="children-h">
      <h2 id="children-h">{t('direction.children')}</h2>
      <label className="radio direction-filter">
        <input
          type="checkbox"
          checked={onlyMissing}
          onChange={(e) => {
            setOnlyMissing(e.target.checked);
            setOffset(0);
          }}
        />{' '}
        {t('direction.onlyMissing')}
      </label>
      <ChildrenChart children={children} />
      {children.length === 0 ? (
        <p className="muted">{onlyMissing ? t('direction.allReported') : t('direction.noChildren')}</p>
      ) : (
        <div className="table-wrap">
          <table className="direction-children direction-stack">
            <thead>
              <tr>
                <th scope="col">{t('direction.child')}</th>
                <th scope="col">{t('direction.stateCol')}</th>
                <th scope="col" className="num">
                  {t('direction.reportsIn')}
                </th>
                {shownIndicators.map((i) => (
                  <th key={i.id} scope="col" className="num">
                    {f.name(i)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {children.map((c) => (
                <tr key={c.bodyId} data-testid="rollup-child">
                  <th scope="row">
                    <Link to={link(c)}>{f.name({ name: c.bodyName, nameRu: c.bodyNameRu })}</Link>
                    {c.closed && <span className="badge badge-warn">{t('direction.closed')}</span>}
                    {c.relay && <span className="badge badge-kind">{t('direction.relay')}</span>}
                  </th>
                  <td data-label={t('direction.stateCol')}>
                    <span>
                      {c.addressed && <StateBadge state={c.state} />}
                      {c.excused && <span className="badge">{t('direction.excused')}</span>}
                      {c.accepted && <span className="badge">{t('direction.accepted')}</span>}
                      {c.onTime === false && <span className="badge badge-warn">{t('direction.late')}</span>}
                    </span>
                  </td>
                  <td className="num" data-label={t('direction.reportsIn')}>
                    {f.number(c.completeness.reported)} / {f.number(c.completeness.expected)}
                  </td>
                  {shownIndicators.map((i) => {
                    const x = figOf(c, i);
                    return (
                      <td key={i.id} className="num" data-label={f.name(i)}>
                        <span>
                          {fig(x?.total, i)}
                          {x?.discrepant && <span className="badge badge-warn">{t('direction.discrepant')}</span>}
                          {x?.discrepant && (
                            <span className="small direction-summary-beside">
                              {' '}
                              {t('direction.summary')}: {fig(x.summary, i)}
                            </span>
                          )}
                        </span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <Pager offset={offset} limit={CHILDREN_PAGE} total={all.length} onChange={setOffset} />
        </div>
      )}
    </section>
  );
}

function ApprovalWorklist({ node }: { node: RollupNode }) {
  const { t } = useTranslation();
  const f = useFormat();
  const message = useErrorMessage();
  const submitted = node.children.filter((c) => c.addressed && c.state === 'submitted');
  // every submitted child is chosen unless the reader unticks it (the list changes as reports come and go)
  const [unticked, setUnticked] = useState<Set<string>>(() => new Set());
  const chosen = new Set(submitted.map((c) => c.bodyId).filter((id) => !unticked.has(id)));
  const [result, setResult] = useState<ApproveManyResult | null>(null);
  const act = useAct(
    (items: { bodyId: string; version: number }[]) =>
      ok(
        client.POST('/api/direction/rounds/{id}/approve', {
          params: { path: { id: node.roundId } },
          body: { items },
        }),
      ),
    [[...DIRECTION]],
  );
  const nameOf = (id: string) => {
    const c = node.children.find((x) => x.bodyId === id);
    return c ? f.name({ name: c.bodyName, nameRu: c.bodyNameRu }) : id;
  };
  const toggle = (id: string, on: boolean) =>
    setUnticked((s) => {
      const n = new Set(s);
      if (on) n.delete(id);
      else n.add(id);
      return n;
    });
  return (
    <section className="card worklist" aria-labelledby="approve-h" data-testid="approval-worklist">
      <h2 id="approve-h">
        {t('direction.approvalTitle')}
        {submitted.length > 0 && (
          <span className="badge count-badge">
            <span aria-hidden="true">{submitted.length}</span>
            <span className="visually-hidden">{t('worklists.count', { count: submitted.length })}</span>
          </span>
        )}
      </h2>
      {submitted.length === 0 ? (
        <p className="muted">{t('direction.nothingToApprove')}</p>
      ) : (
        <ActionForm
          submitLabel={t('direction.approveChosen', { count: chosen.size })}
          state={act}
          done={t('direction.approvedMany', { count: act.data?.approved.length ?? 0 })}
          onSubmit={() => {
            const items = submitted
              .filter((c) => chosen.has(c.bodyId))
              .map((c) => ({ bodyId: c.bodyId, version: c.version }));
            if (items.length === 0) return t('direction.chooseSome');
            setResult(null);
            act.mutate(items, { onSuccess: (r) => setResult(r) });
          }}
        >
          <fieldset>
            <legend className="visually-hidden">{t('direction.approvalTitle')}</legend>
            <ul className="plain-list">
              {submitted.map((c) => (
                <li key={c.bodyId} className="direction-approve-row">
                  <label className="radio">
                    <input
                      type="checkbox"
                      checked={chosen.has(c.bodyId)}
                      onChange={(e) => toggle(c.bodyId, e.target.checked)}
                    />{' '}
                    {f.name({ name: c.bodyName, nameRu: c.bodyNameRu })}
                  </label>{' '}
                  {c.onTime === false && <span className="badge badge-warn">{t('direction.late')}</span>}{' '}
                  <Link to={`/direction/rounds/${node.roundId}/reports/${c.bodyId}`} className="small">
                    {t('direction.openReport')}
                  </Link>
                </li>
              ))}
            </ul>
          </fieldset>
        </ActionForm>
      )}
      {result && result.refused.length > 0 && (
        <div className="notice notice-warn" role="alert">
          <p>{t('direction.refusedSome', { count: result.refused.length })}</p>
          <ul>
            {result.refused.map((r) => (
              <li key={r.bodyId}>
                <strong>{nameOf(r.bodyId)}</strong>: {message(new ApiError(409, r.code, ''))}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/**
 * A committee's own summary of its subtree (forms with committeeSummary): one field per numeric indicator, parsed
 * as the server parses it; filed, it is compared with the raw reports below and shown beside them (never counted).
 */
function SummaryForm({ node }: { node: RollupNode }) {
  const { t } = useTranslation();
  const f = useFormat();
  const fields = node.indicators.filter((i) => i.valueType !== 'text' && i.aggregation !== 'none');
  const [entries, setEntries] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      fields.map((i) => {
        const x = node.figures.find((y) => y.indicatorId === i.id)?.summary;
        return [i.code, x === null || x === undefined ? '' : String(x)];
      }),
    ),
  );
  const [tried, setTried] = useState(false);
  const parsed = fields.map((i) => ({ i, p: parseValue(i, entries[i.code] ?? '') }));
  const act = useAct(
    (values: Record<string, number | null>) =>
      ok(
        client.POST('/api/direction/rounds/{id}/reports/{bodyId}/submit', {
          params: { path: { id: node.roundId, bodyId: node.body.id } },
          body: { version: 0, scope: 'summary', values },
        }),
      ),
    [[...DIRECTION]],
  );
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-h`} data-testid="summary-form">
      <h2 id={`${id}-h`}>{t('direction.summaryTitle')}</h2>
      <p className="small">{t('direction.summaryHelp')}</p>
      <ActionForm
        submitLabel={t('direction.summarySubmit')}
        state={act}
        done={t('direction.summaryDone')}
        onSubmit={() => {
          setTried(true);
          const bad = parsed.filter((x) => !x.p.ok).length;
          if (bad > 0) return t('forms.checkFields', { count: bad });
          act.mutate(
            Object.fromEntries(
              parsed.map(({ i, p }) => [i.code, p.ok && typeof p.value === 'number' ? p.value : null]),
            ),
          );
        }}
      >
        <div className="direction-values">
          {parsed.map(({ i, p }) => {
            const msg = tried && !p.ok ? t(`direction.problem.${p.reason}`) : null;
            return (
              <div key={i.id} className="field direction-value" data-code={i.code}>
                <label htmlFor={`${id}-${i.code}`}>{f.name(i)}</label>
                <input
                  id={`${id}-${i.code}`}
                  name={i.code}
                  type="text"
                  inputMode={inputModeOf(i.valueType)}
                  autoComplete="off"
                  value={entries[i.code] ?? ''}
                  aria-invalid={msg ? true : undefined}
                  aria-describedby={msg ? `${id}-${i.code}-msg` : undefined}
                  onChange={(e) => setEntries((x) => ({ ...x, [i.code]: e.target.value }))}
                />
                {msg && (
                  <span id={`${id}-${i.code}-msg`} className="field-error small">
                    {msg}
                  </span>
                )}
              </div>
            );
          })}
        </div>
      </ActionForm>
    </section>
  );
}

function LevelActs({ node }: { node: RollupNode }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const path = { id: node.roundId, bodyId: node.body.id };
  const accept = useAct(
    () => ok(client.POST('/api/direction/rounds/{id}/levels/{bodyId}/accept', { params: { path } })),
    [[...DIRECTION]],
  );
  const reopen = useAct(
    (r: string) =>
      ok(
        client.POST('/api/direction/rounds/{id}/levels/{bodyId}/reopen', {
          params: { path },
          body: { reason: r },
        }),
      ),
    [[...DIRECTION]],
  );
  if (!node.can.accept && !node.can.reopenLevel) return null;
  return (
    <section className="card" aria-labelledby="level-h">
      <h2 id="level-h">{t('direction.levelTitle')}</h2>
      {node.can.accept && (
        <div className="act-row">
          <ActButton
            act={accept}
            className="button"
            confirm={t('direction.acceptConfirm')}
            onClick={() => accept.mutate()}
          >
            {accept.isPending ? t('forms.working') : t('direction.acceptLevel')}
          </ActButton>
          {accept.error ? <FormError id="accept-err" error={accept.error} /> : null}
        </div>
      )}
      {node.can.reopenLevel && (
        <Disclosure label={t('direction.reopenLevel')}>
          <ActionForm
            submitLabel={t('direction.reopenLevel')}
            state={reopen}
            onSubmit={() => {
              if (reason.trim() === '') return t('direction.reasonNeeded');
              reopen.mutate(reason.trim());
            }}
          >
            <TextArea label={t('direction.reason')} value={reason} onChange={setReason} />
          </ActionForm>
        </Disclosure>
      )}
    </section>
  );
}

export function DashboardPage() {
  const { roundId = '' } = useParams();
  const [params] = useSearchParams();
  const bodyId = params.get('bodyId') ?? '';
  const { t } = useTranslation();
  const f = useFormat();
  const day = useDay();
  const titleOf = useTitle();
  const q = useRollup(roundId, bodyId);
  if (q.isPending) return <Loading />;
  if (q.isError) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  const node = q.data;
  const b = node.body;
  const name = f.name({ name: b.name, nameRu: b.nameRu });
  const title = titleOf(node);
  return (
    <article className="direction-page" aria-busy={q.isFetching}>
      <nav className="breadcrumbs" aria-label={t('body.breadcrumbs')}>
        <ol>
          <li>
            <Link to={`/direction/bodies/${b.id}`}>{t('direction.inboxOf', { name })}</Link>
          </li>
          {b.parentId && (
            <li>
              <Link to={`/direction/rounds/${roundId}?bodyId=${b.parentId}`}>{t('direction.levelAbove')}</Link>
            </li>
          )}
          <li>
            <span aria-current="page">{name}</span>
          </li>
        </ol>
      </nav>
      <PageTitle
        title={`${title} · ${name}`}
        sub={
          <p className="subtitle">
            {name}
            {b.accepted && <span className="badge">{t('direction.accepted')}</span>}{' '}
            <span className="small muted">
              {t('direction.periodRange', { from: f.date(node.periodStart), to: f.date(node.periodEnd) })} ·{' '}
              {t('direction.dueOn', { date: day(node.dueAt) })}
            </span>
          </p>
        }
      >
        {title}
      </PageTitle>
      <LiveNote roundId={roundId} bodyId={bodyId} queryKey={['direction', 'rollup', roundId, bodyId]} />
      {b.addressed && (
        <p>
          <Link className="button button-secondary" to={`/direction/rounds/${roundId}/reports/${b.id}`}>
            {t('direction.ownReport')}
          </Link>{' '}
          <StateBadge state={b.state} />
        </p>
      )}
      {node.campaignId && (
        <p>
          <Link className="button button-secondary" to={`/direction/campaigns/${node.campaignId}?bodyId=${b.id}`}>
            {t('direction.campaign.openProgress')}
          </Link>
        </p>
      )}
      <div className="grid">
        <CompletenessCard node={node} />
        <RulesCard node={node} />
      </div>
      <FiguresCard node={node} />
      <SeriesCard scheduleId={node.scheduleId} bodyId={b.id} />
      {node.can.approve && <ApprovalWorklist node={node} />}
      <ChildrenCard node={node} />
      {node.can.summary && <SummaryForm node={node} />}
      <LevelActs node={node} />
    </article>
  );
}
