// Issuing a directive from a body (ADR 0027 §2): title and text in both languages, the addressees (the whole
// subtree, bodies of given kinds, or chosen bodies), the deadline, the report form and the targets on its
// indicators, and the recorded decision it rests on (a bureau's decision with its date and votes, or an adopted
// motion). Offered when the server says the reader may issue from the body (Inbox.can.issue).
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useFieldArray, useWatch, type FieldPath, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import { IssueCampaignInput, IssueDirectiveInput } from '../../../contracts/direction.js';
import { MeetingKind } from '../../../contracts/assembly-rules.js';
import { client, ok, type BodyOf } from '../../app/api.js';
import { useFormat } from '../../app/format.js';
import { useMeetingLabels } from '../assembly/common.js';
import { Loading } from '../../ui/feedback.js';
import {
  ContractForm,
  FormCheckbox,
  FormField,
  FormSelect,
  FormTextArea,
  fieldMessage,
  today,
  useAct,
  useContractForm,
} from '../../ui/forms.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { Chooser, useBodySearchFn, type Choice } from '../../ui/pickers.js';
import { useBody } from '../organisation/queries.js';
import { PageError } from './common.js';
import { MotionPicker } from './MotionPicker.js';
import { DIRECTION, useForms, useInbox, useReportForm } from './queries.js';

/** Kinds of bodies a directive is addressed to by kind (the line of command below a committee). */
const ADDRESSABLE = [
  'regional_committee',
  'city_committee',
  'district_committee',
  'primary_organisation',
  'shop_cell',
  'party_group',
] as const;

interface SourceShape extends FieldValues {
  source: { kind: 'decision' | 'motion' };
}

/**
 * The recorded decision an act of `bodyId` rests on: a bureau's decision (date, votes) or a motion adopted in a
 * meeting of the body or of one of its organs, chosen from the list of those.
 */
export function DecisionSourceFields<In extends SourceShape>({
  form,
  bodyId,
}: {
  form: UseFormReturn<In, unknown, unknown>;
  bodyId: string;
}) {
  const { t } = useTranslation();
  const name = (n: string) => n as FieldPath<In>;
  const kind = useWatch({ control: form.control, name: name('source.kind') }) as string;
  return (
    <fieldset className="direction-source">
      <legend>{t('direction.source')}</legend>
      <FormSelect
        form={form}
        name={name('source.kind')}
        label={t('direction.sourceKind')}
        options={[
          { value: 'decision', label: t('direction.sourceDecision') },
          { value: 'motion', label: t('direction.sourceMotion') },
        ]}
      />
      {kind === 'motion' ? (
        <MotionPicker form={form} bodyId={bodyId} />
      ) : (
        <>
          <FormField
            form={form}
            name={name('source.takenOn')}
            label={t('forms.takenOn')}
            type="date"
            max={today()}
            unregister
          />
          <fieldset className="votes">
            <legend>{t('forms.votes')}</legend>
            <FormField
              form={form}
              name={name('source.votes.for')}
              label={t('forms.votesFor')}
              type="number"
              min={0}
              unregister
            />
            <FormField
              form={form}
              name={name('source.votes.against')}
              label={t('forms.votesAgainst')}
              type="number"
              min={0}
              unregister
            />
            <FormField
              form={form}
              name={name('source.votes.abstained')}
              label={t('forms.votesAbstained')}
              type="number"
              min={0}
              unregister
            />
          </fieldset>
        </>
      )}
    </fieldset>
  );
}

/**
 * The issue form's input: a directive, and with `withCampaign` a campaign (IssueCampaignInput): the meeting every
 * addressed body holds by a date with the item first; its report form must ask for the meeting's protocol.
 */
const IssueFormInput = IssueDirectiveInput.safeExtend({
  withCampaign: z.boolean().default(false),
  campaign: IssueCampaignInput.shape.campaign.optional(),
}).superRefine((v, ctx) => {
  if (v.withCampaign && !v.campaign)
    ctx.addIssue({ code: 'custom', path: ['campaign', 'meetBy'], message: 'required' });
});

function CampaignFields({ form }: { form: UseFormReturn<z.input<typeof IssueFormInput>, unknown, unknown> }) {
  const { t } = useTranslation();
  const L = useMeetingLabels();
  return (
    <fieldset className="direction-campaign" data-testid="campaign-fields">
      <legend>{t('direction.campaign.fields')}</legend>
      <p className="small">{t('direction.campaign.fieldsHelp')}</p>
      <FormField
        form={form}
        name="campaign.meetBy"
        label={t('direction.campaign.meetBy')}
        type="date"
        min={today()}
        unregister
      />
      <FormSelect
        form={form}
        name="campaign.meetingKind"
        label={t('direction.campaign.meetingKind')}
        options={MeetingKind.options.map((k) => ({ value: k, label: L.kind(k) }))}
      />
      <div className="direction-two">
        <FormField form={form} name="campaign.itemTitle" label={t('direction.campaign.itemEn')} unregister />
        <FormField form={form} name="campaign.itemTitleRu" label={t('direction.campaign.itemRu')} unregister />
      </div>
    </fieldset>
  );
}

function IssueForm({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const form = useContractForm(IssueFormInput, {
    issuerBodyId: bodyId,
    title: '',
    titleRu: '',
    text: '',
    textRu: '',
    addressing: { kind: 'kinds', kinds: ['primary_organisation'] },
    deadline: '',
    expiryDays: 30,
    splitMode: 'at_least',
    targets: [],
    source: { kind: 'decision', takenOn: today(), votes: { against: 0, abstained: 0 } },
    withCampaign: false,
  });
  const withCampaign = useWatch({ control: form.control, name: 'withCampaign' });
  const addressing = useWatch({ control: form.control, name: 'addressing.kind' });
  const formId = useWatch({ control: form.control, name: 'formId' });
  const forms = useForms();
  const chosenForm = useReportForm(formId || null);
  const targets = useFieldArray({ control: form.control, name: 'targets' });
  const [bodies, setBodies] = useState<Choice[]>([]);
  const search = useBodySearchFn();
  const setBodyIds = (list: Choice[]) => {
    setBodies(list);
    form.setValue(
      'addressing.bodyIds',
      list.map((b) => b.id),
      { shouldValidate: form.formState.isSubmitted },
    );
  };
  const act = useAct(
    (b: BodyOf<'/api/direction/directives'>) => ok(client.POST('/api/direction/directives', { body: b })),
    [[...DIRECTION]],
  );
  const issueCampaign = useAct(
    (b: BodyOf<'/api/direction/campaigns'>) => ok(client.POST('/api/direction/campaigns', { body: b })),
    [[...DIRECTION]],
  );
  const state = withCampaign ? issueCampaign : act;
  const numeric = (chosenForm.data?.items ?? []).filter((i) => i.valueType !== 'text');
  // a campaign's report gives the meeting's protocol: only forms that ask for it are offered
  const offered = (forms.data?.items ?? []).filter((x) => !withCampaign || x.requiresProtocol);
  return (
    <ContractForm
      form={form}
      submitLabel={t('direction.issueSubmit')}
      state={state}
      testId="issue-form"
      onValid={({ withCampaign: bundle, campaign, ...input }) => {
        if (bundle && campaign) {
          issueCampaign.mutate(
            { ...input, campaign },
            { onSuccess: (c) => navigate(`/direction/directives/${c.directiveId}?bodyId=${bodyId}`) },
          );
          return;
        }
        act.mutate(input, {
          onSuccess: (d) => navigate(`/direction/directives/${d.id}?bodyId=${bodyId}`),
        });
      }}
    >
      <div className="direction-two">
        <FormField form={form} name="title" label={t('direction.titleEn')} required />
        <FormField form={form} name="titleRu" label={t('direction.titleRu')} required />
      </div>
      <FormTextArea form={form} name="text" label={t('direction.textEn')} rows={5} />
      <FormTextArea form={form} name="textRu" label={t('direction.textRu')} rows={5} />
      <fieldset>
        <legend>{t('direction.addressees')}</legend>
        <FormSelect
          form={form}
          name="addressing.kind"
          label={t('direction.addressing')}
          options={[
            { value: 'subtree', label: t('direction.addressSubtree') },
            { value: 'kinds', label: t('direction.addressKinds') },
            { value: 'bodies', label: t('direction.addressBodies') },
          ]}
        />
        {addressing === 'kinds' && (
          <fieldset className="direction-kinds">
            <legend>{t('direction.kinds')}</legend>
            {ADDRESSABLE.map((k) => (
              <label key={k} className="radio">
                <input type="checkbox" value={k} {...form.register('addressing.kinds', { shouldUnregister: true })} />{' '}
                {t(`kind.${k}`)}
              </label>
            ))}
            {fieldMessage(form, 'addressing.kinds') && (
              <span className="field-error small">{fieldMessage(form, 'addressing.kinds')}</span>
            )}
          </fieldset>
        )}
        {addressing === 'bodies' && (
          <div>
            <Chooser
              label={t('direction.chooseBody')}
              queryKey="direction-bodies"
              search={search}
              exclude={bodies.map((b) => b.id)}
              onPick={(c) => setBodyIds([...bodies, c])}
              message={fieldMessage(form, 'addressing.bodyIds')}
            />
            {bodies.length > 0 && (
              <ul className="chosen-list">
                {bodies.map((b) => (
                  <li key={b.id}>
                    {b.label} {b.extra && <span className="badge badge-kind">{b.extra}</span>}{' '}
                    <button
                      type="button"
                      className="link-button"
                      aria-label={t('direction.removeBody', { name: b.label })}
                      onClick={() => setBodyIds(bodies.filter((x) => x.id !== b.id))}
                    >
                      {t('direction.remove')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </fieldset>
      <div className="direction-two">
        <FormField form={form} name="deadline" label={t('direction.deadline')} type="date" min={today()} required />
        <FormField
          form={form}
          name="expiryDays"
          label={t('direction.expiryDays')}
          hint={t('direction.expiryDaysHint')}
          type="number"
          min={0}
        />
      </div>
      <FormCheckbox form={form} name="withCampaign" label={t('direction.campaign.withCampaign')} />
      {withCampaign && <CampaignFields form={form} />}
      <fieldset>
        <legend>{t('direction.reportAndTargets')}</legend>
        {withCampaign && <p className="small">{t('direction.campaign.formNeedsProtocol')}</p>}
        {forms.isPending ? (
          <Loading />
        ) : (
          <FormSelect
            form={form}
            name="formId"
            label={t('direction.reportForm')}
            optional
            options={[
              { value: '', label: t('direction.noReport') },
              ...offered.map((x) => ({ value: x.id, label: f.name(x) })),
            ]}
          />
        )}
        <p className="small">
          <Link to={`/direction/definitions?bodyId=${bodyId}`}>{t('directionDefs.link')}</Link>
        </p>
        {formId && (
          <>
            <FormSelect
              form={form}
              name="splitMode"
              label={t('direction.splitMode')}
              options={[
                { value: 'at_least', label: t('direction.splitAtLeast') },
                { value: 'equal', label: t('direction.splitEqual') },
              ]}
            />
            {targets.fields.map((row, i) => (
              <fieldset key={row.id} className="direction-target-row">
                <legend>{t('direction.targetN', { n: i + 1 })}</legend>
                <FormSelect
                  form={form}
                  name={`targets.${i}.indicatorId`}
                  label={t('direction.indicator')}
                  options={numeric.map((x) => ({ value: x.id, label: f.name(x) }))}
                />
                <FormSelect
                  form={form}
                  name={`targets.${i}.mode`}
                  label={t('direction.targetMode')}
                  options={[
                    { value: 'per_addressee', label: t('direction.perAddressee') },
                    { value: 'per_member', label: t('direction.perMember') },
                  ]}
                />
                <FormField form={form} name={`targets.${i}.value`} label={t('direction.value')} type="number" min={0} />
                <FormSelect
                  form={form}
                  name={`targets.${i}.sense`}
                  label={t('direction.sense')}
                  options={[
                    { value: 'at_least', label: t('direction.senseAtLeast') },
                    { value: 'at_most', label: t('direction.senseAtMost') },
                  ]}
                />
                <button type="button" className="link-button" onClick={() => targets.remove(i)}>
                  {t('direction.removeTarget')}
                </button>
              </fieldset>
            ))}
            {numeric.length > 0 && (
              <button
                type="button"
                className="button button-secondary"
                onClick={() =>
                  targets.append({ indicatorId: numeric[0]!.id, mode: 'per_addressee', value: 1, sense: 'at_least' })
                }
              >
                {t('direction.addTarget')}
              </button>
            )}
          </>
        )}
      </fieldset>
      <DecisionSourceFields form={form} bodyId={bodyId} />
    </ContractForm>
  );
}

export function IssuePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [params] = useSearchParams();
  const bodyId = params.get('bodyId') ?? '';
  const body = useBody(bodyId);
  const inbox = useInbox(bodyId);
  const name = body.data ? f.name(body.data.body) : '';
  const title = t('direction.issueTitle');
  return (
    <article className="direction-page">
      <nav className="breadcrumbs" aria-label={t('body.breadcrumbs')}>
        <ol>
          <li>
            <Link to={`/direction/bodies/${bodyId}`}>{t('direction.inboxOf', { name })}</Link>
          </li>
          <li>
            <span aria-current="page">{title}</span>
          </li>
        </ol>
      </nav>
      <PageTitle title={title} sub={name ? <p className="subtitle">{name}</p> : null}>
        {title}
      </PageTitle>
      {inbox.isPending ? (
        <Loading />
      ) : inbox.isError ? (
        <PageError error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : inbox.data.can.issue ? (
        <section className="card">
          <IssueForm bodyId={bodyId} />
        </section>
      ) : (
        <p className="notice notice-warn">{t('direction.mayNotIssue')}</p>
      )}
    </article>
  );
}
