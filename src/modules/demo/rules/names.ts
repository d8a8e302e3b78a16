// Russian personal names, transliterated and in Cyrillic, for the demo's persons.
import type { Rng } from './prng.js';

/** Family names in the masculine form: [transliteration, Cyrillic]. Feminine forms are derived. */
const FAMILY: readonly (readonly [string, string])[] = [
  ['Ivanov', 'Иванов'], ['Smirnov', 'Смирнов'], ['Kuznetsov', 'Кузнецов'], ['Popov', 'Попов'],
  ['Vasiliev', 'Васильев'], ['Petrov', 'Петров'], ['Sokolov', 'Соколов'], ['Mikhailov', 'Михайлов'],
  ['Novikov', 'Новиков'], ['Fedorov', 'Фёдоров'], ['Morozov', 'Морозов'], ['Volkov', 'Волков'],
  ['Alekseev', 'Алексеев'], ['Lebedev', 'Лебедев'], ['Semenov', 'Семёнов'], ['Egorov', 'Егоров'],
  ['Pavlov', 'Павлов'], ['Kozlov', 'Козлов'], ['Stepanov', 'Степанов'], ['Nikolaev', 'Николаев'],
  ['Orlov', 'Орлов'], ['Andreev', 'Андреев'], ['Makarov', 'Макаров'], ['Nikitin', 'Никитин'],
  ['Zakharov', 'Захаров'], ['Zaitsev', 'Зайцев'], ['Soloviev', 'Соловьёв'], ['Borisov', 'Борисов'],
  ['Yakovlev', 'Яковлев'], ['Grigoriev', 'Григорьев'], ['Romanov', 'Романов'], ['Vorobiev', 'Воробьёв'],
  ['Sergeev', 'Сергеев'], ['Kuzmin', 'Кузьмин'], ['Frolov', 'Фролов'], ['Aleksandrov', 'Александров'],
  ['Dmitriev', 'Дмитриев'], ['Korolev', 'Королёв'], ['Gusev', 'Гусев'], ['Kiselev', 'Киселёв'],
  ['Ilyin', 'Ильин'], ['Maksimov', 'Максимов'], ['Polyakov', 'Поляков'], ['Sorokin', 'Сорокин'],
  ['Vinogradov', 'Виноградов'], ['Kovalev', 'Ковалёв'], ['Belov', 'Белов'], ['Medvedev', 'Медведев'],
  ['Antonov', 'Антонов'], ['Tarasov', 'Тарасов'], ['Zhukov', 'Жуков'], ['Baranov', 'Баранов'],
  ['Filippov', 'Филиппов'], ['Komarov', 'Комаров'], ['Davydov', 'Давыдов'], ['Belyaev', 'Беляев'],
  ['Gerasimov', 'Герасимов'], ['Bogdanov', 'Богданов'], ['Osipov', 'Осипов'], ['Sidorov', 'Сидоров'],
  ['Matveev', 'Матвеев'], ['Titov', 'Титов'], ['Markov', 'Марков'], ['Mironov', 'Миронов'],
  ['Krylov', 'Крылов'], ['Kulikov', 'Куликов'], ['Karpov', 'Карпов'], ['Vlasov', 'Власов'],
  ['Melnikov', 'Мельников'], ['Denisov', 'Денисов'], ['Gavrilov', 'Гаврилов'], ['Tikhonov', 'Тихонов'],
  ['Kazakov', 'Казаков'], ['Afanasiev', 'Афанасьев'], ['Danilov', 'Данилов'], ['Savelyev', 'Савельев'],
  ['Timofeev', 'Тимофеев'], ['Fomin', 'Фомин'], ['Chernov', 'Чернов'], ['Abramov', 'Абрамов'],
  ['Martynov', 'Мартынов'], ['Efimov', 'Ефимов'], ['Fedotov', 'Федотов'], ['Shcherbakov', 'Щербаков'],
  ['Nazarov', 'Назаров'], ['Kalinin', 'Калинин'], ['Isaev', 'Исаев'], ['Chernyshev', 'Чернышёв'],
  ['Bykov', 'Быков'], ['Maslov', 'Маслов'], ['Rodionov', 'Родионов'], ['Konovalov', 'Коновалов'],
  ['Lazarev', 'Лазарев'], ['Voronin', 'Воронин'], ['Klimov', 'Климов'], ['Filatov', 'Филатов'],
  ['Ponomarev', 'Пономарёв'], ['Golubev', 'Голубев'], ['Kudryavtsev', 'Кудрявцев'], ['Prokhorov', 'Прохоров'],
  ['Naumov', 'Наумов'], ['Potapov', 'Потапов'], ['Zhuravlev', 'Журавлёв'], ['Ovchinnikov', 'Овчинников'],
  ['Trofimov', 'Трофимов'], ['Leonov', 'Леонов'], ['Sobolev', 'Соболев'], ['Ermakov', 'Ермаков'],
  ['Kolesnikov', 'Колесников'], ['Goncharov', 'Гончаров'], ['Emelyanov', 'Емельянов'], ['Nikiforov', 'Никифоров'],
  ['Grachev', 'Грачёв'], ['Kotov', 'Котов'], ['Grishin', 'Гришин'], ['Efremov', 'Ефремов'],
  ['Arkhipov', 'Архипов'], ['Gromov', 'Громов'], ['Kirillov', 'Кириллов'], ['Malyshev', 'Малышев'],
  ['Panov', 'Панов'], ['Moiseev', 'Моисеев'], ['Rumyantsev', 'Румянцев'], ['Akimov', 'Акимов'],
  ['Kondratiev', 'Кондратьев'], ['Biryukov', 'Бирюков'], ['Gorbunov', 'Горбунов'], ['Anisimov', 'Анисимов'],
  ['Eremin', 'Ерёмин'], ['Tikhomirov', 'Тихомиров'], ['Galkin', 'Галкин'], ['Lukyanov', 'Лукьянов'],
  ['Mikheev', 'Михеев'], ['Skvortsov', 'Скворцов'], ['Yudin', 'Юдин'], ['Belousov', 'Белоусов'],
  ['Nesterov', 'Нестеров'], ['Simonov', 'Симонов'], ['Prokofiev', 'Прокофьев'], ['Kharitonov', 'Харитонов'],
  ['Knyazev', 'Князев'], ['Tsvetkov', 'Цветков'], ['Levin', 'Левин'], ['Mitrofanov', 'Митрофанов'],
  ['Voronov', 'Воронов'], ['Aksenov', 'Аксёнов'], ['Sofronov', 'Софронов'], ['Maltsev', 'Мальцев'],
  ['Loginov', 'Логинов'], ['Gorshkov', 'Горшков'], ['Savin', 'Савин'], ['Krasnov', 'Краснов'],
  ['Mayorov', 'Майоров'], ['Demidov', 'Демидов'], ['Eliseev', 'Елисеев'], ['Rybakov', 'Рыбаков'],
];

/** Male given names with their patronymic forms: [en, ru, patronymic m en, f en, m ru, f ru]. */
const MALE: readonly (readonly [string, string, string, string, string, string])[] = [
  ['Ivan', 'Иван', 'Ivanovich', 'Ivanovna', 'Иванович', 'Ивановна'],
  ['Petr', 'Пётр', 'Petrovich', 'Petrovna', 'Петрович', 'Петровна'],
  ['Nikolai', 'Николай', 'Nikolaevich', 'Nikolaevna', 'Николаевич', 'Николаевна'],
  ['Aleksei', 'Алексей', 'Alekseevich', 'Alekseevna', 'Алексеевич', 'Алексеевна'],
  ['Sergei', 'Сергей', 'Sergeevich', 'Sergeevna', 'Сергеевич', 'Сергеевна'],
  ['Mikhail', 'Михаил', 'Mikhailovich', 'Mikhailovna', 'Михайлович', 'Михайловна'],
  ['Vasilii', 'Василий', 'Vasilievich', 'Vasilievna', 'Васильевич', 'Васильевна'],
  ['Fedor', 'Фёдор', 'Fedorovich', 'Fedorovna', 'Фёдорович', 'Фёдоровна'],
  ['Grigorii', 'Григорий', 'Grigorievich', 'Grigorievna', 'Григорьевич', 'Григорьевна'],
  ['Andrei', 'Андрей', 'Andreevich', 'Andreevna', 'Андреевич', 'Андреевна'],
  ['Dmitrii', 'Дмитрий', 'Dmitrievich', 'Dmitrievna', 'Дмитриевич', 'Дмитриевна'],
  ['Aleksandr', 'Александр', 'Aleksandrovich', 'Aleksandrovna', 'Александрович', 'Александровна'],
  ['Vladimir', 'Владимир', 'Vladimirovich', 'Vladimirovna', 'Владимирович', 'Владимировна'],
  ['Konstantin', 'Константин', 'Konstantinovich', 'Konstantinovna', 'Константинович', 'Константиновна'],
  ['Pavel', 'Павел', 'Pavlovich', 'Pavlovna', 'Павлович', 'Павловна'],
  ['Stepan', 'Степан', 'Stepanovich', 'Stepanovna', 'Степанович', 'Степановна'],
  ['Semen', 'Семён', 'Semenovich', 'Semenovna', 'Семёнович', 'Семёновна'],
  ['Yakov', 'Яков', 'Yakovlevich', 'Yakovlevna', 'Яковлевич', 'Яковлевна'],
  ['Egor', 'Егор', 'Egorovich', 'Egorovna', 'Егорович', 'Егоровна'],
  ['Timofei', 'Тимофей', 'Timofeevich', 'Timofeevna', 'Тимофеевич', 'Тимофеевна'],
  ['Matvei', 'Матвей', 'Matveevich', 'Matveevna', 'Матвеевич', 'Матвеевна'],
  ['Boris', 'Борис', 'Borisovich', 'Borisovna', 'Борисович', 'Борисовна'],
  ['Viktor', 'Виктор', 'Viktorovich', 'Viktorovna', 'Викторович', 'Викторовна'],
  ['Georgii', 'Георгий', 'Georgievich', 'Georgievna', 'Георгиевич', 'Георгиевна'],
  ['Kirill', 'Кирилл', 'Kirillovich', 'Kirillovna', 'Кириллович', 'Кирилловна'],
  ['Roman', 'Роман', 'Romanovich', 'Romanovna', 'Романович', 'Романовна'],
  ['Anton', 'Антон', 'Antonovich', 'Antonovna', 'Антонович', 'Антоновна'],
  ['Maksim', 'Максим', 'Maksimovich', 'Maksimovna', 'Максимович', 'Максимовна'],
  ['Ilya', 'Илья', 'Ilyich', 'Ilyinichna', 'Ильич', 'Ильинична'],
  ['Osip', 'Осип', 'Osipovich', 'Osipovna', 'Осипович', 'Осиповна'],
  ['Trofim', 'Трофим', 'Trofimovich', 'Trofimovna', 'Трофимович', 'Трофимовна'],
  ['Afanasii', 'Афанасий', 'Afanasievich', 'Afanasievna', 'Афанасьевич', 'Афанасьевна'],
];

const FEMALE: readonly (readonly [string, string])[] = [
  ['Anna', 'Анна'], ['Maria', 'Мария'], ['Elena', 'Елена'], ['Olga', 'Ольга'], ['Tatiana', 'Татьяна'],
  ['Natalia', 'Наталья'], ['Ekaterina', 'Екатерина'], ['Evdokiya', 'Евдокия'], ['Praskovya', 'Прасковья'],
  ['Klavdiya', 'Клавдия'], ['Valentina', 'Валентина'], ['Nadezhda', 'Надежда'], ['Vera', 'Вера'],
  ['Lyubov', 'Любовь'], ['Aleksandra', 'Александра'], ['Zinaida', 'Зинаида'], ['Antonina', 'Антонина'],
  ['Galina', 'Галина'], ['Nina', 'Нина'], ['Lidiya', 'Лидия'], ['Sofia', 'Софья'], ['Agrafena', 'Аграфена'],
];

function feminine(en: string, ru: string): [string, string] {
  if (/(ov|ev|in|yn)$/.test(en)) return [en + 'a', ru + 'а'];
  if (en.endsWith('sky')) return [en.slice(0, -1) + 'aya', ru.slice(0, -2) + 'ая'];
  return [en, ru];
}

export interface PersonName {
  familyName: string;
  givenName: string;
  patronymic: string;
  nameRu: string;
  sex: 'm' | 'f';
}

export function randomName(rng: Rng, sex: 'm' | 'f'): PersonName {
  const [famEn, famRu] = rng.pick(FAMILY);
  const father = rng.pick(MALE);
  if (sex === 'm') {
    const given = rng.pick(MALE);
    return {
      familyName: famEn,
      givenName: given[0],
      patronymic: father[2],
      nameRu: `${famRu} ${given[1]} ${father[4]}`,
      sex,
    };
  }
  const [fEn, fRu] = feminine(famEn, famRu);
  const given = rng.pick(FEMALE);
  return { familyName: fEn, givenName: given[0], patronymic: father[3], nameRu: `${fRu} ${given[1]} ${father[5]}`, sex };
}
