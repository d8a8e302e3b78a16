// A person as shown wherever one is listed or chosen: the full name (with patronymic) and what tells namesakes
// apart — the shop cell or organisation registered in, and the card number when the server sent it (only to
// those who may see it). One component for every list and chooser, so two "Tsvetkov Dmitrii" never look alike.
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { PersonLabel } from '../../contracts/person.js';
import { localName, personName } from '../app/names.js';

export { personName } from '../app/names.js';

/** What tells the person apart: "shop cell · organisation · card 123", each part when known. */
export function personDetails(p: PersonLabel, lang: string, t: TFunction): string {
  const body = localName({ name: p.bodyName ?? '', nameRu: p.bodyNameRu }, lang);
  const primary = localName({ name: p.primaryName ?? '', nameRu: p.primaryNameRu }, lang);
  return [body, primary, p.cardNumber ? t('person.cardShort', { n: p.cardNumber }) : null].filter(Boolean).join(' · ');
}

/** Name and details as one line of text (confirmations, accessible names). */
export function personText(p: PersonLabel, lang: string, t: TFunction): string {
  const details = personDetails(p, lang, t);
  return details ? `${personName(p, lang)} (${details})` : personName(p, lang);
}

/** Renders a person's name with the details that tell namesakes apart; `fallback` when no label was sent. */
export function PersonName({ person, fallback }: { person: PersonLabel | null | undefined; fallback?: string }) {
  const { t, i18n } = useTranslation();
  if (!person) return <span className="person-label">{fallback ?? ''}</span>;
  const details = personDetails(person, i18n.language, t);
  return (
    <span className="person-label" data-person-id={person.id}>
      <span className="person-name">{personName(person, i18n.language)}</span>
      {details && (
        <>
          {' '}
          <span className="person-details small muted">{details}</span>
        </>
      )}
    </span>
  );
}
