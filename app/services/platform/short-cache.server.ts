// A value read from the database at most once every few seconds per database and process, for aggregates a
// busy page would otherwise recompute on every request (the indicators) and reference data that hardly
// changes (the filter forms' schemes, departments, territories). Requests arriving while it is read share
// that read; a failed read is not kept. Keyed by the database client, so tests on several databases in one
// process never see each other's values.
const caches = new WeakMap<object, Map<string, { at: number; value: Promise<unknown> }>>();

/** `seconds` from the environment variable `name` when it is set to a number (0: read every time). */
export function secondsFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

export function shortCache<T>(db: object, key: string, seconds: number, read: () => Promise<T>): Promise<T> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < seconds * 1000) return hit.value as Promise<T>;
  const value = read();
  cache.set(key, { at: now, value });
  value.catch(() => cache.delete(key));
  return value;
}
