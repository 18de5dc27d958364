/**
 * A bad setting stops the start-up with a message naming the setting (and no stack trace).
 */
import { runScript } from '../support/node-process';
import { appMain, childEnv } from '../support/test-stack';

const hostArgs = ['--port', '0', '--no-timers', '--main', appMain];

describe('start-up with invalid configuration', () => {
  it.each([
    [
      'SAMLAD_ENV is unknown',
      { SAMLAD_ENV: 'prod' },
      /SAMLAD_ENV: Invalid option: expected one of "development"\|"test"\|"production" \(got "prod"\)/,
    ],
    [
      'the storage connection string is unusable',
      { STORAGE_CONNECTION_STRING: 'AccountName=x' },
      /STORAGE_CONNECTION_STRING: not a usable storage connection string/,
    ],
    [
      'production has no storage account',
      { SAMLAD_ENV: 'production' },
      /AzureWebJobsStorage: required when SAMLAD_ENV=production/,
    ],
    ['PORT is not a port', { PORT: 'seventy' }, /PORT: .*\(got "seventy"\)/],
  ])('fails when %s', async (_case, env, message) => {
    const args = 'PORT' in env ? hostArgs.filter((a, i) => a !== '--port' && hostArgs[i - 1] !== '--port') : hostArgs;
    const result = await runScript('scripts/functions-host.js', args, childEnv(env));
    expect(result.code).toBe(1);
    expect(result.output).toMatch(message);
    expect(result.output).not.toMatch(/^\s+at /m);
    expect(result.output).not.toContain('Functions host listening');
  });
});
