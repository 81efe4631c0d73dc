/**
 * A fetch that answers from a script, one step per call, and records every request it saw.
 * For testing the HTTP core in isolation; the sandbox store covers whole-store behaviour.
 */
export type ScriptStep =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | { error: Error }
  | { hang: true };

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string | undefined;
}

export function scriptedFetch(steps: ScriptStep[], fallback?: ScriptStep) {
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    requests.push({
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: request.body ? await request.text() : undefined,
    });
    const step = steps.shift() ?? fallback ?? { status: 200, body: {} };
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      if ('error' in step) throw step.error;
      if ('hang' in step) {
        return await new Promise<Response>((_, reject) => {
          request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
        });
      }
      const text = step.body === undefined ? null : typeof step.body === 'string' ? step.body : JSON.stringify(step.body);
      return new Response(text, {
        status: step.status,
        headers: { 'content-type': 'application/json', ...step.headers },
      });
    } finally {
      inFlight -= 1;
    }
  };
  return {
    fetch: fetch as typeof globalThis.fetch,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
  };
}

/** A realistic `GET /v2/store` body. */
export const storeProfile = {
  id: 'abc123',
  name: 'Acme Supply',
  domain: 'acme-supply.example',
  secure_url: 'https://acme-supply.example',
  control_panel_base_url: 'https://store-abc123.mybigcommerce.com',
  status: 'live',
  country_code: 'US',
  currency: 'USD',
  timezone: { name: 'America/Chicago', raw_offset: -21600 },
  plan_name: 'Standard',
  store_id: 1001,
  default_channel_id: 1,
};
