import { isBigCommerceError, type InventoryItem, type PurchaseOrder, type SentOrder, type Shipment } from '../../index';
import type { CommandContext } from '../context';
import { connect } from '../credentials';
import { errorLine } from '../error-line';
import { createCliSandbox, DEMO_ADDRESS, KNOWN_CUSTOMER } from '../sandbox';
import { formatDuration, Progress } from '../progress';
import type { VerifyCheck } from './verify';
import { collectChecks } from './verify';

/**
 * `demo`: the whole flow against the embedded sandbox store over real HTTP on 127.0.0.1, with no
 * credentials: verify, inventory, one PO under each customer policy, a shipment, a PO cancelled by
 * the supplier and read back, a report.
 */
export async function demoCommand(context: CommandContext): Promise<number> {
  const { terminal } = context;
  const out = (line = '') => terminal.out(`${line}\n`);
  const sandbox = context.io.sandbox ?? (await createCliSandbox({ latencyMs: 25, seedOrders: false }));
  const connection = await connect({ ...context.flags, sandbox: true }, { ...context.io, sandbox }, terminal, { listen: true, connectionName: 'Demo supplier (sandbox)', onEvent: context.onEvent });
  const { source } = connection;
  const startedMs = terminal.now();
  const signal = context.signal ? { signal: context.signal } : {};
  try {
    await out('bigcommerce-source demo');
    await out(`  against the embedded ${connection.label}: no credentials, nothing leaves this machine`);
    await out();

    // 1. verify
    await out('1. verify: the connection and the scopes the operations need');
    const checks: VerifyCheck[] = await collectChecks(connection, 'create-if-missing', context.signal);
    for (const check of checks) await out(`   ${check.check.padEnd(17)} ${check.status.padEnd(8)} ${check.scope ?? ''}`);
    const store = checks[0]!;
    await out(`   store: ${store.detail}`);
    await out();

    // 2. inventory
    await out('2. inventory --skip-hidden: every sellable SKU, streamed');
    const progress = new Progress(terminal, 'inventory', 'products');
    const inventoryStartedMs = terminal.now();
    const items: InventoryItem[] = [];
    let productsTotal = 0;
    let inventoryRequests = 0;
    for await (const page of source.inventory.pages({
      skipHiddenProducts: true,
      pageSize: 20,
      ...signal,
      onProgress: (state) => progress.update(state.productsDone, state.productsTotal, `${state.itemsYielded} items`),
    })) {
      items.push(...page.items);
      productsTotal = page.progress.productsTotal;
      inventoryRequests = page.progress.requests;
    }
    progress.clear();
    const inventoryMs = terminal.now() - inventoryStartedMs;
    const hiddenSkipped = sandbox.catalog.size - productsTotal;
    await out(`   ${items.length} items from ${productsTotal} products; ${hiddenSkipped} hidden products skipped (never downloaded); ${inventoryRequests} requests; ${formatDuration(inventoryMs)}`);
    const sample = items.find((item) => item.sku === 'TSHIRT-RED-M') ?? items[0];
    if (sample) await out(`   e.g. ${sample.sku}: ${sample.productName}${sample.optionValues.length ? ` (${sample.optionValues.map((option) => option.value).join(', ')})` : ''}, ${sample.quantity ?? 'untracked'} in stock, ${sample.price.toFixed(2)}`);
    await out();

    // 3. send-order under each policy
    await out('3. send-order: one purchase order under each customer policy');
    const sellable = items.filter((item) => !item.purchasingDisabled && item.availability === 'available' && (item.quantity === null || item.quantity >= 5));
    const pick = (index: number) => sellable[index % Math.max(sellable.length, 1)]!;
    const po = (poNumber: string, email: string, index: number): PurchaseOrder => ({
      poNumber,
      email,
      items: [
        { sku: pick(index).sku, quantity: 2 },
        { sku: pick(index + 1).sku, quantity: 1 },
      ],
      shippingAddress: DEMO_ADDRESS,
    });
    const sent: SentOrder[] = [];
    const guest = await source.orders.send(po('PO-DEMO-1', KNOWN_CUSTOMER.email, 0), { customerPolicy: 'guest', ...signal });
    sent.push(guest);
    await out(`   guest               PO-DEMO-1 -> order ${guest.orderId} created, guest checkout (customer 0); lines ${guest.lines.map((line) => `${line.sku}×${line.quantity}`).join(', ')}`);
    const created = await source.orders.send(po('PO-DEMO-2', 'new.buyer@shop.example', 2), { customerPolicy: 'create-if-missing', ...signal });
    sent.push(created);
    await out(`   create-if-missing   PO-DEMO-2 -> order ${created.orderId} created for customer ${created.customerId} (${created.customerCreated ? 'created just now' : 'existing'}: new.buyer@shop.example)`);
    let refused = '';
    try {
      await source.orders.send(po('PO-DEMO-3', 'stranger@nowhere.example', 4), { customerPolicy: 'require-existing', ...signal });
      await out('   require-existing    PO-DEMO-3 -> sent (unexpected: no customer has that email)');
    } catch (error) {
      if (!isBigCommerceError(error)) throw error;
      refused = error.name;
      await out('   require-existing    PO-DEMO-3 (stranger@nowhere.example) -> refused, nothing written. What a user sees:');
      await out(`     ${errorLine(error)}`);
    }
    const again = await source.orders.send(po('PO-DEMO-1', KNOWN_CUSTOMER.email, 0), { customerPolicy: 'guest', ...signal });
    await out(`   PO-DEMO-1 again     -> order ${again.orderId}, created: ${again.created} (a PO becomes one order, however often it is sent)`);
    await out();

    // 4. ship it in the sandbox, 5. read the shipments back
    await out('4. the supplier ships PO-DEMO-1 (in the sandbox, as the merchant would in the control panel)');
    const sinceIso = new Date(Date.now() - 60_000).toISOString();
    sandbox.shipOrder(guest.orderId, { trackingNumber: '9400111899223100001234', shippingProvider: 'usps' });
    await out();
    await out('5. shipments --po PO-DEMO-1, then shipments --since (the incremental form)');
    const byPo: Shipment[] = await source.shipments.forPurchaseOrder('PO-DEMO-1', signal);
    for (const shipment of byPo) {
      await out(`   shipment ${shipment.id} of order ${shipment.orderId}: ${shipment.carrier ?? '?'} ${shipment.trackingNumber ?? ''}, ${shipment.items.map((item) => `${item.sku}×${item.quantity}`).join(', ')}`);
      if (shipment.trackingUrl) await out(`     track: ${shipment.trackingUrl}`);
    }
    let sinceCount = 0;
    let checkpoint = '';
    for await (const page of source.shipments.pages({ since: sinceIso, ...signal })) {
      sinceCount += page.items.length;
      checkpoint = page.cursor;
    }
    await out(`   since ${sinceIso}: ${sinceCount} shipment(s); the next run resumes from a ${checkpoint.length}-character cursor`);
    await out();

    // 6. the supplier cancels a PO; read its state back
    await out('6. the supplier cancels PO-DEMO-2; its state read back by PO number, and among the changes since');
    sandbox.setOrderStatus(created.orderId, 5);
    const state = await source.orders.get({ poNumber: 'PO-DEMO-2' }, signal);
    await out(`   PO-DEMO-2 -> order ${state.orderId}: ${state.status} (status ${state.statusId}, "${state.statusName}"), ${state.itemsShipped} of ${state.itemsTotal} units shipped`);
    const changed: string[] = [];
    for await (const order of source.orders.changes({ since: sinceIso, ...signal })) changed.push(`${order.poNumber} ${order.status}`);
    await out(`   changed since ${sinceIso}: ${changed.join(', ')}`);
    await out();

    const scopesOk = checks.filter((check) => check.scope && check.status === 'ok').length;
    await out('Report');
    await out(`  connection  ${store.detail}; ${scopesOk} of ${checks.length} scopes verified`);
    await out(`  inventory   ${items.length} SKUs from ${productsTotal} visible products, ${hiddenSkipped} hidden skipped, ${inventoryRequests} requests, ${formatDuration(inventoryMs)}`);
    await out(`  orders      ${sent.length} created (guest, create-if-missing), 1 refused (${refused || 'none'} under require-existing), 1 duplicate send returned the existing order`);
    await out(`  shipments   ${byPo.length} read back by PO number, ${sinceCount} by date`);
    await out(`  order state PO-DEMO-2 ${state.status} by the supplier, read back; ${changed.length} order(s) changed since the start`);
    await out(`  total       ${sandbox.requests.length} requests over HTTP, ${formatDuration(terminal.now() - startedMs)}`);
    await out();
    await out('Next: the same commands work on your store with BIGCOMMERCE_STORE_HASH and BIGCOMMERCE_ACCESS_TOKEN set:');
    await out('  bigcommerce-source verify');
    await out('  bigcommerce-source inventory --skip-hidden --format table');
    await out('  bigcommerce-source --help   (add --sandbox to any command to try it here first)');
    return 0;
  } finally {
    await connection.close();
  }
}
