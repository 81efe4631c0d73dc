import type { ExchangeCodeInput, ExchangeCodeOptions } from './types';

/**
 * What {@link OAuthApp.exchangeCode} accepts: the auth callback's URL (a `URL` or a string, e.g.
 * `request.url`), its query (`URLSearchParams`), or the three parameters as an object.
 */
export type AuthCallbackInput = ExchangeCodeInput | URL | URLSearchParams | string;

/**
 * The exchange input from an auth callback: `code`, `scope` and `context` read from the URL or its
 * query, every other parameter (`account_uuid`, `external_install`, and whatever BigCommerce adds)
 * ignored; the per-call options added. An object is passed through, for the strict check that
 * follows.
 * @see https://developer.bigcommerce.com/docs/integrations/apps/guide/auth
 */
export function exchangeInputOf(input: unknown, options: ExchangeCodeOptions | undefined): unknown {
  const query =
    input instanceof URLSearchParams ? input : input instanceof URL ? input.searchParams : typeof input === 'string' ? searchParamsOf(input) : undefined;
  if (!query) return options ? { ...(input as object), ...options } : input;
  // A missing parameter becomes '' so that validation names it ("expected a non-empty string").
  return { code: query.get('code') ?? '', scope: query.get('scope') ?? '', context: query.get('context') ?? '', ...options };
}

/** A full URL's query, or a query string with or without its `?`. */
function searchParamsOf(text: string): URLSearchParams {
  try {
    return new URL(text).searchParams;
  } catch {
    return new URLSearchParams(text.slice(text.indexOf('?') + 1));
  }
}
