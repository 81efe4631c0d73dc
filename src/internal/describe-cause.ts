/**
 * The messages along an error's `cause` chain, outermost first and without repeats: fetch's
 * `TypeError: fetch failed` wraps the socket error (`ECONNREFUSED`) that says what
 * actually happened.
 */
export function describeCauseChain(error: unknown): string {
  const messages: string[] = [];
  for (let current: unknown = error, depth = 0; current !== undefined && depth < 5; depth += 1) {
    const message = current instanceof Error ? current.message : String(current);
    if (message && !messages.includes(message)) messages.push(message);
    current = current instanceof Error ? current.cause : undefined;
  }
  return messages.join(': ');
}
