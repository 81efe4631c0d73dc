/**
 * An error that ended a sync, with the cursor to resume from: every item of the pages yielded
 * before the error is behind it, every other item ahead of it.
 */
export type WithResumeCursor<E> = E & {
  /** Pass as the `cursor` option of `pages()` or `items()` to continue where the sync stopped. */
  readonly cursor: string;
};

/** Adds `cursor` to the error that ends a sync (any object; a primitive is returned unchanged). */
export function attachResumeCursor<E>(error: E, cursor: string): E {
  if (typeof error === 'object' && error !== null && Object.isExtensible(error)) {
    Object.defineProperty(error, 'cursor', { value: cursor, enumerable: true, configurable: true, writable: false });
  }
  return error;
}

/**
 * The resume cursor of an error thrown by `inventory.pages()`/`items()`, `shipments.pages()`/`list()` or
 * `orders.changePages()`/`changes()`, or `undefined`
 * when the error did not come from a sync.
 * @example
 * ```ts
 * try {
 *   for await (const page of source.inventory.pages({ cursor: saved })) await save(page);
 * } catch (error) {
 *   const cursor = resumeCursorOf(error);
 *   if (cursor) await checkpoint(cursor); // the next run continues from here
 *   throw error;
 * }
 * ```
 */
export function resumeCursorOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const cursor = (error as { cursor?: unknown }).cursor;
  return typeof cursor === 'string' ? cursor : undefined;
}
