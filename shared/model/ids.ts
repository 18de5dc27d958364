import { z } from 'zod';

/** Ids used in URLs, tokens and file names. */
export const forbundIdSchema = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'Ogiltigt förbunds-id');
export const partyIdSchema = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'Ogiltigt part-id');
export const templateIdSchema = z.string().regex(/^[a-z][a-z0-9-]{1,60}$/, 'Ogiltigt mall-id');
export const scopeIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,60}$/, 'Ogiltigt id för plattform, kommun eller grupp');

/** Section, row and column ids become parts of Excel defined names, so no hyphens. */
export const elementIdSchema = z.string().regex(/^[a-z][a-z0-9_]{0,40}$/, 'Id får bara innehålla a–z, 0–9 och _');

/** The kinds of party in a Finsam agreement. Kansliet is a role, not a party. */
export const partyKindSchema = z.enum(['af', 'fk', 'region', 'kommun', 'kriminalvarden']);
export type PartyKind = z.infer<typeof partyKindSchema>;

/** Who owns a figure: a party kind, or SCB data that kansliet imports. */
export const ownerSchema = z.union([partyKindSchema, z.literal('scb')]);
export type Owner = z.infer<typeof ownerSchema>;

export const PARTY_KIND_LABEL = {
  af: 'Arbetsförmedlingen',
  fk: 'Försäkringskassan',
  region: 'Regionen',
  kommun: 'Kommun',
  kriminalvarden: 'Kriminalvården',
} satisfies Record<PartyKind, string>;
