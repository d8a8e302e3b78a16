// Person page additions for those whose offices cover the person: history (audit trail),
// penalties, dues, admission, and acts (bring a charge, transfer, record a payment).
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../contracts/person.js';
import { AdmissionSection } from './admission.js';
import { BringChargeForm, PenaltiesSection } from './discipline.js';
import { DuesSection } from './dues.js';
import { PersonHistory } from './History.js';
import { CardDownload } from './MyMembershipPage.js';
import { TransferForms } from './transfer.js';

export function PersonMembership({ detail }: { detail: PersonDetail }) {
  const { t } = useTranslation();
  // What the reader may see and do here, as the server says (ADR 0026).
  const can = detail.can;
  const p = detail.person;
  if (!can.seeHistory) return null;
  const inParty = p.status === 'member' || p.status === 'candidate';
  // The acts of those who manage the person (a charge, a transfer, a payment); the card goes with them.
  const acts = can.bringCharge || can.transfer || can.recordPayment;
  return (
    <div className="person-membership">
      {acts && (
        <section className="card" aria-labelledby="acts-h" data-testid="person-actions">
          <h2 id="acts-h">{t('membership.actions')}</h2>
          <div className="act-stack">
            {p.cardNumber && inParty && <CardDownload personId={p.id} />}
            {can.bringCharge && <BringChargeForm personId={p.id} />}
            {can.transfer && <TransferForms personId={p.id} registered={!!detail.body} />}
          </div>
        </section>
      )}
      <div className="grid">
        <PenaltiesSection personId={p.id} onlyIfAny={!inParty} />
        {inParty && <DuesSection personId={p.id} canRecord={can.recordPayment} />}
        <AdmissionSection personId={p.id} />
      </div>
      <PersonHistory personId={p.id} />
    </div>
  );
}
