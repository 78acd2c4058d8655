import { canonicalJson } from './canonical-json.util';
import { GENESIS_HASH, historyHash } from './history-hash.util';

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps arrays in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('gives the same text whatever the key order, and keeps Thai text as is', () => {
    expect(canonicalJson({ x: 'ความเห็น', y: 2 })).toBe(canonicalJson({ y: 2, x: 'ความเห็น' }));
  });

  it('hashes prev|seq|json', () => {
    expect(historyHash(GENESIS_HASH, 1, '{}')).toMatch(/^[0-9a-f]{64}$/);
    expect(historyHash(GENESIS_HASH, 1, '{}')).not.toBe(historyHash(GENESIS_HASH, 2, '{}'));
  });
});
