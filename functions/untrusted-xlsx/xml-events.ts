import { SaxesParser } from 'saxes';
import { XlsxRefusal } from './refusal';

/** What a part reader does with the XML, element by element. Names come without their prefix. */
export interface XmlHandler {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text?(text: string): void;
}

/** Thrown by a handler that has everything it needs from a part: parsing stops there. */
export const STOP = Symbol('stop parsing');

const localName = (name: string): string => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/**
 * Streams a part's XML through saxes. saxes does not read a DOCTYPE's declarations, so no
 * entity is ever expanded (an undefined entity is an error), and it keeps only the element
 * being read: memory follows the largest text node, time follows the bytes.
 */
export async function parseXml(part: string, chunks: AsyncIterable<Buffer>, handler: XmlHandler): Promise<void> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (tag) => handler.open(localName(tag.name), tag.attributes as Record<string, string>));
  parser.on('closetag', (tag) => handler.close(localName(tag.name)));
  if (handler.text) {
    const text = handler.text.bind(handler);
    parser.on('text', text);
    parser.on('cdata', text);
  }
  parser.on('error', (error) => {
    throw new XlsxRefusal('not-xlsx', `${part}: ${error.message}`);
  });
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of chunks) parser.write(decoder.decode(chunk, { stream: true }));
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    if (error === STOP) return;
    if (error instanceof XlsxRefusal) throw error;
    throw new XlsxRefusal('not-xlsx', `${part}: ${String((error as Error)?.message ?? error)}`);
  }
}
