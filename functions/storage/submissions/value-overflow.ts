import { randomUUID } from 'node:crypto';
import type { ContainerClient } from '@azure/storage-blob';
import type { CellValue } from '../../../shared/model/cell-kind';
import { str } from './entities';

/** A string property holds at most 64 KiB (32 K UTF-16 units); stay well below. */
const CHUNK_CHARS = 30_000;
/** An entity holds at most 1 MiB; beyond this many chunks the values go to Blob storage. */
const MAX_INLINE_CHUNKS = 8;

/**
 * A version's values: JSON in string properties of its entity, or, when too large for an
 * entity, a blob in `container` that the entity names.
 */
export class ValueOverflow {
  constructor(private readonly container: ContainerClient) {}

  createIfNotExists(): Promise<unknown> {
    return this.container.createIfNotExists();
  }

  /**
   * The properties to write. Each attempt uploads a blob of its own: an attempt may be refused
   * (a wrong guess of the version, a lost race), and a name shared with the version it collided
   * with would overwrite that version's values. `discard` removes the blob after a refusal, when
   * no entity names it.
   */
  async encode(
    pk: string,
    rowKey: string,
    values: Record<string, CellValue>,
  ): Promise<{ properties: Record<string, string>; discard: () => Promise<void> }> {
    const json = JSON.stringify(values);
    const chunks: string[] = [];
    for (let i = 0; i < json.length; i += CHUNK_CHARS) chunks.push(json.slice(i, i + CHUNK_CHARS));
    if (chunks.length <= MAX_INLINE_CHUNKS)
      return {
        properties: Object.fromEntries(chunks.map((c, i) => [`values${i}`, c])),
        discard: async () => undefined,
      };
    const blob = this.container.getBlockBlobClient(`${pk}/${rowKey}.${randomUUID()}.json`);
    await blob.upload(json, Buffer.byteLength(json), { blobHTTPHeaders: { blobContentType: 'application/json' } });
    return {
      properties: { valuesBlob: blob.name },
      discard: async () => void (await blob.deleteIfExists().catch(() => undefined)),
    };
  }

  async decode(e: Record<string, unknown>): Promise<Record<string, CellValue>> {
    const blobName = str(e.valuesBlob);
    if (blobName)
      return JSON.parse(
        (await this.container.getBlockBlobClient(blobName).downloadToBuffer()).toString('utf8'),
      ) as Record<string, CellValue>;
    let json = '';
    for (let i = 0; typeof e[`values${i}`] === 'string'; i++) json += e[`values${i}`] as string;
    return JSON.parse(json || '{}') as Record<string, CellValue>;
  }
}
