/** What an API path for `source.request` and `source.paginate` must look like, for messages. */
export const API_PATH_RULE = "expected a path below the store starting with '/v2/' or '/v3/', percent-encoded (build it with the path`` tag)";

/**
 * Why `value` cannot be sent as a path below the store, or `undefined` when it can. A path must
 * start with `/v2/` or `/v3/` and be exactly what a URL parser keeps: no `.` or `..` segment, plain
 * or encoded (`%2e`), no `//`, no backslash (which a URL parser reads as `/`), no query or fragment
 * (those go in `query`), nothing a URL parser would encode or drop. So a path can never leave the
 * store it is sent to, or address another resource than the one it names.
 */
export function apiPathProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `${API_PATH_RULE}, got ${value === null ? 'null' : typeof value}`;
  if (!/^\/v[23]\//.test(value)) return API_PATH_RULE;
  if (value.includes('//')) return `${API_PATH_RULE}; '//' is not allowed`;
  if (/[?#]/.test(value)) return `${API_PATH_RULE}; put the query in \`query\`, not in the path`;
  if (/\\/.test(value)) return `${API_PATH_RULE}; a backslash is not allowed`;
  if (/%2e/i.test(value) || value.split('/').some((segment) => segment === '.' || segment === '..')) {
    return `${API_PATH_RULE}; '.' and '..' segments (also encoded as %2e) are not allowed`;
  }
  // The URL parser must keep the path as it is: it rewrites nothing a safe path contains.
  let kept: string;
  try {
    kept = new URL(value, 'https://store.invalid').pathname;
  } catch {
    kept = '';
  }
  if (kept !== value) return `${API_PATH_RULE}; characters such as spaces or quotes must be percent-encoded`;
  return undefined;
}
