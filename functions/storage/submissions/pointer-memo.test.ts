import { PointerMemo } from './pointer-memo';

const guess = (version: number) => ({ etag: `W/"${version}"`, version, sha256: `h${version}`, state: 'inskickad' });

it('remembers the latest write per report and forgets on demand', () => {
  const memo = new PointerMemo();
  memo.remember('a', guess(1));
  memo.remember('a', guess(2));
  expect(memo.get('a')).toEqual(guess(2));
  memo.forget('a');
  expect(memo.get('a')).toBeUndefined();
  expect(memo.size).toBe(0);
});

it('drops the report written longest ago once over its limit', () => {
  const memo = new PointerMemo(2);
  memo.remember('a', guess(1));
  memo.remember('b', guess(1));
  memo.remember('a', guess(2)); // a is now the newest
  memo.remember('c', guess(1));
  expect([memo.get('a'), memo.get('b'), memo.get('c')]).toEqual([guess(2), undefined, guess(1)]);
  expect(memo.size).toBe(2);
});
