import JSZip from 'jszip';

/**
 * exceljs zips with JSZip, which stamps every entry with the time of writing, so two runs over
 * the same figures differ in a few bytes of each zip header. This rewrites the zip with every
 * entry dated `date`, in the same order and with the same compression, so the same workbook
 * content always gives the same file (the tertial timer's idempotence depends on it).
 */
export async function withFixedTimestamps(xlsx: Buffer, date: Date): Promise<Buffer> {
  const source = await JSZip.loadAsync(xlsx);
  const out = new JSZip();
  // DOS timestamps have two-second resolution and no time zone; JSZip writes UTC fields.
  const stamp = new Date(Math.floor(date.getTime() / 2000) * 2000);
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    out.file(entry.name, await entry.async('uint8array'), { date: stamp, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}
