import { parseCsvRows } from './csv';

describe('parseCsvRows', () => {
  it.each([
    [
      'a,b\n1,2\n',
      ',',
      {},
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      '"x, y";"sa ""hej"""\r\n"två\nrader";3',
      ';',
      {},
      [
        ['x, y', 'sa "hej"'],
        ['två\nrader', '3'],
      ],
    ],
    ['a\n\nb', ',', {}, [['a'], [''], ['b']]],
    ['a\n ; \nb\n', ';', { skipBlankRows: true }, [['a'], ['b']]],
  ])('%j', (text, delimiter, options, expected) => {
    expect(parseCsvRows(text, delimiter, options)).toEqual(expected);
  });
});
