import { ResponseValidationError } from '../../errors/response-validation-error';
import { isoSeconds } from '../../internal/rfc2822';
import { datedOrders, orderDateMs, type Checkpoint, type EngineRun, type ModifiedOrder, type ModifiedOrdersPage } from './engine-run';

/**
 * Reads a crowded second: more orders modified in the checkpoint's second than fit on a page, so
 * `date_modified` order cannot page past them. Page numbers within the second would shift when one
 * of its orders moves to a later second and skip another for good; ids do not shift, so the second
 * is listed by id ({@link readSecondById}).
 *
 * An order modified *into* the second while it is read (only while it is the store's present
 * second) can sit behind the id already passed. So the second is read once it is over: when the
 * store's latest modification is later. If it is not over yet, it is read now (its orders are
 * yielded), and once more when it is over; if it is still not over after the read, the run ends on
 * it, and the next run reads it again from the cursor.
 *
 * Returns the checkpoint to carry on from (the next second), or `undefined` when the run ends.
 */
export async function* readCrowdedSecond<O extends ModifiedOrder, Item, K>(
  run: EngineRun<O, Item, K>,
  checkpoint: Checkpoint<K>,
): AsyncGenerator<ModifiedOrdersPage<Item, K>, Checkpoint<K> | undefined> {
  const secondMs = checkpoint.sinceMs;
  if ((await latestModifiedMs(run)) > secondMs) return yield* readSecondById(run, checkpoint, { over: true });
  const read = yield* readSecondById(run, checkpoint, { over: false });
  if ((await latestModifiedMs(run)) <= secondMs) return undefined;
  // Listed again, an order is read again only if it changed since it was read (its stamp).
  return yield* readSecondById(run, read, { over: true });
}

/**
 * Lists the orders of one second by id: `min_date_modified` one second before and
 * `max_date_modified` one second after it (whether either bound is inclusive is undocumented; both
 * readings list the second, and only orders of the second itself are kept), `sort=id:asc`, and
 * `min_id` at the last id listed (inclusive or exclusive, both list every later id; the id itself,
 * listed again, is skipped). At least two orders per request, so a page always gets past that id.
 *
 * Once the second is `over` (no order can be modified in it any more), each page's checkpoint keeps
 * the last id, and the last page's moves on to the next second. Before that, each page's checkpoint
 * stays on the second with what was yielded for it, so a run resumed from it reads the second again.
 */
export async function* readSecondById<O extends ModifiedOrder, Item, K>(
  run: EngineRun<O, Item, K>,
  from: Checkpoint<K>,
  { over }: { over: boolean },
): AsyncGenerator<ModifiedOrdersPage<Item, K>, Checkpoint<K>> {
  const secondMs = from.sinceMs;
  const limit = Math.max(run.reader.pageSize, 2);
  const seen = new Set(from.seen);
  let afterId = from.afterId;
  for (;;) {
    const orders = await run.list({
      min_date_modified: isoSeconds(secondMs - 1000),
      max_date_modified: isoSeconds(secondMs + 1000),
      sort: 'id:asc',
      min_id: afterId,
      limit,
    });
    const lastId = Math.max(afterId ?? 0, ...orders.map((order) => order.id));
    const done = orders.length < limit;
    if (!done && lastId === afterId) throw minIdIgnored(afterId);
    const inSecond = datedOrders(orders).filter(({ order, dateMs }) => dateMs === secondMs && (afterId === undefined || order.id > afterId));
    const items = await run.read(inSecond);
    for (const { order } of inSecond) for (const key of run.keysOf(order.id)) seen.add(key);
    const checkpoint: Checkpoint<K> = !over
      ? { sinceMs: secondMs, seen: [...seen] }
      : done
        ? { sinceMs: secondMs + 1000, seen: [] }
        : { sinceMs: secondMs, seen: [...seen], afterId: lastId };
    yield run.page(items, checkpoint, orders.length);
    if (done) return checkpoint;
    afterId = lastId;
  }
}

/** The latest `date_modified` of any listed order (`sort=date_modified:desc`, one order), or -Infinity for none. */
async function latestModifiedMs<O extends ModifiedOrder, Item, K>(run: EngineRun<O, Item, K>): Promise<number> {
  const [latest] = await run.list({ sort: 'date_modified:desc', limit: 1 });
  return latest ? orderDateMs(latest) : Number.NEGATIVE_INFINITY;
}

/** A full page with no id past `min_id`: the store did not apply the filter, and paging by it would never end. */
export function minIdIgnored(afterId: number): ResponseValidationError {
  const message = `expected orders with ids after ${afterId} (min_id=${afterId}, sort=id:asc), got a full page without one`;
  return new ResponseValidationError(`GET /v2/orders returned an unexpected body: ${message}`, {
    method: 'GET',
    path: '/v2/orders',
    issues: [{ path: 'min_id', message }],
  });
}
