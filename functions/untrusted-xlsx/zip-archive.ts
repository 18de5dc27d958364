import yauzl from 'yauzl';
import type { XlsxLimits } from './limits';
import { XlsxRefusal } from './refusal';

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      buffer,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false },
      (error, zip) => (error || !zip ? reject(error ?? new Error('no zip')) : resolve(zip)),
    );
  });
}

function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('error', reject);
    zip.on('end', () => resolve(entries));
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.readEntry();
  });
}

function openStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) =>
      error || !stream ? reject(error ?? new Error('no stream')) : resolve(stream),
    ),
  );
}

/** yauzl stops an entry that inflates past the size its header declares: a crafted bomb. */
const understated = (error: unknown): boolean => /too many bytes/i.test(String((error as Error)?.message));

/**
 * An xlsx's zip, read from its central directory: parts are found by name and inflated only
 * when asked for, each byte counted against one budget for the whole file.
 */
export class ZipArchive {
  private inflated = 0;

  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
    private readonly limits: XlsxLimits,
  ) {}

  /** Refuses what is not a zip, holds too many entries, or declares more than the budget. */
  static async open(buffer: Buffer, limits: XlsxLimits): Promise<ZipArchive> {
    let zip: yauzl.ZipFile;
    try {
      zip = await openZip(buffer);
    } catch (error) {
      throw new XlsxRefusal('not-xlsx', `not a zip: ${String((error as Error)?.message ?? error)}`);
    }
    if (zip.entryCount > limits.entries) {
      zip.close();
      throw new XlsxRefusal('too-large', `${zip.entryCount} entries`);
    }
    let entries: yauzl.Entry[];
    try {
      entries = await listEntries(zip);
    } catch (error) {
      zip.close();
      throw new XlsxRefusal('not-xlsx', `damaged directory: ${String((error as Error)?.message ?? error)}`);
    }
    const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (declared > limits.inflatedBytes) {
      zip.close();
      throw new XlsxRefusal('too-large', `declares ${declared} bytes inflated`);
    }
    return new ZipArchive(zip, new Map(entries.map((e) => [e.fileName.toLowerCase(), e])), limits);
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** A part's inflated bytes, chunk by chunk; refuses once the file's budget is spent. */
  async *read(name: string): AsyncGenerator<Buffer> {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) throw new XlsxRefusal('not-xlsx', `no part ${name}`);
    if (entry.fileName.endsWith('/')) return;
    let stream: NodeJS.ReadableStream;
    try {
      stream = await openStream(this.zip, entry);
    } catch (error) {
      throw new XlsxRefusal('not-xlsx', `cannot open ${name}: ${String((error as Error)?.message ?? error)}`);
    }
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        this.inflated += chunk.length;
        if (this.inflated > this.limits.inflatedBytes)
          throw new XlsxRefusal('too-large', `more than ${this.limits.inflatedBytes} bytes inflated`);
        yield chunk;
      }
    } catch (error) {
      if (error instanceof XlsxRefusal) throw error;
      if (understated(error)) throw new XlsxRefusal('too-large', `${name} inflates past its declared size`);
      throw new XlsxRefusal('not-xlsx', `cannot inflate ${name}: ${String((error as Error)?.message ?? error)}`);
    } finally {
      (stream as unknown as { destroy?: () => void }).destroy?.();
    }
  }

  /**
   * Inflates every part and counts the bytes (a crafted zip can understate its sizes), so a
   * file that would inflate past the budget is refused whichever parts a reader needs.
   */
  async inflateAll(): Promise<void> {
    for (const entry of this.entries.values()) {
      for await (const chunk of this.read(entry.fileName)) void chunk;
    }
    // The parts a reader asks for next are counted afresh against the same budget.
    this.inflated = 0;
  }

  close(): void {
    this.zip.close();
  }
}
