/**
 * The API app registration's app roles, derived from the förbund configuration: one
 * `Reporter.<förbund>.<party>` per party of every förbund, one `Kansli.<förbund>` per förbund,
 * and `Admin` — the values functions/auth/principal.ts maps to callers. Adding a party or a
 * förbund to the configuration adds its role at the next run of scripts/entra/register.sh.
 *
 * Each role's id is a name-based UUID (v5) of its value, so every run and every tenant gives a
 * role the same id, and Graph sees an update, never a new role. A role the configuration no
 * longer has is kept, disabled: Graph refuses to delete an enabled role, and assignments to a
 * disabled one stop granting access.
 */
import { createHash } from 'node:crypto';
import { principalFromRoles, roleValue, type Principal } from '../../shared/api/principal';
import type { ForbundEntry } from '../../shared/api/settings';

/** What the roles are made from: each förbund's id and names, and its parties (every year's). */
export interface RoleSource {
  forbund: readonly Pick<ForbundEntry, 'id' | 'name' | 'shortName' | 'parties'>[];
}

export interface AppRole {
  id: string;
  value: string;
  displayName: string;
  description: string;
  allowedMemberTypes: string[];
  isEnabled: boolean;
}

/** Namespace of Samlad's role ids (a random v4 UUID, fixed forever). */
const ROLE_NAMESPACE = '6f1c2b4e-8a53-4d0e-9b7a-3c5e1f2d4a60';

/** RFC 4122 version 5: SHA-1 of namespace and name, with the version and variant bits set. */
export function uuidV5(name: string, namespace: string = ROLE_NAMESPACE): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function role(principal: Pick<Principal, 'role' | 'forbund' | 'party'>, displayName: string, description: string) {
  const value = roleValue(principal);
  return { id: uuidV5(value), value, displayName, description, allowedMemberTypes: ['User'], isEnabled: true };
}

/** Every role the configuration calls for, in a stable order. */
export function appRolesFor(registry: RoleSource): AppRole[] {
  const roles: AppRole[] = [
    role({ role: 'admin' }, 'Administratör', 'Alla förbund: allt kansliet får göra, i varje förbund.'),
  ];
  for (const forbund of registry.forbund) {
    roles.push(
      role(
        { role: 'kansli', forbund: forbund.id },
        `Kansli – ${forbund.shortName}`,
        `Kansliet i ${forbund.name}: status, godkännande, perioder och sammanställningar.`,
      ),
    );
    for (const party of forbund.parties)
      roles.push(
        role(
          { role: 'reporter', forbund: forbund.id, party: party.id },
          `Rapportör – ${forbund.shortName} – ${party.name}`,
          `Rapporterar för ${party.name} i ${forbund.name}.`,
        ),
      );
  }
  return roles;
}

/** True for a value Samlad itself hands out (anything else in the registration is left alone). */
function isSamladRole(value: string): boolean {
  return principalFromRoles('check', [value]) !== undefined;
}

/**
 * The roles to write: the wanted ones (under their stable ids), then every existing Samlad role
 * the configuration no longer has, disabled, and any role someone added by hand, as it is.
 */
export function mergeAppRoles(wanted: readonly AppRole[], existing: readonly AppRole[]): AppRole[] {
  const wantedValues = new Set(wanted.map((r) => r.value));
  const wantedIds = new Set(wanted.map((r) => r.id));
  const kept = existing
    .filter((r) => !wantedValues.has(r.value) && !wantedIds.has(r.id))
    .map((r) => (isSamladRole(r.value) ? { ...r, isEnabled: false } : r));
  return [...wanted, ...kept];
}
