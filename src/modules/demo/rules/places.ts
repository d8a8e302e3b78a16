// Leningrad in the 1930s: districts, the great works, and templates for believable workplace names.
import type { Rng } from './prng.js';

export interface Named {
  en: string;
  ru: string;
}

/** District committees under the city committee, with a weight for how many organisations each holds. */
export const DISTRICTS: readonly (Named & { key: string; weight: number })[] = [
  { key: 'kirovsky', en: 'Kirovsky (Narvsky) district', ru: 'Кировский (Нарвский) район', weight: 10 },
  { key: 'vyborgsky', en: 'Vyborgsky district', ru: 'Выборгский район', weight: 9 },
  { key: 'volodarsky', en: 'Volodarsky district', ru: 'Володарский район', weight: 7 },
  { key: 'vasileostrovsky', en: 'Vasileostrovsky district', ru: 'Василеостровский район', weight: 8 },
  { key: 'moskovsky', en: 'Moskovsky district', ru: 'Московский район', weight: 7 },
  { key: 'oktyabrsky', en: 'Oktyabrsky district', ru: 'Октябрьский район', weight: 6 },
  { key: 'petrogradsky', en: 'Petrogradsky district', ru: 'Петроградский район', weight: 7 },
  { key: 'smolninsky', en: 'Smolninsky district', ru: 'Смольнинский район', weight: 6 },
  { key: 'krasnogvardeisky', en: 'Krasnogvardeisky district', ru: 'Красногвардейский район', weight: 6 },
  { key: 'frunzensky', en: 'Frunzensky district', ru: 'Фрунзенский район', weight: 5 },
  { key: 'kuibyshevsky', en: 'Kuibyshevsky district', ru: 'Куйбышевский район', weight: 5 },
  { key: 'dzerzhinsky', en: 'Dzerzhinsky district', ru: 'Дзержинский район', weight: 5 },
  { key: 'leninsky', en: 'Leninsky district', ru: 'Ленинский район', weight: 5 },
  { key: 'primorsky', en: 'Primorsky district', ru: 'Приморский район', weight: 3 },
  { key: 'sverdlovsky', en: 'Sverdlovsky district', ru: 'Свердловский район', weight: 4 },
  { key: 'krasnoselsky', en: 'Krasnoselsky district', ru: 'Красносельский район', weight: 2 },
  { key: 'kolpinsky', en: 'Kolpinsky district', ru: 'Колпинский район', weight: 3 },
  { key: 'port', en: 'Port district', ru: 'Портовый район', weight: 2 },
];

export interface GreatWorks extends Named {
  district: string;
  industry: string;
}

/** The seventeen organisations of over 1,000; the first is the Red Putilovite works. */
export const GREAT_WORKS: readonly GreatWorks[] = [
  {
    en: 'Red Putilovite works (Krasny Putilovets, later Kirov works)',
    ru: 'Завод «Красный путиловец»',
    district: 'kirovsky',
    industry: 'industry',
  },
  { en: 'Elektrosila works', ru: 'Завод «Электросила»', district: 'moskovsky', industry: 'industry' },
  {
    en: 'Bolshevik works (former Obukhov works)',
    ru: 'Завод «Большевик»',
    district: 'volodarsky',
    industry: 'industry',
  },
  {
    en: 'Baltic shipyard named after Ordzhonikidze',
    ru: 'Балтийский завод имени Орджоникидзе',
    district: 'vasileostrovsky',
    industry: 'industry',
  },
  { en: 'Red Triangle rubber works', ru: 'Завод «Красный треугольник»', district: 'oktyabrsky', industry: 'industry' },
  { en: 'Skorokhod shoe factory', ru: 'Фабрика «Скороход»', district: 'moskovsky', industry: 'industry' },
  {
    en: 'Leningrad Metal Works named after Stalin',
    ru: 'Ленинградский металлический завод имени Сталина',
    district: 'vyborgsky',
    industry: 'industry',
  },
  {
    en: 'Karl Marx machine-building works',
    ru: 'Машиностроительный завод имени Карла Маркса',
    district: 'vyborgsky',
    industry: 'industry',
  },
  { en: 'Svetlana electric lamp works', ru: 'Завод «Светлана»', district: 'vyborgsky', industry: 'industry' },
  { en: 'Sevkabel cable works', ru: 'Завод «Севкабель»', district: 'vasileostrovsky', industry: 'industry' },
  {
    en: 'Krasnaya Zarya telephone works',
    ru: 'Завод «Красная заря»',
    district: 'petrogradsky',
    industry: 'communications',
  },
  {
    en: 'Marti shipyard (Admiralty works)',
    ru: 'Судостроительный завод имени Марти',
    district: 'oktyabrsky',
    industry: 'industry',
  },
  {
    en: 'Nevsky machine-building works named after Lenin',
    ru: 'Невский машиностроительный завод имени Ленина',
    district: 'volodarsky',
    industry: 'industry',
  },
  { en: 'Russian Diesel works', ru: 'Завод «Русский дизель»', district: 'vyborgsky', industry: 'industry' },
  { en: 'Izhora works', ru: 'Ижорский завод', district: 'kolpinsky', industry: 'industry' },
  {
    en: 'October Railway, Leningrad junction',
    ru: 'Октябрьская железная дорога, Ленинградский узел',
    district: 'oktyabrsky',
    industry: 'transport',
  },
  {
    en: 'Krasnoe Znamya knitwear factory',
    ru: 'Трикотажная фабрика «Красное знамя»',
    district: 'petrogradsky',
    industry: 'industry',
  },
];

/** Shop cells of the Red Putilovite works. */
export const PUTILOV_SHOPS: readonly Named[] = [
  { en: 'Steel foundry', ru: 'Сталелитейный цех' },
  { en: 'Iron foundry', ru: 'Чугунолитейный цех' },
  { en: 'Rolling mill', ru: 'Прокатный цех' },
  { en: 'Tractor shop', ru: 'Тракторный цех' },
  { en: 'Tractor assembly', ru: 'Тракторосборочный цех' },
  { en: 'Open-hearth shop', ru: 'Мартеновский цех' },
  { en: 'Forge', ru: 'Кузнечный цех' },
  { en: 'Mechanical shop No. 1', ru: 'Механический цех № 1' },
  { en: 'Mechanical shop No. 2', ru: 'Механический цех № 2' },
  { en: 'Tool shop', ru: 'Инструментальный цех' },
  { en: 'Turbine shop', ru: 'Турбинный цех' },
  { en: 'Boiler shop', ru: 'Котельный цех' },
  { en: 'Gear shop', ru: 'Шестерённый цех' },
  { en: 'Wagon shop', ru: 'Вагонный цех' },
  { en: 'Electrical shop', ru: 'Электроцех' },
  { en: 'Repair shop', ru: 'Ремонтный цех' },
  { en: 'Pattern shop', ru: 'Модельный цех' },
  { en: 'Transport department', ru: 'Транспортный цех' },
  { en: 'Works administration', ru: 'Заводоуправление' },
  { en: 'Factory apprenticeship school (FZU)', ru: 'Школа ФЗУ' },
];

export const GENERIC_SHOPS: readonly Named[] = [
  { en: 'Mechanical shop', ru: 'Механический цех' },
  { en: 'Assembly shop', ru: 'Сборочный цех' },
  { en: 'Foundry', ru: 'Литейный цех' },
  { en: 'Tool shop', ru: 'Инструментальный цех' },
  { en: 'Weaving shop', ru: 'Ткацкий цех' },
  { en: 'Spinning shop', ru: 'Прядильный цех' },
  { en: 'Repair shop', ru: 'Ремонтный цех' },
  { en: 'Power station', ru: 'Силовая станция' },
  { en: 'Administration', ru: 'Управление' },
  { en: 'Transport department', ru: 'Транспортный отдел' },
  { en: 'Night shift', ru: 'Ночная смена' },
  { en: 'Finishing shop', ru: 'Отделочный цех' },
];

/** Templates for ordinary workplaces: name with a number or a namesake, and the sector. */
const KINDS: readonly { en: string; ru: string; industry: string; numbered: boolean; weight: number }[] = [
  { en: 'Machine works', ru: 'Машиностроительный завод', industry: 'industry', numbered: false, weight: 8 },
  { en: 'Textile mill', ru: 'Текстильная фабрика', industry: 'industry', numbered: false, weight: 6 },
  { en: 'Tobacco factory', ru: 'Табачная фабрика', industry: 'industry', numbered: false, weight: 1 },
  { en: 'Confectionery factory', ru: 'Кондитерская фабрика', industry: 'industry', numbered: false, weight: 1 },
  { en: 'Printing house', ru: 'Типография', industry: 'industry', numbered: true, weight: 3 },
  { en: 'Bakery', ru: 'Хлебозавод', industry: 'industry', numbered: true, weight: 3 },
  { en: 'Sawmill', ru: 'Лесопильный завод', industry: 'industry', numbered: true, weight: 2 },
  { en: 'Brick works', ru: 'Кирпичный завод', industry: 'construction', numbered: true, weight: 2 },
  { en: 'Construction trust', ru: 'Строительный трест', industry: 'construction', numbered: true, weight: 3 },
  { en: 'Tram depot', ru: 'Трамвайный парк', industry: 'transport', numbered: false, weight: 2 },
  { en: 'Port warehouse', ru: 'Портовый склад', industry: 'transport', numbered: true, weight: 1 },
  {
    en: 'Post and telegraph office',
    ru: 'Почтово-телеграфная контора',
    industry: 'communications',
    numbered: true,
    weight: 2,
  },
  { en: 'School', ru: 'Школа', industry: 'education', numbered: true, weight: 8 },
  { en: 'Technical college', ru: 'Техникум', industry: 'education', numbered: false, weight: 2 },
  { en: 'Institute', ru: 'Институт', industry: 'science', numbered: false, weight: 2 },
  { en: 'Hospital', ru: 'Больница', industry: 'health', numbered: false, weight: 2 },
  { en: 'Polyclinic', ru: 'Поликлиника', industry: 'health', numbered: true, weight: 2 },
  { en: 'Cooperative shop', ru: 'Кооперативный магазин', industry: 'trade', numbered: true, weight: 4 },
  { en: 'Factory kitchen', ru: 'Фабрика-кухня', industry: 'trade', numbered: true, weight: 2 },
  { en: 'District soviet office', ru: 'Райсовет, аппарат', industry: 'administration', numbered: false, weight: 1 },
  {
    en: 'People’s commissariat office',
    ru: 'Управление наркомата',
    industry: 'administration',
    numbered: true,
    weight: 2,
  },
  { en: 'Housing cooperative', ru: 'Жилищный кооператив', industry: 'administration', numbered: true, weight: 2 },
];

const NAMESAKES: readonly Named[] = [
  { en: 'named after Kalinin', ru: 'имени Калинина' },
  { en: 'named after Volodarsky', ru: 'имени Володарского' },
  { en: 'named after Uritsky', ru: 'имени Урицкого' },
  { en: 'named after Kirov', ru: 'имени Кирова' },
  { en: 'named after Lenin', ru: 'имени Ленина' },
  { en: 'named after Frunze', ru: 'имени Фрунзе' },
  { en: 'named after Sverdlov', ru: 'имени Свердлова' },
  { en: 'named after Dzerzhinsky', ru: 'имени Дзержинского' },
  { en: 'named after Rosa Luxemburg', ru: 'имени Розы Люксембург' },
  { en: 'named after Klara Zetkin', ru: 'имени Клары Цеткин' },
  { en: '"Red Dawn"', ru: '«Красная заря»' },
  { en: '"Red Banner"', ru: '«Красное знамя»' },
  { en: '"Worker"', ru: '«Рабочий»' },
  { en: '"Proletarian"', ru: '«Пролетарий»' },
  { en: '"Red October"', ru: '«Красный октябрь»' },
  { en: '"Hammer and Sickle"', ru: '«Серп и молот»' },
  { en: '"Bolshevichka"', ru: '«Большевичка»' },
  { en: '"Paris Commune"', ru: '«Парижская коммуна»' },
  { en: 'named after the 1905 Revolution', ru: 'имени Революции 1905 года' },
  { en: 'named after Zhelyabov', ru: 'имени Желябова' },
];

export interface Workplace extends Named {
  industry: string;
}

/** A believable ordinary workplace; `serial` keeps numbered names distinct. */
export function randomWorkplace(rng: Rng, serial: number): Workplace {
  const kind = rng.weighted(KINDS.map((k) => [k, k.weight] as const));
  if (kind.numbered) return { en: `${kind.en} No. ${serial}`, ru: `${kind.ru} № ${serial}`, industry: kind.industry };
  const n = rng.pick(NAMESAKES);
  return { en: `${kind.en} ${n.en}`, ru: `${kind.ru} ${n.ru}`, industry: kind.industry };
}
