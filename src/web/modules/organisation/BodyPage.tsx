// A body's page: breadcrumbs, kind and names, offices, sub-bodies, the enterprise triangle and
// saturation, and the member list (search and pages; a refusal is shown, not thrown).
import { useState } from 'react';
import { useParams, Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { BodyDetail, BodyRef, Triangle } from '../../../contracts/organisation.js';
import { useBody, useChildren } from './queries.js';
import { useFormat } from '../../app/format.js';
import { ErrorNotice, Loading } from '../../ui/feedback.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { MemberList } from './MemberList.js';
import { BodyMeetings } from '../assembly/BodyMeetings.js';
import { OfficeActs } from './OfficeActs.js';

const SUB_BODIES_SHOWN = 30;

function Breadcrumbs({ ancestors, current }: { ancestors: BodyRef[]; current: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <nav className="breadcrumbs" aria-label={t('body.breadcrumbs')}>
      <ol>
        <li>
          <Link to="/">{t('app.nav.tree')}</Link>
        </li>
        {ancestors.map((a) => (
          <li key={a.id}>
            <Link to={`/bodies/${a.id}`}>{f.name(a)}</Link>
          </li>
        ))}
        <li>
          <span aria-current="page">{current}</span>
        </li>
      </ol>
    </nav>
  );
}

function Offices({ detail }: { detail: BodyDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="card" aria-labelledby="offices-h">
      <h2 id="offices-h">{t('body.offices')}</h2>
      {detail.offices.length === 0 ? (
        <p className="muted">{t('body.noOffices')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('body.officeTitle')}</th>
                <th scope="col">{t('body.holder')}</th>
                <th scope="col">{t('body.term')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.offices.map((o) => (
                <tr key={o.id}>
                  <td>{t(`office.${o.title}`, { defaultValue: o.title.replace(/_/g, ' ') })}</td>
                  <td>
                    <Link to={`/persons/${o.personId}`}>{f.name({ name: o.personName, nameRu: o.personNameRu })}</Link>
                  </td>
                  <td>
                    {o.endsOn
                      ? t('body.termRange', { from: f.date(o.startsOn), to: f.date(o.endsOn) })
                      : t('body.termFrom', { from: f.date(o.startsOn) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <OfficeActs offices={detail.offices} />
    </section>
  );
}

function SubBodies({ id }: { id: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const children = useChildren(id);
  const [showAll, setShowAll] = useState(false);
  const items = children.data?.items ?? [];
  const shown = showAll ? items : items.slice(0, SUB_BODIES_SHOWN);
  return (
    <section className="card" aria-labelledby="sub-h" aria-busy={children.isPending}>
      <h2 id="sub-h">{t('body.subBodies')}</h2>
      {children.isPending ? (
        <Loading />
      ) : children.isError ? (
        <ErrorNotice error={children.error} onRetry={() => void children.refetch()} />
      ) : children.data.items.length === 0 ? (
        <p className="muted">{t('body.noSubBodies')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('body.name')}</th>
                <th scope="col" className="hide-narrow">
                  {t('body.kind')}
                </th>
                <th scope="col" className="num">
                  {t('body.members')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((b) => (
                <tr key={b.id}>
                  <td>
                    <Link to={`/bodies/${b.id}`}>{f.name(b)}</Link>
                    {b.belowMinimum && <span className="badge badge-warn">{t('tree.belowMinimum')}</span>}
                  </td>
                  <td className="hide-narrow">{t(`kind.${b.kind}`)}</td>
                  <td className="num">{b.memberCount !== undefined ? f.number(b.memberCount) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {items.length > shown.length && (
            <button type="button" className="button button-secondary show-all" onClick={() => setShowAll(true)}>
              {t('body.showAll', { n: f.number(items.length) })}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function TriangleCard({ detail, triangle }: { detail: BodyDetail; triangle: Triangle }) {
  const { t } = useTranslation();
  const f = useFormat();
  const parts: { key: keyof Triangle; label: string }[] = [
    { key: 'management', label: t('body.triangleParts.management') },
    { key: 'unionCommittee', label: t('body.triangleParts.unionCommittee') },
    { key: 'primaryOrganisation', label: t('body.triangleParts.primaryOrganisation') },
  ];
  const ent = detail.enterprise;
  return (
    <section className="card" aria-labelledby="triangle-h">
      <h2 id="triangle-h">{t('body.triangle')}</h2>
      <p className="muted">{t('body.triangleIntro')}</p>
      {ent && (
        <p>
          <strong>{t('body.enterprise')}:</strong> {f.name(ent)} · {t('body.workforce')}: {f.number(ent.workforce)}
        </p>
      )}
      <ul className="triangle" aria-label={t('body.triangle')}>
        {parts.map(({ key, label }) => {
          const ref = triangle[key];
          return (
            <li key={key} className="triangle-part">
              <span className="triangle-role">{label}</span>
              {ref ? (
                ref.id === detail.body.id ? (
                  <span className="triangle-name">{f.name(ref)}</span>
                ) : (
                  <Link to={`/bodies/${ref.id}`} className="triangle-name">
                    {f.name(ref)}
                  </Link>
                )
              ) : (
                <span className="muted">{t('body.triangleMissing')}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function SaturationCard({ detail }: { detail: BodyDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const s = detail.saturation;
  if (!s) return null;
  const pct = Math.max(0, Math.min(1, s.ratio));
  return (
    <section className="card" aria-labelledby="sat-h">
      <h2 id="sat-h">{t('body.saturation')}</h2>
      <p className="saturation" data-testid="saturation">
        {t('body.saturationValue', {
          percent: f.percent(s.ratio),
          members: f.number(s.members),
          workforce: f.number(s.workforce),
        })}
      </p>
      <div
        className="meter"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(pct * 1000) / 10}
        aria-valuetext={f.percent(s.ratio)}
        aria-labelledby="sat-h"
      >
        <div className="meter-fill" style={{ width: `${pct * 100}%` }} />
      </div>
      <p className="muted small">{t('body.saturationHelp')}</p>
    </section>
  );
}

export function BodyPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const body = useBody(id);

  if (body.isPending) {
    return (
      <div aria-busy="true">
        <Loading />
      </div>
    );
  }
  if (body.isError) return <ErrorNotice error={body.error} onRetry={() => void body.refetch()} />;

  const d = body.data;
  const b = d.body;
  const alt = f.altName(b);
  return (
    <article className="body-page" key={b.id}>
      <Breadcrumbs ancestors={d.ancestors} current={f.name(b)} />
      <PageTitle
        title={f.name(b)}
        sub={
          <p className="subtitle">
            <span className="badge badge-kind">{t(`kind.${b.kind}`)}</span>
            {b.status !== 'active' && <span className="badge badge-warn">{t(`body.status.${b.status}`)}</span>}
            {d.belowMinimum && <span className="badge badge-warn">{t('tree.belowMinimumLong')}</span>}
            {alt && (
              <span className="alt-name" lang={f.lang === 'ru' ? 'en' : 'ru'}>
                {alt}
              </span>
            )}
          </p>
        }
      >
        {f.name(b)}
      </PageTitle>

      <dl className="facts">
        <div>
          <dt>{t('body.size')}</dt>
          <dd>
            {t('body.sizeMembers', { count: d.size.members, n: f.number(d.size.members) })},{' '}
            {t('body.sizeCandidates', { count: d.size.candidates, n: f.number(d.size.candidates) })}
          </dd>
        </div>
        {b.kind === 'primary_organisation' && (
          <div>
            <dt>{t('body.minimum')}</dt>
            <dd>{f.number(d.size.statuteMinimum)}</dd>
          </div>
        )}
        <div>
          <dt>{t('body.subBodies')}</dt>
          <dd>{f.number(d.childCount)}</dd>
        </div>
        <div>
          <dt>{t('app.nav.stats')}</dt>
          <dd>
            <Link to={`/stats?body=${b.id}`}>{t('body.statsLink')}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('app.nav.direction')}</dt>
          <dd>
            <Link to={`/direction/bodies/${b.id}`}>{t('body.directionLink')}</Link>
          </dd>
        </div>
      </dl>

      {d.belowMinimum && (
        <p className="notice notice-warn">
          {t('body.belowMinimumNote', {
            count: d.size.counted,
            counted: f.number(d.size.counted),
            min: f.number(d.size.statuteMinimum),
          })}
        </p>
      )}

      <div className="grid">
        <div>
          {d.saturation && <SaturationCard detail={d} />}
          <Offices detail={d} />
        </div>
        {d.triangle && <TriangleCard detail={d} triangle={d.triangle} />}
      </div>
      <SubBodies id={b.id} />
      <BodyMeetings bodyId={b.id} bodyKind={b.kind} />

      <MemberList bodyId={b.id} />
    </article>
  );
}
