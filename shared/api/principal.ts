import { z } from 'zod';

/**
 * Who is calling, as Samlad sees it: a förbund, a party within it (for reporters) and a role.
 *
 * Both token issuers — Microsoft Entra ID in production and the local dev issuer — carry this
 * in the standard `roles` claim as app-role values, so one mapping serves both:
 *   `Reporter.<forbund>.<party>`, `Kansli.<forbund>`, `Admin`.
 * Entra app-role values may not contain spaces; dots are allowed and read well in the portal.
 */
export const roleSchema = z.enum(['reporter', 'kansli', 'admin']);
export type Role = z.infer<typeof roleSchema>;

export const principalSchema = z.object({
  subject: z.string(),
  name: z.string().optional(),
  role: roleSchema,
  /** Undefined only for admins, who span every förbund. */
  forbund: z.string().optional(),
  /** Set for reporters: the party they report for. */
  party: z.string().optional(),
});
export type Principal = z.infer<typeof principalSchema>;

const ID = '[a-z][a-z0-9-]{1,40}';
const REPORTER = new RegExp(`^Reporter\\.(${ID})\\.(${ID})$`);
const KANSLI = new RegExp(`^Kansli\\.(${ID})$`);

const RANK: Record<Role, number> = { reporter: 1, kansli: 2, admin: 3 };

/**
 * Picks the strongest role among the token's app roles. A user holding roles in two
 * förbund is refused (undefined): Samlad never guesses which tenant a request is for.
 */
export function principalFromRoles(subject: string, roles: readonly string[], name?: string): Principal | undefined {
  const candidates: Principal[] = [];
  for (const value of roles) {
    if (value === 'Admin') candidates.push({ subject, name, role: 'admin' });
    const reporter = REPORTER.exec(value);
    if (reporter) candidates.push({ subject, name, role: 'reporter', forbund: reporter[1], party: reporter[2] });
    const kansli = KANSLI.exec(value);
    if (kansli) candidates.push({ subject, name, role: 'kansli', forbund: kansli[1] });
  }
  if (candidates.length === 0) return undefined;
  const forbundIds = new Set(candidates.filter((c) => c.role !== 'admin').map((c) => c.forbund));
  const best = [...candidates].sort((a, b) => RANK[b.role] - RANK[a.role])[0];
  if (best?.role !== 'admin' && forbundIds.size > 1) return undefined;
  return best;
}

export function roleValue(principal: Pick<Principal, 'role' | 'forbund' | 'party'>): string {
  switch (principal.role) {
    case 'admin':
      return 'Admin';
    case 'kansli':
      return `Kansli.${principal.forbund}`;
    case 'reporter':
      return `Reporter.${principal.forbund}.${principal.party}`;
  }
}

/** Whether the principal may see anything of a förbund at all. */
export function belongsTo(principal: Principal, forbund: string): boolean {
  return principal.role === 'admin' || principal.forbund === forbund;
}

export function hasRole(principal: Principal, minimum: Role): boolean {
  return RANK[principal.role] >= RANK[minimum];
}
