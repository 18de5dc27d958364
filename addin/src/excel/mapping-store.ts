import { tableMappingSchema, type TableMapping } from '../../../shared/aggregation/table-mapping';
import type { ExcelCapabilities } from './capabilities';
import { runExcel } from './excel-run';

/**
 * The party's table mapping is kept in their own workbook as a custom XML part, so it travels
 * with the file and the next tertial starts mapped. It never leaves the workbook.
 */
export const MAPPING_NAMESPACE = 'urn:samlad:table-mapping:1';

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeXml = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

export function mappingToXml(mapping: TableMapping): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><samladMapping ` +
    `xmlns="${MAPPING_NAMESPACE}">${escapeXml(JSON.stringify(mapping))}</samladMapping>`
  );
}

/** The mapping in a part, or undefined when it is missing or damaged (the pane then suggests one afresh). */
export function mappingFromXml(xml: string): TableMapping | undefined {
  const m = /<samladMapping\b[^>]*>([\s\S]*)<\/samladMapping>/.exec(xml);
  if (!m) return undefined;
  try {
    const parsed = tableMappingSchema.safeParse(JSON.parse(unescapeXml(m[1] ?? '')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export interface QueuedMappingLoad {
  /** After the first sync: queues the part's content when there is one; true when that needs another sync. */
  afterFirstSync(): boolean;
  /** After the last sync: the stored mapping, if any and undamaged. */
  collect(): TableMapping | undefined;
}

/**
 * Queues the lookup of the stored mapping: one or two round trips, which the caller syncs.
 * Custom XML parts need ExcelApi 1.5; the caller checks `customXml` first.
 */
export function queueMappingLoad(context: Excel.RequestContext): QueuedMappingLoad {
  const part = context.workbook.customXmlParts.getByNamespace(MAPPING_NAMESPACE).getOnlyItemOrNullObject();
  part.load('id');
  let xml: OfficeExtension.ClientResult<string> | undefined;
  return {
    afterFirstSync: () => {
      xml = part.isNullObject ? undefined : part.getXml();
      return xml !== undefined;
    },
    collect: () => (xml ? mappingFromXml(xml.value) : undefined),
  };
}

export function saveMapping(
  mapping: TableMapping,
  capabilities: Pick<ExcelCapabilities, 'customXml'>,
): Promise<boolean> {
  if (!capabilities.customXml) return Promise.resolve(false);
  return runExcel(async (context) => {
    const parts = context.workbook.customXmlParts.getByNamespace(MAPPING_NAMESPACE);
    parts.load('items/id');
    await context.sync(); // 1: earlier versions
    for (const part of parts.items) part.delete();
    context.workbook.customXmlParts.add(mappingToXml(mapping));
    await context.sync(); // 2: replaced
    return true;
  });
}
