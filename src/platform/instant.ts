// Instants as the API writes them: ISO 8601 in UTC. The database gives a timestamp as a Date (pg) or a string
// (PGlite); services map their rows through this one function.
export function iso(d: Date | string): string;
export function iso(d: Date | string | null): string | null;
export function iso(d: Date | string | null): string | null {
  return d === null ? null : new Date(d).toISOString();
}
