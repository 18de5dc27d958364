import { randomBytes } from 'node:crypto';
import { signDevToken, type DevTokenRequest } from '../../functions/auth/dev-token';
import { DEV_AUDIENCE, DEV_ISSUER } from '../../functions/auth/settings';
import { resolveTemplate } from '../../shared/model/resolve';
import { templateDefinitionSchema } from '../../shared/model/template-schema';
import { consistentFill, seededRng } from '../support/consistent-fill';

/** A dev signing key per test run, handed to the host through AUTH_DEV_SIGNING_KEY. */
export function devAuth(): {
  env: NodeJS.ProcessEnv;
  /** A valid token; `override` forges one with another issuer or audience but the right key. */
  token: (request: DevTokenRequest, override?: { issuer?: string; audience?: string }) => Promise<string>;
} {
  const key = randomBytes(32).toString('hex');
  const settings = { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, signingKey: new TextEncoder().encode(key) };
  return {
    env: { AUTH_MODE: 'dev', AUTH_DEV_SIGNING_KEY: key },
    token: (request, override = {}) => signDevToken(request, { ...settings, ...override }),
  };
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- assertions read arbitrary response shapes
  bytes: Buffer;
}

export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; json?: unknown; body?: Buffer; contentType?: string } = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | Blob | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.body) {
    headers['content-type'] =
      options.contentType ?? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    body = new Blob([new Uint8Array(options.body)]);
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const bytes = Buffer.from(await response.arrayBuffer());
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, bytes };
}

/** A reporter sends a consistent fill of a template, resolved with the förbund the API gives for the year. */
export async function sendFill(
  baseUrl: string,
  token: string,
  forbund: string,
  definition: unknown,
  target: { period: string; scope: string },
  seed: number,
): Promise<ApiResponse> {
  const parsed = templateDefinitionSchema.parse(definition);
  const year = Number(target.period.slice(0, 4));
  const config = (await call(baseUrl, 'GET', `/forbund/${forbund}/configuration?year=${year}`, { token })).json;
  const values = consistentFill(resolveTemplate(parsed, config.forbund, year), seededRng(seed));
  return call(baseUrl, 'POST', `/forbund/${forbund}/submissions`, {
    token,
    json: { templateId: parsed.id, ...target, values },
  });
}
