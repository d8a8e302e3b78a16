// Ending or extending an office, for a committee above it (the server says which offices the reader may
// change: `mayChange`; never their own). Ending takes effect at once; extending the term is its own act.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExtendOfficeInput, EndOfficeInput, Office } from '../../../contracts/organisation.js';
import { client, ok } from '../../app/api.js';
import { useFormat } from '../../app/format.js';
import { ActionForm, Disclosure, Field, TextArea, useAct } from '../../ui/forms.js';
import { keys } from './queries.js';

function EndForm({ office }: { office: Office }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const act = useAct(
    (body: EndOfficeInput) => ok(client.POST('/api/offices/{id}/end', { params: { path: { id: office.id } }, body })),
    [keys.body(office.bodyId), ['persons']],
  );
  return (
    <ActionForm
      title={t('officeAct.endTitle')}
      submitLabel={t('officeAct.endSubmit')}
      state={act}
      testId="office-end-form"
      onSubmit={() => act.mutate(reason.trim() ? { reason: reason.trim() } : {})}
    >
      <p className="small muted">{t('officeAct.endHelp')}</p>
      <TextArea label={t('officeAct.reason')} value={reason} onChange={setReason} rows={2} />
    </ActionForm>
  );
}

function ExtendForm({ office, endsOn }: { office: Office; endsOn: string }) {
  const { t } = useTranslation();
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const act = useAct(
    (body: ExtendOfficeInput) =>
      ok(client.POST('/api/offices/{id}/extend', { params: { path: { id: office.id } }, body })),
    [keys.body(office.bodyId), ['persons']],
  );
  return (
    <ActionForm
      title={t('officeAct.extendTitle')}
      submitLabel={t('officeAct.extendSubmit')}
      state={act}
      testId="office-extend-form"
      secondary
      onSubmit={() => {
        if (!until) return t('officeAct.needLaterDate');
        if (until <= endsOn) return t('officeAct.needLaterDate');
        act.mutate({ endsOn: until, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      }}
    >
      <Field label={t('officeAct.newLastDay')} type="date" value={until} onChange={setUntil} min={endsOn} required />
      <TextArea label={t('officeAct.reason')} value={reason} onChange={setReason} rows={2} />
    </ActionForm>
  );
}

/** The acts on the offices the reader may change, one disclosure each. Nothing when there are none. */
export function OfficeActs({ offices }: { offices: Office[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const changeable = offices.filter((o) => o.mayChange);
  if (changeable.length === 0) return null;
  return (
    <div className="office-acts" data-testid="office-acts">
      {changeable.map((o) => {
        const title = t(`office.${o.title}`, { defaultValue: o.title.replace(/_/g, ' ') });
        const holder = f.name({ name: o.personName, nameRu: o.personNameRu });
        return (
          <Disclosure key={o.id} label={t('officeAct.change', { title, holder })}>
            <EndForm office={o} />
            {o.endsOn ? <ExtendForm office={o} endsOn={o.endsOn} /> : null}
          </Disclosure>
        );
      })}
    </div>
  );
}
