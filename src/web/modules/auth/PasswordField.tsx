// A labelled password input (autocomplete says which password it is, so password managers fill the right one).
import { useId } from 'react';
import type { Translate } from '../../i18n/keys.js';

export function PasswordField(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  autoComplete: 'current-password' | 'new-password';
  hint?: string;
  invalid?: boolean;
  name?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type="password"
        autoComplete={props.autoComplete}
        required
        value={props.value}
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

/** A client-side check of a new password and its repetition (the server applies the whole policy). */
export function newPasswordProblem(
  t: Translate,
  password: string,
  repeat: string,
  minLength: number,
): string | undefined {
  if (!password || !repeat) return t('password.required');
  if ([...password].length < minLength) return t('password.tooShort', { count: minLength });
  if (password !== repeat) return t('password.mismatch');
  return undefined;
}
