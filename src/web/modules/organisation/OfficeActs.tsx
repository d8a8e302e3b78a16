// Ending or extending an office, for a committee above it (the server says which offices the reader may
// change: `mayChange`; never their own). Ending takes effect at once; extending the term is its own act.
import { useTranslation } from 'react-i18next';
import { EndOfficeInput, ExtendOfficeInput, type Office } from '../../../contracts/organisation.js';
import { client, ok } from '../../app/api.js';
import { useFormat } from '../../app/format.js';
import { ContractForm, Disclosure, FormField, FormTextArea, useAct, useContractForm } from '../../ui/forms.js';
import { keys } from './queries.js';

function EndForm({ office }: { office: Office }) {
  const { t } = useTranslation();
  const form = useContractForm(EndOfficeInput, {});
  const act = useAct(
    (body: EndOfficeInput) => ok(client.POST('/api/offices/{id}/end', { params: { path: { id: office.id } }, body })),
    [keys.body(office.bodyId), ['persons']],
  );
  return (
    <ContractForm
      form={form}
      title={t('officeAct.endTitle')}
      submitLabel={t('officeAct.endSubmit')}
      state={act}
      testId="office-end-form"
      onValid={(input) => act.mutate(input)}
    >
      <p className="small muted">{t('officeAct.endHelp')}</p>
      <FormTextArea form={form} name="reason" label={t('officeAct.reason')} rows={2} optional />
    </ContractForm>
  );
}

function ExtendForm({ office, endsOn }: { office: Office; endsOn: string }) {
  const { t } = useTranslation();
  const form = useContractForm(ExtendOfficeInput, { endsOn: '' });
  const act = useAct(
    (body: ExtendOfficeInput) =>
      ok(client.POST('/api/offices/{id}/extend', { params: { path: { id: office.id } }, body })),
    [keys.body(office.bodyId), ['persons']],
  );
  return (
    <ContractForm
      form={form}
      title={t('officeAct.extendTitle')}
      submitLabel={t('officeAct.extendSubmit')}
      state={act}
      testId="office-extend-form"
      secondary
      onValid={(input) => {
        // the contract checks the date; that it comes after the present last day is this form's own check
        if (!input.endsOn || input.endsOn <= endsOn) {
          form.setError('endsOn', { type: 'custom', message: t('officeAct.needLaterDate') }, { shouldFocus: true });
          return;
        }
        act.mutate(input);
      }}
    >
      <FormField form={form} name="endsOn" label={t('officeAct.newLastDay')} type="date" min={endsOn} required />
      <FormTextArea form={form} name="reason" label={t('officeAct.reason')} rows={2} optional />
    </ContractForm>
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
