import { HttpRequest, InvocationContext } from '@azure/functions';
import { decodeJwt } from 'jose';
import { loadConfig, type AppConfig } from '../config';
import { registry } from '../../shared/config/registry';
import { findForbund } from '../../shared/model/selectors';
import { devTokenHandler } from './dev-token';

function post(body: unknown): HttpRequest {
  return new HttpRequest({
    method: 'POST',
    url: 'http://localhost/api/dev/token',
    headers: { 'content-type': 'application/json' },
    body: { string: JSON.stringify(body) },
  });
}

async function call(config: AppConfig, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const lookup = async (id: string) => findForbund(registry, id);
  const response = await devTokenHandler(() => config, lookup)(post(body), new InvocationContext());
  return { status: response.status ?? 200, json: response.jsonBody as Record<string, unknown> };
}

const dev = loadConfig({ SAMLAD_ENV: 'test', AUTH_MODE: 'dev' });

describe('POST /api/dev/token', () => {
  it('signs a reporter token with the role claim the API reads', async () => {
    const res = await call(dev, { forbund: 'umearegionen', party: 'umea', role: 'reporter' });
    expect(res.status).toBe(200);
    expect(decodeJwt(String(res.json.token))).toMatchObject({
      roles: ['Reporter.umearegionen.umea'],
      iss: 'samlad-dev',
    });
  });

  it('signs a kansli token without a party', async () => {
    const res = await call(dev, { forbund: 'umearegionen', role: 'kansli' });
    expect(decodeJwt(String(res.json.token)).roles).toEqual(['Kansli.umearegionen']);
  });

  it.each([
    ['an unknown förbund', { forbund: 'narnia', role: 'kansli' }, 'unknown-forbund'],
    ['a reporter without a party', { forbund: 'umearegionen', role: 'reporter' }, 'unknown-party'],
    ['a party of another förbund', { forbund: 'umearegionen', party: 'skelleftea', role: 'reporter' }, 'unknown-party'],
    ['a role Samlad does not have', { forbund: 'umearegionen', role: 'styrelse' }, 'invalid-body'],
  ])('refuses %s', async (_name, body, code) => {
    const res = await call(dev, body);
    expect(res.status).toBe(400);
    expect(res.json.code).toBe(code);
  });

  it('signs an administrator token, for every förbund (a new one is created by an administrator)', async () => {
    const res = await call(dev, { role: 'admin' });
    expect(decodeJwt(String(res.json.token)).roles).toEqual(['Admin']);
  });

  it('does not exist when tokens come from Entra ID', async () => {
    const entra = loadConfig({
      SAMLAD_ENV: 'test',
      AUTH_MODE: 'entra',
      ENTRA_TENANT_ID: '00000000-0000-0000-0000-000000000000',
      ENTRA_AUDIENCE: 'api://samlad',
    });
    expect((await call(entra, { forbund: 'umearegionen', role: 'kansli' })).status).toBe(404);
  });

  it('does not exist in production, even if the dev issuer were somehow configured', async () => {
    expect(
      (await call({ ...dev, environment: 'production' }, { forbund: 'umearegionen', role: 'kansli' })).status,
    ).toBe(404);
  });
});
