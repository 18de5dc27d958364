/**
 * Prints a bearer token for the local stack's dev issuer:
 *   npm run token -- --forbund umearegionen --party af --role reporter
 *   npm run token -- --forbund umearegionen --role kansli
 * Refused when SAMLAD_ENV=production (the dev issuer does not exist there).
 */
import { parseArgs } from 'node:util';
import { signDevToken } from '../functions/auth/dev-token';
import type { Role } from '../shared/api/principal';
import { loadConfig } from '../functions/config';

const roles: readonly Role[] = ['reporter', 'kansli', 'admin'];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      forbund: { type: 'string' },
      party: { type: 'string' },
      role: { type: 'string', default: 'reporter' },
      name: { type: 'string' },
      hours: { type: 'string', default: '8' },
    },
  });
  const role = values.role as Role;
  if (!roles.includes(role)) throw new Error(`--role must be one of ${roles.join(', ')}`);
  if (role !== 'admin' && !values.forbund) throw new Error('--forbund is required (e.g. umearegionen)');
  if (role === 'reporter' && !values.party)
    throw new Error('--party is required for a reporter (e.g. af, fk, region, umea)');
  const { auth } = loadConfig(process.env);
  if (auth.mode !== 'dev') throw new Error('tokens can only be made for the dev issuer (AUTH_MODE=dev)');
  const token = await signDevToken(
    {
      role,
      forbund: values.forbund,
      party: role === 'reporter' ? values.party : undefined,
      name: values.name,
      expiresInSeconds: Number(values.hours) * 3600,
    },
    auth,
  );
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`npm run token: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
