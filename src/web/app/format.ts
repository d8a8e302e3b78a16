// Numbers, percentages, dates and names in the current language; times of day in the organisation's time zone
// (its statute's, from the signed-in account), never the browser's.
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../contracts/auth.js';
import { localName, otherName, personName, type Named, type PersonNameParts } from './names.js';

export type { Named, PersonNameParts } from './names.js';

/**
 * The organisation's IANA time zone, from the signed-in account in the query cache (auth.ts's ME_KEY, read here
 * without importing the session module); undefined before sign-in: the browser's own.
 */
export function useTimeZone(): string | undefined {
  return useQueryClient().getQueryData<Me | null>(['me'])?.timeZone ?? undefined;
}

export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'ru' ? 'ru-RU' : 'en-GB';
  const num = new Intl.NumberFormat(locale);
  const pct = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  // A calendar date has no time zone: formatted as the same day everywhere (UTC midnight, shown in UTC).
  const date = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const timeZone = useTimeZone();
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone });
  const instant = (fmt: Intl.DateTimeFormat) => (iso: string | null | undefined) => {
    if (!iso) return '';
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : fmt.format(d);
  };
  return {
    lang: i18n.language,
    number: (n: number) => num.format(n),
    percent: (ratio: number) => pct.format(ratio),
    date: (iso: string) => {
      const d = new Date(`${iso}T00:00:00Z`);
      return Number.isNaN(d.getTime()) ? iso : date.format(d);
    },
    /** The organisation's time zone. */
    timeZone,
    /** Date and time of an instant in the organisation's time zone. */
    dateTime: instant(dateTime),
    /** Time of day of an instant in the organisation's time zone. */
    time: instant(time),
    /** The name in the current language: the Russian name in Russian when there is one. */
    name: (x: Named) => localName(x, i18n.language),
    /** The other-language name, when it differs. */
    altName: (x: Named) => otherName(x, i18n.language),
    /** A person's full name in the current language (app/names.ts). */
    person: (p: PersonNameParts) => personName(p, i18n.language),
  };
}
