// Numbers, percentages, dates and names in the current language.
import { useTranslation } from 'react-i18next';

export interface Named {
  name: string;
  nameRu?: string | null;
}

export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'ru' ? 'ru-RU' : 'en-GB';
  const num = new Intl.NumberFormat(locale);
  const pct = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' });
  return {
    lang: i18n.language,
    number: (n: number) => num.format(n),
    percent: (ratio: number) => pct.format(ratio),
    date: (iso: string) => {
      const d = new Date(`${iso}T00:00:00Z`);
      return Number.isNaN(d.getTime()) ? iso : date.format(d);
    },
    /** The name in the current language: the Russian name in Russian when there is one. */
    name: (x: Named) => (i18n.language === 'ru' && x.nameRu ? x.nameRu : x.name),
    /** The other-language name, when it differs. */
    altName: (x: Named) => {
      if (!x.nameRu || x.nameRu === x.name) return null;
      return i18n.language === 'ru' ? x.name : x.nameRu;
    },
  };
}
