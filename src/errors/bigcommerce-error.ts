// Symbol.for gives the same symbol in every realm and every copy of the package.
const ERROR_BRAND = Symbol.for('bigcommerce-source.error');

/** Every message the SDK writes starts with this, so logs show where an error came from. */
export const MESSAGE_PREFIX = '[bigcommerce-source]';

/**
 * The root of every error this SDK throws. Catch this (or test with {@link isBigCommerceError})
 * to handle everything that came from the SDK, whatever its cause.
 *
 * Errors carry no secret: access tokens, client secrets and OAuth codes never appear in a
 * message, a `cause`, or `JSON.stringify(error)`.
 */
export class BigCommerceError extends Error {
  /** The class name, `'BigCommerceError'`; it survives minification. */
  override name = 'BigCommerceError';
  /** Brand shared by every copy of this package, for {@link isBigCommerceError}. */
  declare readonly [ERROR_BRAND]: true;
  /**
   * Set when a paged read (`inventory.pages`, `shipments.pages` and their item forms) failed after
   * some pages: the cursor of the last complete page. Pass it as `cursor` to carry on where it
   * stopped, without losing or repeating anything. `resumeCursorOf(error)` reads it from any error.
   */
  declare readonly cursor?: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message.startsWith(MESSAGE_PREFIX) ? message : `${MESSAGE_PREFIX} ${message}`, options);
  }

  /** A plain object with the error's name, message and own fields (never a secret). */
  toJSON(): Record<string, unknown> {
    return { ...(this as object), name: this.name, message: this.message };
  }
}

/**
 * Tells whether `value` is an error thrown by this SDK. It also recognises errors from another copy
 * of the package (another realm or a duplicated dependency), which `instanceof` would miss.
 *
 * @example
 * ```ts
 * try { await source.verifyConnection(); }
 * catch (error) { if (isBigCommerceError(error)) console.error(error.message); }
 * ```
 */
export function isBigCommerceError(value: unknown): value is BigCommerceError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[ERROR_BRAND] === true;
}

Object.defineProperty(BigCommerceError.prototype, ERROR_BRAND, { value: true });
