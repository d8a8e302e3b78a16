// A person's page: names in Latin and Cyrillic, status, card, social position, organisation, offices.
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../../app/api.js';
import { useFormat } from '../../app/format.js';
import { ErrorNotice, Loading } from '../../ui/feedback.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { PersonMembership } from '../membership/PersonMembership.js';
import { ResetPasswordPanel } from '../auth/ResetPasswordPanel.js';
import { latinName } from '../../app/names.js';

export function PersonPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const q = useQuery({
    queryKey: ['persons', id],
    queryFn: ({ signal }) => ok(client.GET('/api/persons/{id}', { params: { path: { id: id! } }, signal })),
  });

  if (q.isPending) {
    return (
      <div aria-busy="true">
        <Loading />
      </div>
    );
  }
  if (q.isError) return <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />;

  const { person: p, body, primaryOrganisation, offices } = q.data;
  const latin = latinName(p);
  const shown = f.person(p);
  const none = t('person.none');
  // The server says whether the reader may issue a password reset code (ADR 0026).
  const canReset = q.data.can.issueResetCode;
  return (
    <article>
      <PageTitle
        title={shown}
        sub={
          <p className="subtitle">
            <span className="badge badge-kind">{t(`personStatus.${p.status}`)}</span>
          </p>
        }
      >
        {shown}
      </PageTitle>
      <div className="grid">
        <section className="card" aria-labelledby="names-h">
          <h2 id="names-h">{t('person.names')}</h2>
          <dl className="facts facts-list">
            <div>
              <dt>{t('person.latin')}</dt>
              <dd lang="en">{latin}</dd>
            </div>
            <div>
              <dt>{t('person.cyrillic')}</dt>
              <dd lang="ru">{p.nameRu ?? none}</dd>
            </div>
            <div>
              <dt>{t('person.status')}</dt>
              <dd>{t(`personStatus.${p.status}`)}</dd>
            </div>
            <div>
              <dt>{t('person.cardNumber')}</dt>
              <dd className="mono">{p.cardNumber ?? none}</dd>
            </div>
            <div>
              <dt>{t('person.socialPosition')}</dt>
              <dd>{t(`socialPosition.${p.socialPosition}`)}</dd>
            </div>
            <div>
              <dt>{t('person.organisation')}</dt>
              <dd>
                {primaryOrganisation ? (
                  <Link to={`/bodies/${primaryOrganisation.id}`}>{f.name(primaryOrganisation)}</Link>
                ) : (
                  none
                )}
                {body && primaryOrganisation && body.id !== primaryOrganisation.id && (
                  <>
                    {' · '}
                    <Link to={`/bodies/${body.id}`}>{f.name(body)}</Link>
                  </>
                )}
                {body && !primaryOrganisation && <Link to={`/bodies/${body.id}`}>{f.name(body)}</Link>}
              </dd>
            </div>
            {p.enterpriseName && (
              <div>
                <dt>{t('person.enterprise')}</dt>
                <dd>{f.name({ name: p.enterpriseName, nameRu: p.enterpriseNameRu })}</dd>
              </div>
            )}
            {p.joinedOn && (
              <div>
                <dt>{t('person.joinedOn')}</dt>
                <dd>{f.date(p.joinedOn)}</dd>
              </div>
            )}
            {p.status === 'candidate' && p.candidateSince && (
              <div>
                <dt>{t('person.candidateSince')}</dt>
                <dd>{f.date(p.candidateSince)}</dd>
              </div>
            )}
            {p.birthYear !== null && (
              <div>
                <dt>{t('person.birthYear')}</dt>
                <dd>{p.birthYear}</dd>
              </div>
            )}
          </dl>
        </section>
        <section className="card" aria-labelledby="person-offices-h">
          <h2 id="person-offices-h">{t('person.offices')}</h2>
          {offices.length === 0 ? (
            <p className="muted">{t('person.noOffices')}</p>
          ) : (
            <ul className="office-list">
              {offices.map((o) => (
                <li key={o.id} className={o.active ? '' : 'muted'}>
                  <strong>{t(`office.${o.title}`, { defaultValue: o.title.replace(/_/g, ' ') })}</strong>
                  {' — '}
                  <Link to={`/bodies/${o.bodyId}`}>{f.name({ name: o.bodyName, nameRu: o.bodyNameRu })}</Link>{' '}
                  <span className="badge badge-kind">{t(`kind.${o.bodyKind}`)}</span>
                  <div className="small">
                    {o.endsOn
                      ? t('body.termRange', { from: f.date(o.startsOn), to: f.date(o.endsOn) })
                      : t('body.termFrom', { from: f.date(o.startsOn) })}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      {canReset && <ResetPasswordPanel personId={p.id} />}
      <PersonMembership detail={q.data} />
    </article>
  );
}
