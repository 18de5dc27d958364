import { parsePastedTable } from './paste-table';

describe('a table pasted from Excel', () => {
  it('reads tab-separated rows under a header row, numbering rows as on the sheet', () => {
    expect(parsePastedTable('Kön\tStartdatum\r\nK\t2023-01-02\r\nM\t2023-02-03\r\n')).toEqual({
      headers: ['Kön', 'Startdatum'],
      rows: [
        ['K', '2023-01-02'],
        ['M', '2023-02-03'],
      ],
      firstRowNumber: 2,
    });
  });

  it('keeps a quoted cell with a tab, a line break or quotes in one piece', () => {
    const table = parsePastedTable('Namn\tAnteckning\nA\t"rad ett\nrad två"\nB\t"säger ""hej""\tsen"\n');
    expect(table?.rows).toEqual([
      ['A', 'rad ett\nrad två'],
      ['B', 'säger "hej"\tsen'],
    ]);
  });

  it('drops trailing empty lines and keeps empty cells', () => {
    expect(parsePastedTable('A\tB\n1\t\n\n\t\n')?.rows).toEqual([['1', '']]);
  });

  it.each(['', 'Bara en rubrik', '\n\n'])('has no table in %p', (text) => {
    expect(parsePastedTable(text)).toBeUndefined();
  });
});
