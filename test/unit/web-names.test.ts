// The web app's one name formatter (src/web/app/names.ts): the reader's language decides, the Russian form only
// when recorded, a person's Latin name from the parts that are recorded.
import { describe, expect, it } from 'vitest';
import { latinName, localName, otherName, personName } from '../../src/web/app/names.js';

const ivanov = { familyName: 'Ivanov', givenName: 'Ivan', patronymic: 'Petrovich', nameRu: 'Иванов Иван Петрович' };

describe('names in the reader’s language', () => {
  it('a person: the Cyrillic name in Russian, the Latin family–given–patronymic name otherwise', () => {
    expect(personName(ivanov, 'ru')).toBe('Иванов Иван Петрович');
    expect(personName(ivanov, 'en')).toBe('Ivanov Ivan Petrovich');
    expect(personName(ivanov, 'ru-RU')).toBe('Иванов Иван Петрович');
  });

  it('a person without a Cyrillic name or patronymic: the Latin parts that are recorded, in any language', () => {
    const p = { familyName: 'Smith', givenName: 'Anna', patronymic: null, nameRu: null };
    expect(personName(p, 'ru')).toBe('Smith Anna');
    expect(personName({ familyName: 'Smith', givenName: 'Anna', patronymic: '  ' }, 'en')).toBe('Smith Anna');
    expect(latinName(ivanov)).toBe('Ivanov Ivan Petrovich');
  });

  it('a named thing: the Russian name in Russian when there is one; the other name only when it differs', () => {
    const body = { name: 'Works committee', nameRu: 'Заводской комитет' };
    expect(localName(body, 'ru')).toBe('Заводской комитет');
    expect(localName(body, 'en')).toBe('Works committee');
    expect(localName({ name: 'Cell 4', nameRu: null }, 'ru')).toBe('Cell 4');
    expect(otherName(body, 'en')).toBe('Заводской комитет');
    expect(otherName(body, 'ru')).toBe('Works committee');
    expect(otherName({ name: 'ZiL', nameRu: 'ZiL' }, 'ru')).toBeNull();
    expect(otherName({ name: 'ZiL' }, 'en')).toBeNull();
  });
});
