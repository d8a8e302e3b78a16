// A button that runs one of a panel's acts (open, close or cancel a vote, move the agenda, end a speech, confirm a
// mandate…). A panel runs one act at a time (app/act.ts): while it is under way every act button of the panel is
// disabled and says it is busy. With `confirm`, the person is asked first and nothing is sent unless they agree.
import type { ReactNode } from 'react';

export function ActButton({
  act,
  className = 'link-button',
  label,
  confirm,
  disabled,
  onClick,
  children,
}: {
  act: { isPending: boolean };
  /** 'button', 'button button-secondary'…; a link-like button unless told. */
  className?: string;
  /** The accessible name when the visible text alone does not say whom the act concerns. */
  label?: string;
  /** A question to confirm before the act (closing a vote, cancelling a meeting). */
  confirm?: string;
  /** Disabled for a reason of its own as well (no chair yet, the first in the queue cannot move up). */
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={className}
      disabled={act.isPending || disabled}
      aria-busy={act.isPending || undefined}
      aria-label={label}
      onClick={() => {
        if (confirm === undefined || window.confirm(confirm)) onClick();
      }}
    >
      {children}
    </button>
  );
}
