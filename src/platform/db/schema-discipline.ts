// Kysely table types of the discipline migrations. Keep in step with migrations/.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DisciplineTables {}
