/**
 * The few web-platform globals shared/ may use: standard in browsers and in Node alike, so the
 * pane and the Functions app both have them. shared/tsconfig.json checks shared/ with neither
 * the DOM nor Node's types, and this file names what it allows instead (the other configs get
 * these globals from those libraries and leave this file out).
 */

/** WHATWG Encoding: decodes bytes in a named encoding (SCB files come as UTF-8 or Windows-1252). */
interface TextDecoder {
  decode(input?: Uint8Array): string;
}
declare var TextDecoder: {
  prototype: TextDecoder;
  new (label?: string, options?: { fatal?: boolean }): TextDecoder;
};
