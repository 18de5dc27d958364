import type { ForbundEntry } from '../../shared/api/settings';
import type { ConfigurationSnapshot } from './snapshot';

/**
 * Every förbund with settings: its name now, and every party any of its active years has — a
 * reporter for last year's party still needs a role and a place in the dev login.
 */
export async function listForbund(snapshot: ConfigurationSnapshot, year: number): Promise<ForbundEntry[]> {
  return Promise.all(
    snapshot.forbundIds().map(async (id) => {
      const years = snapshot.years(id);
      const current = await snapshot.forbund(id, year);
      const parties = new Map<string, string>();
      for (const y of years)
        for (const p of (await snapshot.yearDocument(id, y))?.parties ?? []) parties.set(p.id, p.name);
      for (const p of current?.forbund.parties ?? []) parties.set(p.id, p.name);
      return {
        id,
        name: current?.forbund.name ?? id,
        shortName: current?.forbund.shortName ?? id,
        parties: [...parties].map(([partyId, name]) => ({ id: partyId, name })),
        years,
      };
    }),
  );
}
