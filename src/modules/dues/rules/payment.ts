// Whether a payment may be recorded (pure): the month is due, not in the future, the date is sane.
import { monthIndex, monthOf } from './months.js';

export type PaymentProblem =
  | 'dues_not_a_member'
  | 'dues_month_in_future'
  | 'dues_month_not_due'
  | 'dues_paid_in_future'
  | 'dues_paid_before_month';

export function paymentProblem(f: {
  personStatus: string;
  month: string;
  paidOn: string;
  today: string;
  countedFrom: string | null;
}): PaymentProblem | null {
  if (f.personStatus !== 'member' && f.personStatus !== 'candidate') return 'dues_not_a_member';
  if (f.paidOn > f.today) return 'dues_paid_in_future';
  if (monthIndex(f.month) > monthIndex(monthOf(f.today))) return 'dues_month_in_future';
  if (monthIndex(monthOf(f.paidOn)) < monthIndex(f.month)) return 'dues_paid_before_month';
  if (f.countedFrom && monthIndex(f.month) < monthIndex(f.countedFrom)) return 'dues_month_not_due';
  return null;
}
