import { SheetData, type PackageTables } from './sheet-data';

/** Ids as the package's tables would give them: one per distinct style or text, in order. */
function tables(): PackageTables & { texts: string[] } {
  const texts: string[] = [];
  const styles: unknown[] = [];
  return {
    texts,
    styleId: (style) => (styles.includes(style) ? styles.indexOf(style) : styles.push(style) - 1) + 1,
    stringId: (text) => (texts.includes(text) ? texts.indexOf(text) : texts.push(text) - 1),
  };
}

describe('SheetData', () => {
  it.each([
    ['a number', 12.5, '<c r="B2"><v>12.5</v></c>'],
    ['text, always as a shared string (never a formula)', '=SUM(A1)', '<c r="B2" t="s"><v>0</v></c>'],
    ['nothing', null, '<c r="B2"/>'],
    ['NaN', Number.NaN, '<c r="B2"/>'],
    ['Infinity', Number.POSITIVE_INFINITY, '<c r="B2"/>'],
  ])('writes %s', (_, value, cell) => {
    const data = new SheetData();
    data.set(2, 2, value);
    const { sheetData, dimension } = data.xml(tables());
    expect(sheetData.toString('latin1')).toBe(`<sheetData><row r="2">${cell}</row></sheetData>`);
    expect(dimension).toBe('B2:B2');
  });

  it('gives each distinct style one id, row heights and the range that holds cells', () => {
    const bold = { font: { bold: true } };
    const data = new SheetData();
    data.set(1, 1, 'Rubrik', bold);
    data.set(3, 4, 7, bold);
    data.height(3, 30);
    const t = tables();
    const { sheetData, dimension } = data.xml(t);
    expect(sheetData.toString('latin1')).toBe(
      '<sheetData><row r="1"><c r="A1" s="1" t="s"><v>0</v></c></row>' +
        '<row r="3" ht="30" customHeight="1"><c r="D3" s="1"><v>7</v></c></row></sheetData>',
    );
    expect(dimension).toBe('A1:D3');
    expect(t.texts).toEqual(['Rubrik']);
  });
});
