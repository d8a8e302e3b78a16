// Kysely table types of the dues, transfer and resignation migrations (0005). Keep in step with migrations/.
import type { ColumnType, Generated } from 'kysely';
import type { ResignationState } from '../../contracts/resignation.js';

type DateCol = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
/** bigint columns: pg returns strings, PGlite numbers or bigints; write numbers or strings. */
type Minor = ColumnType<string | number | bigint, number | string, number | string>;

export interface DuesRegisterTable {
  organisation_id: string;
  start_month: DateCol;
}

export interface DuesPaymentTable {
  person_id: string;
  month: DateCol;
  organisation_id: string;
  body_id: string;
  earnings_minor: Minor;
  amount_minor: Minor;
  paid_on: DateCol;
  recorded_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface DuesBodyMonthTable {
  month: DateCol;
  body_id: string;
  organisation_id: string;
  amount_minor: Minor;
  payments: number;
}

export interface DuesAccountTable {
  person_id: string;
  organisation_id: string;
  opening_through: NullableDate;
  paid_months: Generated<number>;
  last_month: NullableDate;
  monthly_earnings_minor: ColumnType<
    string | number | bigint | null,
    number | string | null | undefined,
    number | string | null
  >;
}

export interface ResignationTable {
  id: string;
  organisation_id: string;
  person_id: string;
  body_id: string;
  state: ResignationState;
  reasons: string;
  submitted_on: DateCol;
  discussion: string | null;
  discussed_on: NullableDate;
  decision_id: string | null;
  decided_on: NullableDate;
  withdrawn_on: NullableDate;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface DuesTables {
  dues_register: DuesRegisterTable;
  dues_payment: DuesPaymentTable;
  dues_account: DuesAccountTable;
  dues_body_month: DuesBodyMonthTable;
  resignation: ResignationTable;
}
