/**
 * The API's app roles are the configuration's: one per party of every förbund, one kansli role
 * per förbund and Admin — each a value the API maps back to that caller, under an id that never
 * changes — and a party or förbund added to the configuration adds its role.
 */
import { principalFromRoles } from '../../shared/api/principal';
import { registry, type Registry } from '../../shared/config/registry';
import { appRolesFor, mergeAppRoles, uuidV5 } from './app-roles';
import { apiRegistrationBody, paneRegistrationBody } from './app-registrations';

const roles = appRolesFor(registry);

describe('appRolesFor', () => {
  it('has exactly Admin, Kansli.<förbund> and Reporter.<förbund>.<party> for the configuration', () => {
    const expected = ['Admin'];
    for (const f of registry.forbund) {
      expected.push(`Kansli.${f.id}`);
      for (const p of f.parties) expected.push(`Reporter.${f.id}.${p.id}`);
    }
    expect(roles.map((r) => r.value).sort()).toEqual(expected.sort());
    expect(roles.length).toBeGreaterThan(2 + registry.forbund.length);
  });

  it('gives every role a value the API reads as that very caller', () => {
    for (const r of roles) {
      const principal = principalFromRoles('someone', [r.value]);
      const [, forbund, party] = r.value.split('.');
      expect([r.value, principal]).toEqual([
        r.value,
        r.value === 'Admin'
          ? { subject: 'someone', role: 'admin', name: undefined }
          : r.value.startsWith('Kansli.')
            ? { subject: 'someone', role: 'kansli', forbund, name: undefined }
            : { subject: 'someone', role: 'reporter', forbund, party, name: undefined },
      ]);
    }
  });

  it('keeps ids unique and stable: a name-based UUID of the value', () => {
    expect(new Set(roles.map((r) => r.id)).size).toBe(roles.length);
    expect(appRolesFor(registry)).toEqual(roles);
    for (const r of roles)
      expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Pinned: changing the namespace or the hashing would orphan every assignment in the tenant.
    expect(roles.find((r) => r.value === 'Admin')?.id).toBe(uuidV5('Admin'));
    expect(uuidV5('Admin')).toBe(uuidV5('Admin', '6f1c2b4e-8a53-4d0e-9b7a-3c5e1f2d4a60'));
  });

  it('computes RFC 4122 version 5 UUIDs', () => {
    // The RFC's DNS namespace and "www.example.com", as every v5 implementation gives it.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('adds the roles of a party and a förbund added to the configuration', () => {
    const [first] = registry.forbund;
    const grown: Registry = {
      ...registry,
      forbund: [
        ...registry.forbund,
        { ...first!, id: 'nytt-forbund', shortName: 'Nytt', name: 'Nytt samordningsförbund' },
      ].map((f) =>
        f.id === first!.id
          ? {
              ...f,
              parties: [
                ...f.parties,
                { id: 'ny-kommun', name: 'Ny kommun', kind: 'kommun' as const, fundingMember: true },
              ],
            }
          : f,
      ),
    };
    const added = appRolesFor(grown)
      .map((r) => r.value)
      .filter((v) => !roles.some((r) => r.value === v));
    expect(added.sort()).toEqual(
      [
        `Reporter.${first!.id}.ny-kommun`,
        'Kansli.nytt-forbund',
        ...first!.parties.map((p) => `Reporter.nytt-forbund.${p.id}`),
      ].sort(),
    );
  });
});

describe('mergeAppRoles', () => {
  it('keeps a removed party’s role disabled, leaves hand-made roles alone, and never duplicates', () => {
    const removed = {
      ...roles[roles.length - 1]!,
      value: 'Reporter.umearegionen.nedlagd',
      id: uuidV5('Reporter.umearegionen.nedlagd'),
    };
    const handMade = { ...removed, value: 'Granskare', id: uuidV5('Granskare') };
    const merged = mergeAppRoles(roles, [...roles, removed, handMade]);
    expect(merged).toHaveLength(roles.length + 2);
    expect(merged.find((r) => r.value === removed.value)?.isEnabled).toBe(false);
    expect(merged.find((r) => r.value === 'Granskare')).toEqual(handMade);
  });
});

describe('the registrations’ Graph bodies', () => {
  const apiAppId = '11111111-2222-4333-8444-555555555555';
  const bodies = {
    api: apiRegistrationBody({ registry, apiAppId }),
    pane: paneRegistrationBody({ apiAppId, paneUrl: 'https://samlad.example.se' }),
  };

  it('asks for v2 tokens (aud = the client id, ENTRA_AUDIENCE) and offers the pane’s scope', () => {
    expect(bodies.api).toMatchObject({
      identifierUris: [`api://${apiAppId}`],
      api: { requestedAccessTokenVersion: 2, oauth2PermissionScopes: [{ value: 'Samlad.Access', type: 'User' }] },
    });
    expect(bodies.api['appRoles']).toEqual(roles);
  });

  it('registers the pane’s sign-in redirects and lets it ask for exactly that scope', () => {
    const scopeId = (bodies.api['api'] as { oauth2PermissionScopes: { id: string }[] }).oauth2PermissionScopes[0]!.id;
    expect(bodies.pane).toMatchObject({
      spa: {
        redirectUris: [
          'https://samlad.example.se/auth-redirect.html',
          'https://samlad.example.se/auth-dialog.html',
          'brk-multihub://samlad.example.se',
        ],
      },
      requiredResourceAccess: [{ resourceAppId: apiAppId, resourceAccess: [{ id: scopeId, type: 'Scope' }] }],
    });
  });

  it('refuses a pane address that is not https', () => {
    expect(() => paneRegistrationBody({ apiAppId, paneUrl: 'http://localhost:3000' })).toThrow(/must be https/);
  });
});
