/** Replaces every occurrence of a secret in the strings of `value` (deeply) with `[redacted]`. */
export function redactSecrets<T>(value: T, secrets: readonly string[]): T {
  const live = secrets.filter((secret) => secret.length >= 4);
  if (live.length === 0) return value;
  const scrub = (item: unknown): unknown => {
    if (typeof item === 'string') return live.reduce((text, secret) => text.split(secret).join('[redacted]'), item);
    if (Array.isArray(item)) return item.map(scrub);
    if (item !== null && typeof item === 'object') {
      return Object.fromEntries(Object.entries(item).map(([key, entry]) => [key, scrub(entry)]));
    }
    return item;
  };
  return scrub(value) as T;
}
