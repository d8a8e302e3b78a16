// "My membership": the signed-in person's status, card (with the PDF), dues, history and open
// cases, and the acts open to them: apply, answer recommendations, answer a charge, appeal, resign.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { client, ok, urlOf } from '../../app/api.js';
import { useMe } from '../../app/auth.js';
import { useFormat } from '../../app/format.js';
import { ErrorNotice, Loading } from '../../ui/feedback.js';
import { Disclosure } from '../../ui/forms.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { AdmissionSection, ApplyForm, MyRecommendations } from './admission.js';
import { MyCases, PenaltiesSection } from './discipline.js';
import { DuesSection } from './dues.js';
import { PersonHistory } from './History.js';
import { useLabels } from './labels.js';
import { ResignForm } from './transfer.js';

export function CardDownload({ personId }: { personId: string }) {
  const { t } = useTranslation();
  return (
    <a className="button" href={urlOf('/api/persons/{id}/card.pdf', { id: personId })} download data-testid="card-pdf">
      {t('membership.downloadCard')}
    </a>
  );
}

export function MyMembershipPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const L = useLabels();
  const me = useMe().data!;
  const q = useQuery({
    queryKey: ['persons', me.personId],
    queryFn: ({ signal }) => ok(client.GET('/api/persons/{id}', { params: { path: { id: me.personId } }, signal })),
  });
  const title = t('membership.myTitle');
  if (q.isPending) {
    return (
      <div aria-busy="true">
        <PageTitle title={title}>{title}</PageTitle>
        <Loading />
      </div>
    );
  }
  if (q.isError) {
    return (
      <>
        <PageTitle title={title}>{title}</PageTitle>
        <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />
      </>
    );
  }
  const { person: p, primaryOrganisation } = q.data;
  const inParty = p.status === 'member' || p.status === 'candidate';
  return (
    <article className="my-membership">
      <PageTitle
        title={title}
        sub={<p className="subtitle">{f.name({ name: me.displayName, nameRu: me.displayNameRu })}</p>}
      >
        {title}
      </PageTitle>
      <section className="card" aria-labelledby="status-h">
        <h2 id="status-h">{t('membership.status')}</h2>
        <dl className="facts facts-list">
          <div>
            <dt>{t('person.status')}</dt>
            <dd data-testid="my-status">{L.status(p.status)}</dd>
          </div>
          <div>
            <dt>{t('person.cardNumber')}</dt>
            <dd className="mono" data-testid="my-card-number">
              {p.cardNumber ?? t('person.none')}
            </dd>
          </div>
          <div>
            <dt>{t('person.organisation')}</dt>
            <dd>
              {primaryOrganisation ? (
                <Link to={`/bodies/${primaryOrganisation.id}`}>{f.name(primaryOrganisation)}</Link>
              ) : (
                t('person.none')
              )}
            </dd>
          </div>
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
        </dl>
        <div className="act-row">
          {p.cardNumber && inParty && <CardDownload personId={p.id} />}
          <Link to={`/persons/${p.id}`}>{t('membership.fullRecord')}</Link>
        </div>
      </section>

      {(p.status === 'non_member' || p.status === 'sympathiser') && (
        <section className="card" aria-labelledby="apply-h">
          <h2 id="apply-h">{t('admission.applyHeading')}</h2>
          <p className="muted">{t('admission.applyIntro')}</p>
          <ApplyForm status={p.status} />
        </section>
      )}
      {p.status === 'candidate' && (
        <section className="card" aria-labelledby="apply-h">
          <h2 id="apply-h">{t('admission.toFullHeading')}</h2>
          <Disclosure label={t('admission.toFull')}>
            <ApplyForm status={p.status} />
          </Disclosure>
        </section>
      )}

      <div className="grid">
        <AdmissionSection personId={p.id} />
        <MyRecommendations />
        {/* someone outside the party sees charges and penalties only if they had any (an expelled member appealing) */}
        <MyCases onlyIfAny={!inParty} />
        <PenaltiesSection personId={p.id} onlyIfAny={!inParty} />
        {inParty && <DuesSection personId={p.id} />}
      </div>
      {inParty && (
        <section className="card" aria-labelledby="resign-h">
          <h2 id="resign-h">{t('resignation.heading')}</h2>
          <ResignForm />
        </section>
      )}
      <PersonHistory personId={p.id} />
    </article>
  );
}
