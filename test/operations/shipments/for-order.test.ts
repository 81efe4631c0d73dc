import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../../src/index';
import { isoSeconds, parseRfc2822 } from '../../../src/internal/rfc2822';
import { purchaseOrder, requestLines, sendOrders, setup } from './fixtures';

describe('shipments.forOrder', () => {
  it('joins partial shipments to the order lines: SKUs, variants, carriers, links and ISO dates', async () => {
    const { sandbox, source } = setup();
    const [orderId] = await sendOrders(source, ['PO-7']);
    const first = sandbox.shipOrder(orderId!, { items: [{ sku: 'mug-1', quantity: 1 }], shippingProvider: 'usps', trackingNumber: '9400111' });
    expect(sandbox.orders.get(orderId!)!.status_id).toBe(3);
    const second = sandbox.shipOrder(orderId!, {
      trackingCarrier: 'dhl',
      trackingNumber: 'JD0002',
      trackingLink: 'https://track.example/JD0002',
      comments: 'rest of the order',
    });
    expect(sandbox.orders.get(orderId!)!.status_id).toBe(2);
    const tee = sandbox.catalog.findVariantBySku('TEE-M')!;
    const mug = sandbox.catalog.findVariantBySku('MUG-1')!;
    sandbox.clearRequests();

    const shipments = await source.shipments.forOrder(orderId!);

    expect(requestLines(sandbox)).toEqual([`GET /v2/orders/${orderId}`, `GET /v2/orders/${orderId}/shipments`, `GET /v2/orders/${orderId}/products`]);
    expect(shipments).toHaveLength(2);
    expect(shipments[0]).toMatchObject({
      id: first.id,
      orderId,
      poNumber: 'PO-7',
      trackingNumber: '9400111',
      carrier: 'USPS',
      carrierCode: 'usps',
      trackingUrl: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111',
      shippedAt: isoSeconds(parseRfc2822(first.date_created)!),
      comments: null,
      items: [{ sku: 'MUG-1', productId: mug.product_id, variantId: mug.id, quantity: 1 }],
    });
    expect(shipments[0]!.shippedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(shipments[0]!.shippingAddress).toMatchObject({ firstName: 'Ann', street1: '1 Main St', zip: '78701', country: 'US' });
    expect(shipments[1]).toMatchObject({
      id: second.id,
      carrier: 'dhl',
      carrierCode: 'dhl',
      trackingUrl: 'https://track.example/JD0002',
      comments: 'rest of the order',
      items: [
        { sku: 'MUG-1', productId: mug.product_id, variantId: mug.id, quantity: 1 },
        { sku: 'TEE-M', productId: tee.product_id, variantId: tee.id, quantity: 1 },
      ],
    });
  });

  it('answers [] for an order without shipments, with no shipments request when it shipped nothing', async () => {
    const { sandbox, source } = setup();
    const [orderId] = await sendOrders(source, ['PO-8']);
    sandbox.clearRequests();
    expect(await source.shipments.forOrder(orderId!)).toEqual([]);
    expect(requestLines(sandbox)).toEqual([`GET /v2/orders/${orderId}`]);
  });

  it('handles the 204 with an empty body that BigCommerce sends when an order has no shipments', async () => {
    const { sandbox, source } = setup();
    const [orderId] = await sendOrders(source, ['PO-9']);
    sandbox.shipOrder(orderId!);
    // As after a shipment was deleted: the order still counts shipped items, the list is empty.
    sandbox.injectFault({ kind: 'status', status: 204, body: null }, { match: { path: `/v2/orders/${orderId}/shipments` } });
    sandbox.clearRequests();
    expect(await source.shipments.forOrder(orderId!)).toEqual([]);
    expect(requestLines(sandbox)).toEqual([`GET /v2/orders/${orderId}`, `GET /v2/orders/${orderId}/shipments`]);
  });

  it('pages through more than one page of shipments and of order lines', async () => {
    const skus = Array.from({ length: 260 }, (_, index) => `PART-${index}`);
    const { sandbox, source } = setup({ products: skus.map((sku) => ({ name: sku, sku, inventory_level: 10 })) });
    const { orderId } = await source.orders.send(purchaseOrder('PO-BIG', skus.map((sku) => ({ sku, quantity: 1 }))));
    for (const sku of skus) sandbox.shipOrder(orderId, { items: [{ sku }], trackingNumber: `T-${sku}` });
    sandbox.clearRequests();

    const shipments = await source.shipments.forOrder(orderId);

    expect(shipments).toHaveLength(260);
    expect(shipments.map((shipment) => shipment.items[0]!.sku)).toEqual(skus);
    expect(shipments.every((shipment) => shipment.trackingNumber === `T-${shipment.items[0]!.sku}`)).toBe(true);
    const pages = sandbox.requests.map((request) => `${request.path} page=${request.query.get('page')} limit=${request.query.get('limit')}`);
    expect(pages).toEqual([
      `/v2/orders/${orderId} page=null limit=null`,
      `/v2/orders/${orderId}/shipments page=1 limit=250`,
      `/v2/orders/${orderId}/shipments page=2 limit=250`,
      `/v2/orders/${orderId}/products page=1 limit=250`,
      `/v2/orders/${orderId}/products page=2 limit=250`,
    ]);
  });

  it('throws NotFoundError for an order that does not exist', async () => {
    const { source } = setup();
    const error = await source.shipments.forOrder(424242).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toMatch(/GET \/v2\/orders\/424242 failed with 404/);
  });

  it('rejects a bad order id before sending anything', async () => {
    const { sandbox, source } = setup();
    await expect(source.shipments.forOrder(-1)).rejects.toBeInstanceOf(ValidationError);
    await expect(source.shipments.forOrder(1.5)).rejects.toThrow(/orderId/);
    expect(sandbox.requests).toHaveLength(0);
  });
});

describe('shipments.forPurchaseOrder', () => {
  it('finds the order by external_order_id', async () => {
    const { sandbox, source } = setup();
    const [, orderId] = await sendOrders(source, ['PO-1', 'PO-2']);
    sandbox.shipOrder(orderId!, { shippingProvider: 'fedex', trackingNumber: '7777' });
    sandbox.clearRequests();
    const shipments = await source.shipments.forPurchaseOrder('PO-2');
    expect(shipments.map((shipment) => [shipment.orderId, shipment.poNumber, shipment.carrier, shipment.trackingUrl])).toEqual([
      [orderId, 'PO-2', 'FedEx', 'https://www.fedex.com/fedextrack/?trknbr=7777'],
    ]);
    expect(sandbox.requests[0]!.query.get('external_order_id')).toBe('PO-2');
  });

  it('throws NotFoundError naming the PO when no order has it', async () => {
    const { source } = setup();
    const error = await source.shipments.forPurchaseOrder('PO-NOPE').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toContain('"PO-NOPE"');
  });
});
