/**
 * One value of a page's query string, trimmed, or null when absent or blank. A NUL character cannot reach
 * PostgreSQL (the query fails) and only a forged URL carries one: it is dropped here, for every filter.
 */
export function queryParam(params: URLSearchParams, name: string): string | null {
  return params.get(name)?.replaceAll("\u0000", "").trim() || null;
}
