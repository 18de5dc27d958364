import { inflateSync } from 'node:zlib';
import { renderBarChart } from './bar-chart';
import { textWidth } from './bitmap-font';

const input = {
  title: 'Andel positiv lösning (%) – Åsa Ärlig Ökar',
  categories: ['Arbetsmarknadstorgen', 'Samordningsteamen'],
  series: [
    { name: '2023', color: [31, 78, 121] as const, values: [61.5, null] },
    { name: '2022', color: [166, 166, 166] as const, values: [66.1, 75.6] },
  ],
  max: 100,
  target: { value: 70, label: 'Mål ≥ 70 %' },
  format: (v: number) => `${v.toLocaleString('sv-SE')} %`,
};

describe('bar chart PNG', () => {
  it('is a valid PNG of the size its content needs, the same bytes every time', () => {
    const png = renderBarChart(input);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(width).toBeGreaterThan(textWidth('Arbetsmarknadstorgen', 2) + 420);
    expect(height).toBeGreaterThan(100);
    expect(renderBarChart(input).equals(png)).toBe(true);
  });

  it('draws bars in the series colours (pixels of those palette colours are in the image)', () => {
    const png = renderBarChart(input);
    const chunkData = (type: string) => {
      const at = png.indexOf(type);
      return png.subarray(at + 4, at + 4 + png.readUInt32BE(at - 4));
    };
    const palette = chunkData('PLTE');
    const pixels = inflateSync(chunkData('IDAT'));
    const used = new Set(pixels);
    const hasColour = (rgb: readonly number[]) => {
      for (let i = 0; i * 3 < palette.length; i++)
        if (palette[i * 3] === rgb[0] && palette[i * 3 + 1] === rgb[1] && palette[i * 3 + 2] === rgb[2])
          return used.has(i);
      return false;
    };
    expect(png[25]).toBe(3); // colour type: palette indices
    expect(hasColour([31, 78, 121])).toBe(true);
    expect(hasColour([166, 166, 166])).toBe(true);
    expect(hasColour([192, 0, 0])).toBe(true);
  });
});
