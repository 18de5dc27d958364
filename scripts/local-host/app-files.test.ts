import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyLocalSettings, readHostSettings, readRequestBodyLimit } from './app-files';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'samlad-appfiles-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, content: unknown) =>
  writeFileSync(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));

describe('readHostSettings', () => {
  it.each([
    [{ version: '2.0' }, 'api'],
    [{ version: '2.0', extensions: { http: { routePrefix: '' } } }, ''],
    [{ version: '2.0', extensions: { http: { routePrefix: '/v1/' } } }, 'v1'],
  ])('%j → prefix "%s"', (hostJson, prefix) => {
    write('host.json', hostJson);
    expect(readHostSettings(dir).routePrefix).toBe(prefix);
  });

  it('names the problem in a bad host.json', () => {
    write('host.json', { version: '1.0' });
    expect(() => readHostSettings(dir)).toThrow(/host\.json: version/);
  });

  it('says when host.json is missing', () => {
    expect(() => readHostSettings(dir)).toThrow(/host\.json is missing/);
  });

  it('reads the repository host.json, with the headers Azure adds to every answer', () => {
    expect(
      readHostSettings(path.resolve(__dirname, '../..'), { FUNCTIONS_REQUEST_BODY_SIZE_LIMIT: '6291456' }),
    ).toMatchObject({
      routePrefix: 'api',
      customHeaders: { 'X-Content-Type-Options': 'nosniff' },
      maxRequestBodyBytes: 6291456,
    });
  });
});

describe('readRequestBodyLimit', () => {
  it.each([
    [undefined, 100 * 1024 * 1024],
    ['', 100 * 1024 * 1024],
    ['6291456', 6291456],
  ])('FUNCTIONS_REQUEST_BODY_SIZE_LIMIT=%j → %d bytes', (value, bytes) => {
    expect(readRequestBodyLimit(value === undefined ? {} : { FUNCTIONS_REQUEST_BODY_SIZE_LIMIT: value })).toBe(bytes);
  });

  it.each(['6 MB', '-1', '0', '1.5'])('refuses %j, naming the setting', (value) => {
    expect(() => readRequestBodyLimit({ FUNCTIONS_REQUEST_BODY_SIZE_LIMIT: value })).toThrow(
      /FUNCTIONS_REQUEST_BODY_SIZE_LIMIT/,
    );
  });
});

describe('applyLocalSettings', () => {
  it('copies Values without overriding variables already set', () => {
    write('local.settings.json', { IsEncrypted: false, Values: { A: 'from-file', B: 'from-file' } });
    const env: NodeJS.ProcessEnv = { A: 'from-env' };
    expect(applyLocalSettings(path.join(dir, 'local.settings.json'), env)).toEqual(['B']);
    expect(env).toEqual({ A: 'from-env', B: 'from-file' });
  });

  it('applies nothing when the file is absent', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(applyLocalSettings(path.join(dir, 'local.settings.json'), env)).toEqual([]);
    expect(env).toEqual({});
  });

  it('rejects encrypted settings and non-string values with the field named', () => {
    write('a.json', { IsEncrypted: true, Values: {} });
    expect(() => applyLocalSettings(path.join(dir, 'a.json'), {})).toThrow(
      /IsEncrypted: encrypted local settings are not supported/,
    );
    write('b.json', { IsEncrypted: false, Values: { PORT: 7071 } });
    expect(() => applyLocalSettings(path.join(dir, 'b.json'), {})).toThrow(/Values\.PORT/);
  });

  it('reports invalid JSON', () => {
    write('c.json', '{ "IsEncrypted": false, ');
    expect(() => applyLocalSettings(path.join(dir, 'c.json'), {})).toThrow(/is not valid JSON/);
  });

  it('accepts the committed example', () => {
    const env: NodeJS.ProcessEnv = {};
    applyLocalSettings(path.resolve(__dirname, '../../local.settings.example.json'), env);
    expect(env['AzureWebJobsStorage']).toBe('UseDevelopmentStorage=true');
  });
});
