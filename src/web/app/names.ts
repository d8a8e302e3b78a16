// Names in the reader's language, one formatter for the whole web app (pure: no React, unit-tested).
// A person: the Cyrillic name in the Russian interface when one is recorded, else "Family Given Patronymic".
// A named thing (body, enterprise, a person's name as the server sent it): the Russian name in Russian when
// there is one, else the name.

/** A name with its optional Russian form, as the contracts send bodies, offices and server-built person names. */
export interface Named {
  name: string;
  nameRu?: string | null;
}

/** A person's name in parts, as the contracts send it (PersonSummary, PersonLabel, list rows). */
export interface PersonNameParts {
  familyName: string;
  givenName: string;
  patronymic?: string | null;
  nameRu?: string | null;
}

const ru = (lang: string) => lang === 'ru' || lang.startsWith('ru-');

/** The name in the reader's language: the Russian one in Russian when there is one. */
export function localName(x: Named, lang: string): string {
  return ru(lang) && x.nameRu ? x.nameRu : x.name;
}

/** The other-language name, when there is one and it differs (shown beside the local one). */
export function otherName(x: Named, lang: string): string | null {
  if (!x.nameRu || x.nameRu === x.name) return null;
  return ru(lang) ? x.name : x.nameRu;
}

/** The Latin full name: family, given and patronymic names, the parts that are recorded. */
export function latinName(p: PersonNameParts): string {
  return [p.familyName, p.givenName, p.patronymic]
    .map((s) => s?.trim())
    .filter(Boolean)
    .join(' ');
}

/** A person's full name in the reader's language: the Cyrillic one in Russian when recorded, else the Latin one. */
export function personName(p: PersonNameParts, lang: string): string {
  return ru(lang) && p.nameRu ? p.nameRu : latinName(p);
}
