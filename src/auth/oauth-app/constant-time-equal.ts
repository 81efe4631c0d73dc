/**
 * Compares two byte arrays in time that depends only on their lengths, never on where they first
 * differ, so a signature check does not tell an attacker how many leading bytes were right.
 * Lengths are not secret (an HMAC-SHA256 is always 32 bytes).
 */
export function constantTimeEqual(expected: Uint8Array, actual: Uint8Array): boolean {
  // Folding the length difference in keeps the loop count fixed at expected.length either way.
  let difference = expected.length ^ actual.length;
  for (let index = 0; index < expected.length; index += 1) {
    difference |= (expected[index] ?? 0) ^ (actual[index] ?? 0);
  }
  return difference === 0;
}
