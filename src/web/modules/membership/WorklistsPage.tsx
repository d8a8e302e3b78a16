// Worklists of the bodies the signed-in person's offices cover: for a primary organisation's
// secretary (applications, candidates due, arrears, charges, reviews, transfers, resignations)
// for a committee (confirmations of admissions, appeals) and for a control commission (the appeals before it).
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth.js';
import { useFormat } from '../../app/format.js';
import { Loading } from '../../ui/feedback.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { Select } from '../../ui/forms.js';
import { useBody } from '../organisation/queries.js';
import { ApplicationsWorklist, CandidatesDueWorklist, ConfirmationsWorklist } from './admission.js';
import { AppealsWorklist, ChargesWorklist } from './discipline.js';
import { ArrearsWorklist } from './dues.js';
import { CommitteeReviews, ReviewsWorklist } from './review.js';
import { ResignationsWorklist, UnregisteredWorklist } from './transfer.js';

const PRIMARY = ['primary_organisation', 'shop_cell', 'party_group'];

export function WorklistsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useMe().data!;
  const [params, setParams] = useSearchParams();
  // the bodies the person's offices cover, then the control commissions they sit on (the appeals before each)
  const scopes = [...me.scopes, ...me.commissions].filter(
    (s, i, all) => all.findIndex((x) => x.bodyId === s.bodyId) === i,
  );
  const bodyId = params.get('body') ?? scopes[0]?.bodyId ?? '';
  const body = useBody(bodyId, !!bodyId);
  const title = t('worklists.title');
  if (!me.can.worklists || scopes.length === 0) {
    return (
      <section>
        <PageTitle title={title}>{title}</PageTitle>
        <p>{t('worklists.noScopes')}</p>
      </section>
    );
  }
  const kind = body.data?.body.kind;
  const isPrimary = kind ? PRIMARY.includes(kind) : false;
  return (
    <article className="worklists">
      <PageTitle
        title={title}
        sub={
          body.data && (
            <p className="subtitle">
              {f.name(body.data.body)} <span className="badge badge-kind">{t(`kind.${body.data.body.kind}`)}</span>
            </p>
          )
        }
      >
        {title}
      </PageTitle>
      {scopes.length > 1 && (
        <div className="scope-picker">
          <Select
            label={t('worklists.forBody')}
            value={bodyId}
            onChange={(v) => setParams({ body: v }, { replace: true })}
            options={scopes.map((s) => ({
              value: s.bodyId,
              label: `${f.name({ name: s.bodyName, nameRu: s.bodyNameRu })} — ${t(`office.${s.title}`, { defaultValue: s.title })}`,
            }))}
          />
        </div>
      )}
      {bodyId && kind !== 'control_commission' && (
        <p>
          <Link to={`/direction/bodies/${bodyId}`}>{t('worklists.directionInbox')}</Link>
        </p>
      )}
      {body.isPending ? (
        <Loading />
      ) : kind === 'control_commission' ? (
        <div className="worklist-stack" key={bodyId}>
          <AppealsWorklist bodyId={bodyId} />
        </div>
      ) : isPrimary ? (
        <div className="worklist-stack" key={bodyId}>
          <ApplicationsWorklist bodyId={bodyId} />
          <CandidatesDueWorklist bodyId={bodyId} />
          <ChargesWorklist bodyId={bodyId} />
          <ArrearsWorklist bodyId={bodyId} />
          <ReviewsWorklist />
          <ResignationsWorklist bodyId={bodyId} />
          <UnregisteredWorklist bodyId={bodyId} />
        </div>
      ) : (
        <div className="worklist-stack" key={bodyId}>
          <ConfirmationsWorklist bodyId={bodyId} />
          <AppealsWorklist bodyId={bodyId} />
          <CommitteeReviews bodyId={bodyId} />
          <CandidatesDueWorklist bodyId={bodyId} />
          <ChargesWorklist bodyId={bodyId} />
          <ArrearsWorklist bodyId={bodyId} />
          <ReviewsWorklist />
          <UnregisteredWorklist bodyId={bodyId} />
        </div>
      )}
    </article>
  );
}
