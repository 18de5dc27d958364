import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { ApiError, payloadTooLarge } from './api-error';
import { LIMITS } from './read-body';

const notXlsx = () =>
  new ApiError(
    422,
    'not-xlsx',
    'Filen är inte en Excel-arbetsbok (.xlsx) eller är skadad. Spara den på nytt i Excel och försök igen.',
  );
const bomb = () =>
  payloadTooLarge('Arbetsboken packas upp till mer än vad Samlad tar emot. Skicka bara den ifyllda mallen.');

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) =>
      error || !zip ? reject(error ?? new Error('no zip')) : resolve(zip),
    );
  });
}

/**
 * Refuses an upload that is not a zip, or that would inflate past the limits — before exceljs
 * sees it. Declared sizes are checked first (cheap), then every entry is actually inflated
 * and counted, because a crafted zip can understate its sizes.
 */
export async function assertSafeXlsx(
  buffer: Buffer,
  limits = { bytes: LIMITS.xlsxUncompressedBytes, entries: LIMITS.xlsxEntries },
): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(buffer);
  } catch {
    throw notXlsx();
  }
  if (zip.entryCount > limits.entries) {
    zip.close();
    throw bomb();
  }
  let total = 0;
  let sawWorkbook = false;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', resolve);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName === 'xl/workbook.xml') sawWorkbook = true;
        if (total + entry.uncompressedSize > limits.bytes) return reject(bomb());
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (error, stream) => {
          if (error || !stream) return reject(error ?? notXlsx());
          const counter = new Writable({
            write(chunk: Buffer, _enc, done) {
              total += chunk.length;
              done(total > limits.bytes ? bomb() : null);
            },
          });
          pipeline(stream, counter).then(() => zip.readEntry(), reject);
        });
      });
      zip.readEntry();
    });
  } catch (error) {
    zip.close();
    if (error instanceof ApiError) throw error;
    // yauzl stops an entry that inflates past the size its header declares: a crafted bomb.
    throw /too many bytes/i.test(String((error as Error)?.message)) ? bomb() : notXlsx();
  }
  if (!sawWorkbook) throw notXlsx();
}
