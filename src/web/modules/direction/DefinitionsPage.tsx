// Indicators and report forms of the organisation (ADR 0027 §4), for committees' staff: the lists, defining an
// indicator (code, names in both languages, kind of value, unit, how it adds up, bounds) and a form (its indicators,
// which are required, simple validation rules comparing an indicator with another or with a number, whether the
// report gives the meeting's protocol). The server checks everything again; its refusals are shown in the reader's
// language.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useFieldArray, useWatch } from 'react-hook-form';
import { z } from 'zod';
import {
  Aggregation,
  CreateFormInput,
  CreateIndicatorInput,
  RuleInput,
  ValueType,
} from '../../../contracts/direction.js';
import { client, ok, type BodyOf } from '../../app/api.js';
import { useFormat } from '../../app/format.js';
import { Loading } from '../../ui/feedback.js';
import {
  ContractForm,
  FormCheckbox,
  FormField,
  FormSelect,
  fieldMessage,
  useAct,
  useContractForm,
} from '../../ui/forms.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { PageError } from './common.js';
import { compareRule } from './logic.js';
import { DIRECTION, useForms, useIndicators } from './queries.js';

const CMP = ['<=', '<', '=', '!=', '>=', '>'] as const;

/** A rule as the page asks for it: an indicator compared with another indicator or a number. */
const SimpleRule = RuleInput.omit({ expr: true }).extend({
  left: z.string().min(1),
  cmp: z.enum(CMP),
  against: z.enum(['indicator', 'number']),
  right: z.string().optional(),
  number: z.number().finite().optional(),
});
const FormDefinition = CreateFormInput.omit({ rules: true })
  .extend({ rules: z.array(SimpleRule).max(100).default([]) })
  .superRefine((v, ctx) => {
    v.rules.forEach((r, i) => {
      if (r.against === 'indicator' && !r.right)
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'right'], message: 'required' });
      if (r.against === 'number' && r.number === undefined)
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'number'], message: 'required' });
    });
  });
function useLabels() {
  const { t } = useTranslation();
  return {
    valueType: (v: ValueType) => t(`directionDefs.valueType.${v}`),
    aggregation: (a: Aggregation) => t(`directionDefs.aggregation.${a}`),
  };
}

function IndicatorForm() {
  const { t } = useTranslation();
  const L = useLabels();
  const form = useContractForm(CreateIndicatorInput, {
    code: '',
    name: '',
    nameRu: '',
    valueType: 'integer',
    aggregation: 'sum',
  });
  const valueType = useWatch({ control: form.control, name: 'valueType' });
  const act = useAct(
    (b: BodyOf<'/api/direction/indicators'>) => ok(client.POST('/api/direction/indicators', { body: b })),
    [[...DIRECTION]],
  );
  // a text is only counted; numbers add up in any way
  const aggregations = Aggregation.options.filter((a) => valueType !== 'text' || a === 'count' || a === 'none');
  return (
    <ContractForm
      form={form}
      title={t('directionDefs.defineIndicator')}
      submitLabel={t('directionDefs.defineIndicatorSubmit')}
      state={act}
      done={t('directionDefs.indicatorDefined')}
      testId="indicator-form"
      onValid={(input) => act.mutate(input, { onSuccess: () => form.reset() })}
    >
      <FormField
        form={form}
        name="code"
        label={t('directionDefs.code')}
        hint={t('directionDefs.codeHint')}
        autoCapitalize="none"
        spellCheck={false}
        required
      />
      <div className="direction-two">
        <FormField form={form} name="name" label={t('directionDefs.nameEn')} required />
        <FormField form={form} name="nameRu" label={t('directionDefs.nameRu')} required />
      </div>
      <div className="direction-two">
        <FormSelect
          form={form}
          name="valueType"
          label={t('directionDefs.valueTypeLabel')}
          options={ValueType.options.map((v) => ({ value: v, label: L.valueType(v) }))}
        />
        <FormSelect
          form={form}
          name="aggregation"
          label={t('directionDefs.aggregationLabel')}
          options={aggregations.map((a) => ({ value: a, label: L.aggregation(a) }))}
        />
      </div>
      {valueType !== 'text' && valueType !== 'yes_no' && (
        <>
          <div className="direction-two">
            <FormField form={form} name="unit" label={t('directionDefs.unitEn')} optional unregister />
            <FormField form={form} name="unitRu" label={t('directionDefs.unitRu')} optional unregister />
          </div>
          <div className="direction-two">
            <FormField form={form} name="minValue" label={t('directionDefs.minValue')} type="number" unregister />
            <FormField form={form} name="maxValue" label={t('directionDefs.maxValue')} type="number" unregister />
          </div>
        </>
      )}
    </ContractForm>
  );
}

function FormDefinitionForm() {
  const { t } = useTranslation();
  const f = useFormat();
  const indicators = useIndicators();
  const form = useContractForm(FormDefinition, {
    name: '',
    nameRu: '',
    requiresProtocol: false,
    committeeSummary: false,
    items: [],
    rules: [],
  });
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const rules = useFieldArray({ control: form.control, name: 'rules' });
  const act = useAct(
    (b: BodyOf<'/api/direction/forms'>) => ok(client.POST('/api/direction/forms', { body: b })),
    [[...DIRECTION]],
  );
  const all = indicators.data?.items ?? [];
  const setItems = (next: Record<string, boolean>) => {
    setChosen(next);
    form.setValue(
      'items',
      all.filter((i) => i.id in next).map((i) => ({ indicatorId: i.id, required: next[i.id]! })),
      { shouldValidate: form.formState.isSubmitted },
    );
  };
  // the rules compare numbers: the numeric indicators chosen for the form
  const numeric = all.filter((i) => i.id in chosen && i.valueType !== 'text');
  const codes = numeric.map((i) => ({ value: i.code, label: f.name(i) }));
  if (indicators.isPending) return <Loading />;
  if (indicators.isError) return <PageError error={indicators.error} onRetry={() => void indicators.refetch()} />;
  return (
    <ContractForm
      form={form}
      title={t('directionDefs.defineForm')}
      submitLabel={t('directionDefs.defineFormSubmit')}
      state={act}
      done={t('directionDefs.formDefined')}
      testId="form-definition"
      onValid={({ rules: simple, ...input }) =>
        act.mutate(
          {
            ...input,
            rules: simple.map((r) => ({
              name: r.name,
              nameRu: r.nameRu,
              importance: r.importance,
              blocking: r.blocking,
              expr: compareRule(r.left, r.cmp, r.against === 'indicator' ? { code: r.right! } : { num: r.number! }),
            })),
          },
          {
            onSuccess: () => {
              form.reset();
              setChosen({});
            },
          },
        )
      }
    >
      <div className="direction-two">
        <FormField form={form} name="name" label={t('directionDefs.nameEn')} required />
        <FormField form={form} name="nameRu" label={t('directionDefs.nameRu')} required />
      </div>
      <FormCheckbox form={form} name="requiresProtocol" label={t('directionDefs.requiresProtocol')} />
      <FormCheckbox form={form} name="committeeSummary" label={t('directionDefs.committeeSummary')} />
      <fieldset aria-describedby={fieldMessage(form, 'items') ? 'def-items-msg' : undefined}>
        <legend>{t('directionDefs.formIndicators')}</legend>
        {all.length === 0 ? (
          <p className="small">{t('directionDefs.noIndicatorsYet')}</p>
        ) : (
          <ul className="plain-list direction-def-items">
            {all.map((i) => (
              <li key={i.id}>
                <label className="radio">
                  <input
                    type="checkbox"
                    checked={i.id in chosen}
                    onChange={(e) => {
                      const next = { ...chosen };
                      if (e.target.checked) next[i.id] = false;
                      else delete next[i.id];
                      setItems(next);
                    }}
                  />{' '}
                  {f.name(i)} <span className="small muted">({i.code})</span>
                </label>
                {i.id in chosen && (
                  <label className="radio direction-def-required">
                    <input
                      type="checkbox"
                      checked={chosen[i.id]}
                      onChange={(e) => setItems({ ...chosen, [i.id]: e.target.checked })}
                    />{' '}
                    {t('directionDefs.required')}
                  </label>
                )}
              </li>
            ))}
          </ul>
        )}
        {fieldMessage(form, 'items') && (
          <span id="def-items-msg" className="field-error small">
            {fieldMessage(form, 'items')}
          </span>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('directionDefs.rules')}</legend>
        <p className="small muted">{t('directionDefs.rulesHelp')}</p>
        {rules.fields.map((row, i) => (
          <RuleRow key={row.id} i={i} form={form} codes={codes} onRemove={() => rules.remove(i)} />
        ))}
        {numeric.length > 0 ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() =>
              rules.append({
                name: '',
                nameRu: '',
                importance: 'medium',
                blocking: false,
                left: numeric[0]!.code,
                cmp: '<=',
                against: 'number',
              })
            }
          >
            {t('directionDefs.addRule')}
          </button>
        ) : (
          <p className="small">{t('directionDefs.rulesNeedIndicators')}</p>
        )}
      </fieldset>
    </ContractForm>
  );
}

function RuleRow({
  i,
  form,
  codes,
  onRemove,
}: {
  i: number;
  form: ReturnType<typeof useContractForm<typeof FormDefinition>>;
  codes: { value: string; label: string }[];
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const against = useWatch({ control: form.control, name: `rules.${i}.against` });
  return (
    <fieldset className="direction-target-row">
      <legend>{t('directionDefs.ruleN', { n: i + 1 })}</legend>
      <div className="direction-two">
        <FormField form={form} name={`rules.${i}.name`} label={t('directionDefs.ruleNameEn')} />
        <FormField form={form} name={`rules.${i}.nameRu`} label={t('directionDefs.ruleNameRu')} />
      </div>
      <FormSelect form={form} name={`rules.${i}.left`} label={t('directionDefs.ruleLeft')} options={codes} />
      <FormSelect
        form={form}
        name={`rules.${i}.cmp`}
        label={t('directionDefs.ruleCmp')}
        options={CMP.map((c) => ({ value: c, label: t(`directionDefs.cmp.${c}`) }))}
      />
      <FormSelect
        form={form}
        name={`rules.${i}.against`}
        label={t('directionDefs.ruleAgainst')}
        options={[
          { value: 'number', label: t('directionDefs.againstNumber') },
          { value: 'indicator', label: t('directionDefs.againstIndicator') },
        ]}
      />
      {against === 'indicator' ? (
        <FormSelect
          form={form}
          name={`rules.${i}.right`}
          label={t('directionDefs.ruleRight')}
          options={codes}
          unregister
        />
      ) : (
        <FormField
          form={form}
          name={`rules.${i}.number`}
          label={t('directionDefs.ruleNumber')}
          type="number"
          unregister
        />
      )}
      <FormSelect
        form={form}
        name={`rules.${i}.importance`}
        label={t('directionDefs.importance')}
        options={(['high', 'medium', 'low'] as const).map((x) => ({
          value: x,
          label: t(`directionDefs.importanceLevel.${x}`),
        }))}
      />
      <FormCheckbox form={form} name={`rules.${i}.blocking`} label={t('directionDefs.blocking')} />
      <button type="button" className="link-button" onClick={onRemove}>
        {t('directionDefs.removeRule')}
      </button>
    </fieldset>
  );
}

export function DefinitionsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const L = useLabels();
  const [params] = useSearchParams();
  const back = params.get('bodyId');
  const indicators = useIndicators();
  const forms = useForms();
  const title = t('directionDefs.title');
  return (
    <article className="direction-page">
      {back && (
        <nav className="breadcrumbs" aria-label={t('body.breadcrumbs')}>
          <ol>
            <li>
              <Link to={`/direction/issue?bodyId=${back}`}>{t('direction.issueTitle')}</Link>
            </li>
            <li>
              <span aria-current="page">{title}</span>
            </li>
          </ol>
        </nav>
      )}
      <PageTitle title={title}>{title}</PageTitle>
      <p>{t('directionDefs.intro')}</p>
      <section className="card" aria-labelledby="defs-ind-h">
        <h2 id="defs-ind-h">{t('directionDefs.indicators')}</h2>
        {indicators.isPending ? (
          <Loading />
        ) : indicators.isError ? (
          <PageError error={indicators.error} onRetry={() => void indicators.refetch()} />
        ) : indicators.data.items.length === 0 ? (
          <p className="muted">{t('directionDefs.noIndicatorsYet')}</p>
        ) : (
          <ul className="plain-list direction-def-list" data-testid="indicator-list">
            {indicators.data.items.map((i) => (
              <li key={i.id}>
                <span className="direction-item-title">{f.name(i)}</span>{' '}
                <span className="small muted">
                  {i.code} · {L.valueType(i.valueType)}
                  {i.unit ? ` · ${f.lang === 'ru' && i.unitRu ? i.unitRu : i.unit}` : ''} ·{' '}
                  {L.aggregation(i.aggregation)}
                </span>
              </li>
            ))}
          </ul>
        )}
        <IndicatorForm />
      </section>
      <section className="card" aria-labelledby="defs-forms-h">
        <h2 id="defs-forms-h">{t('directionDefs.forms')}</h2>
        {forms.isPending ? (
          <Loading />
        ) : forms.isError ? (
          <PageError error={forms.error} onRetry={() => void forms.refetch()} />
        ) : forms.data.items.length === 0 ? (
          <p className="muted">{t('directionDefs.noFormsYet')}</p>
        ) : (
          <ul className="plain-list direction-def-list" data-testid="form-list">
            {forms.data.items.map((x) => (
              <li key={x.id}>
                <span className="direction-item-title">{f.name(x)}</span>{' '}
                {x.requiresProtocol && <span className="badge">{t('directionDefs.withProtocol')}</span>}{' '}
                {x.committeeSummary && <span className="badge">{t('directionDefs.withSummary')}</span>}{' '}
                {x.inUse && <span className="badge">{t('directionDefs.inUse')}</span>}
              </li>
            ))}
          </ul>
        )}
        <FormDefinitionForm />
      </section>
    </article>
  );
}
