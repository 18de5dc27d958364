import JSZip from 'jszip';

/**
 * Writes a zip (deflate) from named parts with JSZip: just enough to put an xlsx back together
 * after a test has damaged the XML inside it. Byte flips in the compressed file mostly make the
 * zip unreadable; damage to the inflated XML reaches the XML parser, which is what these tests
 * are after.
 */
export async function writeZip(parts: ReadonlyMap<string, string | Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of parts) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
