// Person page additions for those whose offices cover the person: history (audit trail),
// penalties, dues, admission, and acts (bring a charge, transfer, record a payment).
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../contracts/person.js';
import { useMe } from '../../app/auth.js';
import { AdmissionSection } from './admission.js';
import { BringChargeForm, PenaltiesSection } from './discipline.js';
import { DuesSection } from './dues.js';
import { PersonHistory } from './History.js';
import { CardDownload } from './MyMembershipPage.js';
import { TransferForms } from './transfer.js';

function within(path: string, root: string): boolean {
  return path === root || path.startsWith(`${root}.`);
}

export function PersonMembership({ detail }: { detail: PersonDetail }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const p = detail.person;
  const self = me?.personId === p.id;
  const path = detail.body?.path ?? null;
  const entitled = !!me && !!path && me.scopes.some((s) => within(path, s.path));
  if (!entitled && !self) return null;
  const inParty = p.status === 'member' || p.status === 'candidate';
  return (
    <div className="person-membership">
      {entitled && (
        <section className="card" aria-labelledby="acts-h" data-testid="person-actions">
          <h2 id="acts-h">{t('membership.actions')}</h2>
          <div className="act-stack">
            {p.cardNumber && inParty && <CardDownload personId={p.id} />}
            {inParty && <BringChargeForm personId={p.id} />}
            {inParty && <TransferForms personId={p.id} registered={!!detail.body} />}
          </div>
        </section>
      )}
      <div className="grid">
        <PenaltiesSection personId={p.id} onlyIfAny={!inParty} />
        {inParty && <DuesSection personId={p.id} canRecord={entitled} />}
        <AdmissionSection personId={p.id} />
      </div>
      <PersonHistory personId={p.id} />
    </div>
  );
}
