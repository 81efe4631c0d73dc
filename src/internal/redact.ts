/** What a secret is replaced with. */
export const REDACTED = '[redacted]';

/** Deeper than this, a body's structure is replaced by {@link TOO_DEEP}: nothing in the error path may overflow the stack. */
export const MAX_BODY_DEPTH = 64;
/** What a subtree nested deeper than {@link MAX_BODY_DEPTH} becomes. */
export const TOO_DEEP = '[nested too deeply]';

/**
 * Removes secrets from whatever leaves through an error or an event. Every occurrence of every
 * secret is replaced, in text, in the strings and object keys of a parsed body, and along an
 * error's `cause` chain. Messages are built from redacted inserts, so the SDK's own wording is
 * never touched.
 */
export class Redactor {
  readonly #secrets: readonly string[];

  /** @param secrets values exactly as they were sent; empty ones are ignored. */
  constructor(secrets: Iterable<string>) {
    // Longest first, so a secret that contains another is replaced whole.
    this.#secrets = [...new Set(secrets)].filter((secret) => secret !== '').sort((a, b) => b.length - a.length);
  }

  /** `text` with every secret replaced by `[redacted]`. */
  text(text: string): string {
    let result = text;
    for (const secret of this.#secrets) if (result.includes(secret)) result = result.split(secret).join(REDACTED);
    return result;
  }

  /**
   * A copy of a parsed JSON value with every secret replaced in its strings and object keys.
   * Iterative, so a body nested thousands deep cannot overflow the stack; subtrees deeper than
   * {@link MAX_BODY_DEPTH} become {@link TOO_DEEP}.
   */
  value<T>(value: T): T {
    const root: { value: unknown } = { value };
    const work: Array<{ holder: Record<PropertyKey, unknown>; key: PropertyKey; depth: number }> = [{ holder: root, key: 'value', depth: 0 }];
    for (let item = work.pop(); item; item = work.pop()) {
      const { holder, key, depth } = item;
      const current = holder[key];
      if (typeof current === 'string') {
        holder[key] = this.text(current);
      } else if (current !== null && typeof current === 'object') {
        if (depth >= MAX_BODY_DEPTH) {
          holder[key] = TOO_DEEP;
          continue;
        }
        const isArray = Array.isArray(current);
        const copy = (isArray ? [] : {}) as Record<PropertyKey, unknown>;
        for (const [entryKey, entry] of Object.entries(current)) {
          const cleanKey = isArray ? entryKey : this.text(entryKey);
          // defineProperty: a key such as `__proto__` stays a plain property of the copy.
          Object.defineProperty(copy, cleanKey, { value: entry, enumerable: true, writable: true, configurable: true });
          work.push({ holder: copy, key: cleanKey, depth: depth + 1 });
        }
        holder[key] = copy;
      }
    }
    return root.value as T;
  }

  /**
   * A copy of an error's `cause` chain (at most 8 links) that keeps each link's name, message,
   * `code` and stack, redacted, and nothing else: a runtime's error can quote a header value (an
   * invalid token) and other errors carry the request with its headers.
   */
  error(error: unknown): Error | undefined {
    let top: Error | undefined;
    let last: Error | undefined;
    for (let link: unknown = error, depth = 0; link !== undefined && link !== null && depth < 8; depth += 1) {
      const copy = this.#copyLink(link);
      if (last) Object.defineProperty(last, 'cause', { value: copy, enumerable: false, writable: true, configurable: true });
      else top = copy;
      last = copy;
      link = link instanceof Error ? link.cause : undefined;
    }
    return top;
  }

  #copyLink(link: unknown): Error {
    if (!(link instanceof Error)) return new Error(this.text(String(link)));
    const copy = new Error(this.text(link.message));
    copy.name = this.text(link.name);
    copy.stack = typeof link.stack === 'string' ? this.text(link.stack) : undefined;
    const code = (link as { code?: unknown }).code;
    if (typeof code === 'string' || typeof code === 'number') Object.assign(copy, { code: typeof code === 'string' ? this.text(code) : code });
    return copy;
  }
}
