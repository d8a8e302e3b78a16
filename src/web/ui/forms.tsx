// Forms for acts (apply, decide, answer, appeal…): labelled fields, the error as a sentence in an
// aria-live region, progress on the submit button (an act runs once at a time: app/act.ts), success announced.
// A form is checked by its contract's own zod schema (useContractForm: react-hook-form with the zod resolver):
// each field that fails says why under itself (aria-invalid, aria-describedby), in the reader's language
// (field-issues.ts), and the live region says how many fields need attention.
import { useId, useMemo, useState, type FormEvent, type ReactNode, type Ref } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  get,
  useForm,
  type DefaultValues,
  type FieldArrayPath,
  type FieldPath,
  type FieldValues,
  type Resolver,
  type UseFormReturn,
} from 'react-hook-form';
import type { z } from 'zod';
import { useOneMutation } from '../app/act.js';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from './feedback.js';
import type { Translate } from '../i18n/keys.js';
import { issueMessage, translateErrors, type IssueLike } from './field-issues.js';

/** Today's date as YYYY-MM-DD (local calendar). */
export function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** A mutation that refreshes the given queries (by key prefix) when it succeeds. */
export function useAct<I, O>(fn: (input: I) => Promise<O>, invalidate: QueryKey[] = []) {
  const qc = useQueryClient();
  return useOneMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all(invalidate.map((queryKey) => qc.invalidateQueries({ queryKey })));
    },
  });
}

/** The error, as a sentence in the person's language (never its code or raw details), in an assertive live region. */
export function FormError({ id, error, problem }: { id: string; error: unknown; problem?: string }) {
  const message = useErrorMessage();
  return (
    <div className="form-error" role="alert" aria-live="assertive" id={id} data-testid="form-error">
      {problem ? <p>{problem}</p> : null}
      {error ? <p>{message(error)}</p> : null}
    </div>
  );
}

export interface ActState {
  isPending: boolean;
  error: unknown;
  isSuccess: boolean;
}

/**
 * A form for one act. `onSubmit` returns a problem text to show (client-side check) or starts the
 * mutation. While pending the button says so and the form is aria-busy; success is announced.
 */
export function ActionForm(props: {
  title?: string;
  submitLabel: string;
  state: ActState;
  onSubmit: () => string | void;
  /** A problem found outside onSubmit (a contract form's fields), shown in the live region. */
  problem?: string;
  children?: ReactNode;
  done?: string;
  className?: string;
  testId?: string;
  secondary?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [problem, setProblem] = useState('');
  const errId = `${id}-err`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = props.onSubmit();
    setProblem(p ?? '');
  };
  const shownProblem = props.problem || problem;
  const hasError = !!shownProblem || !!props.state.error;
  return (
    <form
      className={`form act-form ${props.className ?? ''}`}
      onSubmit={submit}
      noValidate
      aria-labelledby={props.title ? `${id}-h` : undefined}
      aria-busy={props.state.isPending}
      data-testid={props.testId}
    >
      {props.title && (
        <h3 id={`${id}-h`} className="act-title">
          {props.title}
        </h3>
      )}
      {props.children}
      <FormError id={errId} error={props.state.error} problem={shownProblem} />
      <div className="act-row">
        <button
          type="submit"
          className={props.secondary ? 'button button-secondary' : 'button'}
          disabled={props.state.isPending}
          aria-describedby={hasError ? errId : undefined}
        >
          {props.state.isPending && <span className="spinner spinner-inline" aria-hidden="true" />}
          {props.state.isPending ? t('forms.working') : props.submitLabel}
        </button>
        <span role="status" aria-live="polite" className="act-done">
          {props.state.isSuccess && !props.state.isPending ? (props.done ?? t('forms.done')) : ''}
        </span>
      </div>
    </form>
  );
}

/** A labelled input. */
export function Field({
  inputRef,
  ...props
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  type?: 'text' | 'date' | 'number' | 'month' | 'datetime-local';
  hint?: string;
  required?: boolean;
  min?: number | string;
  max?: number | string;
  name?: string;
  invalid?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        ref={inputRef}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        required={props.required}
        min={props.min}
        max={props.max}
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.hint && (
        <span id={`${id}-hint`} className="small muted">
          {props.hint}
        </span>
      )}
    </div>
  );
}

export function TextArea(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  hint?: string;
  rows?: number;
  name?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 3}
        value={props.value}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.hint && (
        <span id={`${id}-hint`} className="small muted">
          {props.hint}
        </span>
      )}
    </div>
  );
}

export function Select<V extends string>(props: {
  label: string;
  value: V;
  onChange: (v: V) => void;
  options: { value: V; label: string }[];
  name?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} name={props.name} value={props.value} onChange={(e) => props.onChange(e.target.value as V)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A disclosure: a button that opens a form underneath (keyboard friendly, aria-expanded). */
export function Disclosure({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="disclosure">
      <button
        type="button"
        className="button button-secondary"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
      </button>
      <div id={id} hidden={!open} className="disclosure-body">
        {open && children}
      </div>
    </div>
  );
}

/**
 * A resolver checking a form by a contract's zod schema, every message said in the reader's language: the
 * sentence issueMessage gives for each issue, never zod's (nor a contract's own English text).
 */
export function contractResolver<In extends FieldValues, Out>(
  schema: z.ZodType<Out, In>,
  t: Translate,
): Resolver<In, unknown, Out> {
  return async (values, context, options) => {
    const said = new Map<string, string>();
    const inner = zodResolver(schema, {
      error: (iss) => {
        const m = issueMessage(iss as unknown as IssueLike, t);
        said.set((iss.path ?? []).join('.'), m);
        return m;
      },
    }) as unknown as Resolver<In, unknown, Out>;
    const res = await inner(values, context, options);
    translateErrors(res.errors as Record<string, unknown>, said, t, values);
    return res;
  };
}

/** A form checked by a contract's input schema (react-hook-form; its fields are FormField, FormTextArea…). */
export function useContractForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  defaultValues: DefaultValues<z.input<S>>,
) {
  // typed by the schema itself (zod's input type is not inferred through ZodType<Out, In>: the fields were `any`)
  type In = z.input<S>;
  type Out = z.output<S>;
  const { t } = useTranslation();
  const resolver = useMemo(() => contractResolver(schema as unknown as z.ZodType<Out, In>, t), [schema, t]);
  return useForm<In, unknown, Out>({ resolver, defaultValues, mode: 'onSubmit', reValidateMode: 'onChange' });
}

/**
 * ActionForm for a contract form: `onValid` gets the checked input (start the mutation there). When fields fail,
 * the live region says how many, each field says why, and the first one takes the focus. `onValid` may instead
 * return a problem text — a check against what the page shows, which the contract cannot know (the words an
 * amendment replaces are in the motion's text) — said in the live region, as ActionForm's onSubmit does.
 */
export function ContractForm<In extends FieldValues, Out>(
  props: Omit<Parameters<typeof ActionForm>[0], 'onSubmit' | 'problem'> & {
    form: UseFormReturn<In, unknown, Out>;
    onValid: (input: Out) => string | void;
  },
) {
  const { form, onValid, ...rest } = props;
  const [problem, setProblem] = useState('');
  const fields = useFieldsProblem(form);
  return (
    <ActionForm
      {...rest}
      problem={fields || problem}
      onSubmit={() => {
        setProblem('');
        void form.handleSubmit((input) => setProblem(onValid(input) ?? ''))();
      }}
    />
  );
}

/** For a contract form's live region: how many of its fields need attention (nothing while none do). */
export function useFieldsProblem<In extends FieldValues, Out>(form: UseFormReturn<In, unknown, Out>): string {
  const { t } = useTranslation();
  const failed = countErrors(form.formState.errors);
  return failed > 0 ? t('forms.checkFields', { count: failed }) : '';
}

function countErrors(errors: object): number {
  let n = 0;
  for (const [k, v] of Object.entries(errors)) {
    if (!v || typeof v !== 'object' || k === 'ref') continue;
    n += typeof (v as { message?: unknown }).message === 'string' ? 1 : countErrors(v as object);
  }
  return n;
}

const blankText = (v: unknown) => typeof v === 'string' && v.trim() === '';

interface BoundProps<In extends FieldValues> {
  form: UseFormReturn<In, unknown, unknown>;
  name: FieldPath<In>;
  label: string;
  hint?: string;
  /** The control's id (a page that names it, e.g. the sign-in form's `login`); a generated one otherwise. */
  id?: string;
  /** An empty (or blank) text is sent as "not given" (undefined) rather than "". */
  optional?: boolean;
  /** A field shown only for some choices of the form: hidden, its value goes with it (is neither checked nor sent). */
  unregister?: boolean;
}

/**
 * Why a contract form's field fails (its translated message), or undefined: for a picker that fills the field, or
 * a list as a whole (`agenda.root`: too few or too many rows).
 */
export function fieldMessage<In extends FieldValues>(
  form: UseFormReturn<In, unknown, unknown>,
  name: FieldPath<In> | `${FieldArrayPath<In>}.root`,
): string | undefined {
  const error = get(form.formState.errors, name) as { message?: unknown } | undefined;
  return typeof error?.message === 'string' ? error.message : undefined;
}

/** The ids and ARIA of a bound field: the hint and the field's message describe it; invalid while it fails. */
function useBound<In extends FieldValues>(p: BoundProps<In>) {
  const generated = useId();
  const id = p.id ?? generated;
  const message = fieldMessage(p.form, p.name);
  const describedBy = [p.hint ? `${id}-hint` : null, message ? `${id}-msg` : null].filter(Boolean).join(' ');
  const aria = { 'aria-invalid': message ? true : undefined, 'aria-describedby': describedBy || undefined };
  const after = (
    <>
      {p.hint && (
        <span id={`${id}-hint`} className="small muted">
          {p.hint}
        </span>
      )}
      {message && (
        <span id={`${id}-msg`} className="field-error small">
          {message}
        </span>
      )}
    </>
  );
  return { id, aria, after };
}

/** A labelled input bound to a contract form's field. */
export function FormField<In extends FieldValues>(
  props: BoundProps<In> & {
    type?: 'text' | 'date' | 'number' | 'month' | 'datetime-local' | 'password';
    min?: number | string;
    max?: number | string;
    autoComplete?: string;
    autoCapitalize?: string;
    spellCheck?: boolean;
    className?: string;
    required?: boolean;
    placeholder?: string;
    /** The label is read by screen readers only (a field in a table row whose header says what it is). */
    hiddenLabel?: boolean;
  },
) {
  const { id, aria, after } = useBound(props);
  const reg = props.form.register(props.name, {
    shouldUnregister: props.unregister,
    setValueAs: (v: unknown) =>
      props.type === 'number'
        ? v === '' || v === null || v === undefined
          ? undefined
          : Number(v)
        : props.optional && blankText(v)
          ? undefined
          : v,
  });
  return (
    <div className="field">
      <label htmlFor={id} className={props.hiddenLabel ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      <input
        id={id}
        {...reg}
        type={props.type ?? 'text'}
        min={props.min}
        max={props.max}
        autoComplete={props.autoComplete}
        autoCapitalize={props.autoCapitalize}
        spellCheck={props.spellCheck}
        className={props.className}
        required={props.required}
        placeholder={props.placeholder}
        {...aria}
      />
      {after}
    </div>
  );
}

/** A labelled text area bound to a contract form's field. */
export function FormTextArea<In extends FieldValues>(props: BoundProps<In> & { rows?: number }) {
  const { id, aria, after } = useBound(props);
  const reg = props.form.register(props.name, {
    shouldUnregister: props.unregister,
    setValueAs: (v: unknown) => (props.optional && blankText(v) ? undefined : v),
  });
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <textarea id={id} {...reg} rows={props.rows ?? 3} {...aria} />
      {after}
    </div>
  );
}

/**
 * A labelled select bound to a contract form's field. With `optional`, the option of value '' (say, "as the statute
 * says") is sent as "not given".
 */
export function FormSelect<In extends FieldValues>(
  props: BoundProps<In> & { options: { value: string; label: string }[] },
) {
  const { id, aria, after } = useBound(props);
  const reg = props.form.register(props.name, {
    shouldUnregister: props.unregister,
    setValueAs: (v: unknown) => (props.optional && v === '' ? undefined : v),
  });
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} {...reg} {...aria}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {after}
    </div>
  );
}

/** A checkbox bound to a contract form's (boolean) field, its label beside it. */
export function FormCheckbox<In extends FieldValues>(props: Omit<BoundProps<In>, 'optional'>) {
  const { id, aria, after } = useBound(props);
  return (
    <div className="field checkbox-field">
      <label className="radio" htmlFor={id}>
        <input id={id} type="checkbox" {...props.form.register(props.name)} {...aria} /> {props.label}
      </label>
      {after}
    </div>
  );
}

/** The fields of a decision in a contract form: `takenOn`, `votes.for|against|abstained`, `reasons`. */
interface DecisionShape extends FieldValues {
  takenOn: string;
  /** Optional in some contracts (an appeal's decision); the form asks for them all the same. */
  votes?: { for: number; against: number; abstained: number };
  reasons: string;
}

/** A decision's starting values: today, no votes for yet, none against or abstained, no reasons. */
export function decisionDefaults() {
  return { takenOn: today(), votes: { against: 0, abstained: 0 }, reasons: '' } as DefaultValues<DecisionShape>;
}

/** Date of the decision, votes for / against / abstained, reasons — bound to a contract form (as DecisionFields). */
export function FormDecisionFields<In extends DecisionShape>({ form }: { form: UseFormReturn<In, unknown, unknown> }) {
  const { t } = useTranslation();
  const name = (n: string) => n as FieldPath<In>;
  return (
    <>
      <FormField form={form} name={name('takenOn')} label={t('forms.takenOn')} type="date" max={today()} />
      <fieldset className="votes">
        <legend>{t('forms.votes')}</legend>
        <FormField form={form} name={name('votes.for')} label={t('forms.votesFor')} type="number" min={0} />
        <FormField form={form} name={name('votes.against')} label={t('forms.votesAgainst')} type="number" min={0} />
        <FormField form={form} name={name('votes.abstained')} label={t('forms.votesAbstained')} type="number" min={0} />
      </fieldset>
      <FormTextArea form={form} name={name('reasons')} label={t('forms.reasons')} />
    </>
  );
}
