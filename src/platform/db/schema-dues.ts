// Kysely table types of the dues migrations. Keep in step with migrations/.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DuesTables {}
