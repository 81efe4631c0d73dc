import { describe, expect, it } from 'vitest';
import { ConfigError, parseStoreHash } from '../../src/index';

describe('parseStoreHash', () => {
  it.each([
    ['abc123', 'abc123'],
    ['123456789', '123456789'],
    ['  abc123\n', 'abc123'],
    ['ABC123', 'abc123'],
    ['stores/abc123', 'abc123'],
    ['/stores/abc123/', 'abc123'],
    ['https://store-abc123.mybigcommerce.com/', 'abc123'],
    ['https://store-abc123.mybigcommerce.com/manage/products?x=1', 'abc123'],
    ['store-abc123.mybigcommerce.com', 'abc123'],
    ['https://api.bigcommerce.com/stores/abc123/v3/', 'abc123'],
    ['https://api.bigcommerce.com/stores/abc123/v2/orders', 'abc123'],
    [' https://api.bigcommerce.com/stores/abc123 ', 'abc123'],
  ])('reads %j as %j', (input, expected) => {
    expect(parseStoreHash(input)).toBe(expected);
  });

  it.each([
    [''],
    ['   '],
    ['../x'],
    ['abc/def'],
    ['abc-123'],
    ['abc_123'],
    ['abc?x=1'],
    ['abc#frag'],
    ['abc%2F..'],
    ['https://shop.acme.com/'],
    ['https://api.bigcommerce.com/v3/'],
    ['https://api.bigcommerce.com/stores/../v3/'],
    ['https://store-abc123.mybigcommerce.com.evil.example/'],
    ['https://user:pass@store-abc123.mybigcommerce.com/'],
    ['ftp://store-abc123.mybigcommerce.com/'],
    ['stores/abc123/extra'],
    ['a'.repeat(65)],
  ])('rejects %j with the accepted forms', (input) => {
    const attempt = () => parseStoreHash(input);
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/\[bigcommerce-source\] storeHash: expected a store hash \('abc123'\), 'stores\/abc123', a store URL/);
  });

  it('rejects non-strings passed from untyped code', () => {
    expect(() => parseStoreHash(42 as unknown as string)).toThrow(ConfigError);
  });
});
