import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../src/testing/responses/json-response';
import { SandboxRouter, type RouteHandler } from '../../src/testing/router';
import { hasScope } from '../../src/testing/scopes';

const handler: RouteHandler = () => jsonResponse({});

describe('SandboxRouter', () => {
  const router = new SandboxRouter()
    .add({ method: 'GET', path: '/v2/orders/:order_id', handler })
    .add({ method: 'GET', path: '/v2/orders/count', handler })
    .add({ method: 'GET', path: '/v2/orders/:order_id/shipments/:shipment_id', handler })
    .add({ method: 'PUT', path: '/v2/orders/:order_id', handler });

  it('captures parameters, percent-decoded', () => {
    expect(router.match('GET', '/v2/orders/12/shipments/a%20b')).toMatchObject({
      kind: 'found',
      params: { order_id: '12', shipment_id: 'a b' },
    });
  });

  it('prefers a literal segment over a parameter, whatever the order of registration', () => {
    const match = router.match('GET', '/v2/orders/count');
    expect(match).toMatchObject({ kind: 'found', params: {} });
    if (match.kind === 'found') expect(match.route.path).toBe('/v2/orders/count');
  });

  it('tells not-found from method-not-allowed', () => {
    expect(router.match('GET', '/v2/orders')).toEqual({ kind: 'not-found' });
    expect(router.match('GET', '/v2/orders/')).toEqual({ kind: 'not-found' });
    expect(router.match('DELETE', '/v2/orders/5')).toEqual({ kind: 'method-not-allowed', allowed: ['GET', 'PUT'] });
  });

  it('refuses the same method and pattern twice', () => {
    expect(() => router.add({ method: 'GET', path: '/v2/orders/:id', handler })).toThrowError(/registered twice/);
  });
});

describe('hasScope', () => {
  const granted = new Set(['store_v2_orders', 'store_v2_products_read_only']);

  it('accepts the exact scope, and a modify scope for its read-only twin', () => {
    expect(hasScope(granted, 'store_v2_products_read_only')).toBe(true);
    expect(hasScope(granted, 'store_v2_orders')).toBe(true);
    expect(hasScope(granted, 'store_v2_orders_read_only')).toBe(true);
  });

  it('refuses a modify scope for a read-only grant, and missing scopes', () => {
    expect(hasScope(granted, 'store_v2_products')).toBe(false);
    expect(hasScope(granted, 'store_v2_customers_read_only')).toBe(false);
  });

  it('allows everything without a scope list, and routes without a scope', () => {
    expect(hasScope(undefined, 'store_v2_products')).toBe(true);
    expect(hasScope(new Set(), undefined)).toBe(true);
  });
});
