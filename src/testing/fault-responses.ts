import { apiVersionOf } from './api-version';
import type { SandboxFault } from './faults';
import { defaultErrorMessage, errorResponse } from './responses/error-body';
import { jsonResponse } from './responses/json-response';
import { rateLimitedBody } from './responses/rate-limited-body';

/** The response a `status`, `malformed-json` or `html-error` fault sends. */
export function faultResponse(
  fault: Extract<SandboxFault, { kind: 'status' | 'malformed-json' | 'html-error' }>,
  path: string,
): Response {
  switch (fault.kind) {
    case 'status':
      return statusFaultResponse(fault, path);
    case 'malformed-json':
      // A body cut off mid-string, as when a connection closes while the payload streams.
      return new Response('{"data":[{"id":1,"name":"Sample Produ', {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    case 'html-error':
      return htmlErrorResponse(fault.status ?? 502);
  }
}

function statusFaultResponse(fault: Extract<SandboxFault, { kind: 'status' }>, path: string): Response {
  const headers = fault.headers ?? {};
  if (fault.body === undefined) {
    if (fault.status === 204 || fault.status === 205 || fault.status === 304) return new Response(null, { status: fault.status, headers });
    if (fault.status === 429) return jsonResponse(rateLimitedBody(), 429, headers);
    if (fault.status < 400) return jsonResponse({}, fault.status, headers);
    return errorResponse(apiVersionOf(path), fault.status, { message: defaultErrorMessage(fault.status), headers });
  }
  if (fault.body === null) return new Response(null, { status: fault.status, headers });
  if (typeof fault.body === 'string') {
    return new Response(fault.body, { status: fault.status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers } });
  }
  return jsonResponse(fault.body, fault.status, headers);
}

const REASONS: Readonly<Record<number, string>> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Time-out',
};

/** An error page like nginx or a CDN in front of the API gives: HTML, whatever the client accepts. */
function htmlErrorResponse(status: number): Response {
  const title = `${status} ${REASONS[status] ?? 'Error'}`;
  const html =
    `<!DOCTYPE html>\n<html>\n<head><title>${title}</title></head>\n<body>\n` +
    `<center><h1>${title}</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n`;
  return new Response(html, { status, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
