import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
// The XML handler alone: the package's entry also loads the JSON-manifest code, which is ESM-only
// and breaks under jest.
// Its uuid dependency (ESM-only too) serves only to write new ids, never to parse, so it is stubbed.
jest.mock('../../node_modules/office-addin-manifest/node_modules/uuid/dist-node/index.js', () => ({
  v4: () => '00000000-0000-4000-8000-000000000000',
}));
import { ManifestHandlerXml } from 'office-addin-manifest/lib/manifestHandler/manifestHandlerXml';
import { readAddinSettings, repoRootFrom, type AddinSettings } from './addin-settings';
import { manifestVersion, renderManifest } from './build-manifest';
import { drawIcon, ICON_SIZES, iconPath } from './icons';

const repoRoot = repoRootFrom(__dirname);
const template = readFileSync(path.join(repoRoot, 'manifest', 'manifest.template.xml'), 'utf8');
const PRODUCTION_ENV = {
  SAMLAD_ADDIN_ENV: 'production',
  SAMLAD_ADDIN_BASE_URL: 'https://samlad.example.se/pane/',
  SAMLAD_OFFICE_JS_URL: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
  SAMLAD_ENTRA_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
  SAMLAD_ENTRA_AUTHORITY: 'https://login.microsoftonline.com/organizations',
  SAMLAD_API_SCOPES: 'api://samlad-api/Samlad.Access',
};

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['bt:Image', 'bt:Url', 'bt:String', 'Host', 'Control', 'Group', 'AppDomain'].includes(name),
});

function parse(xml: string): Node {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed: ${valid.err.msg} (line ${valid.err.line})`);
  return parser.parse(xml) as Node;
}

const child = (node: unknown, name: string): Node => {
  const value = (node as Node)[name];
  if (value === undefined) throw new Error(`missing <${name}>`);
  return (Array.isArray(value) ? value[0] : value) as Node;
};
const children = (node: unknown, name: string): Node[] => ((node as Node)[name] as Node[] | undefined) ?? [];

/** Every URL in the manifest: DefaultValue attributes of URL-ish elements, and AppDomain texts. */
function urls(xml: string): string[] {
  const found = [...xml.matchAll(/DefaultValue="([^"]*)"/g)]
    .map((m) => m[1] ?? '')
    .filter((v) => /^[a-z]+:\/\//i.test(v));
  const domains = [...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1] ?? '');
  return [...found, ...domains];
}

function render(env: NodeJS.ProcessEnv): { settings: AddinSettings; xml: string } {
  const settings = readAddinSettings(env, repoRoot);
  return { settings, xml: renderManifest(template, settings, '0.1.0') };
}

describe.each([
  ['dev', {}],
  ['production', PRODUCTION_ENV],
])('the %s manifest', (environment, env) => {
  const { settings, xml } = render(env);
  const app = child(parse(xml), 'OfficeApp');

  it('is a well-formed Excel task-pane manifest with every required element', () => {
    expect(app['@xsi:type']).toBe('TaskPaneApp');
    expect(String(app.Id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(app.Version).toBe('0.1.0.0');
    expect(app.ProviderName).toBe('Samlad');
    expect(app.DefaultLocale).toBe('sv-SE');
    expect(child(app, 'DisplayName')['@DefaultValue']).toBe(settings.displayName);
    expect(children(child(app, 'Hosts'), 'Host').map((h) => h['@Name'])).toEqual(['Workbook']);
    expect(child(child(app, 'DefaultSettings'), 'SourceLocation')['@DefaultValue']).toBe(
      `${settings.baseUrl}/index.html`,
    );
    expect(app.Permissions).toBe('ReadWriteDocument');
    expect(child(app, 'IconUrl')['@DefaultValue']).toBe(`${settings.baseUrl}/${iconPath(32)}`);
    expect(child(app, 'HighResolutionIconUrl')['@DefaultValue']).toBe(`${settings.baseUrl}/${iconPath(64)}`);
  });

  it('has a Samlad group on the Home tab with a button that opens the pane', () => {
    const overrides = child(app, 'VersionOverrides');
    expect(overrides['@xsi:type']).toBe('VersionOverridesV1_0');
    const host = child(child(overrides, 'Hosts'), 'Host');
    expect(host['@xsi:type']).toBe('Workbook');
    const surface = child(child(host, 'DesktopFormFactor'), 'ExtensionPoint');
    expect(surface['@xsi:type']).toBe('PrimaryCommandSurface');
    const tab = child(surface, 'OfficeTab');
    expect(tab['@id']).toBe('TabHome');
    const group = child(tab, 'Group');
    const button = child(group, 'Control');
    expect(button['@xsi:type']).toBe('Button');
    expect(child(button, 'Action')['@xsi:type']).toBe('ShowTaskpane');
    const resources = child(overrides, 'Resources');
    const strings = new Map(
      children(child(resources, 'bt:ShortStrings'), 'bt:String').map((s) => [s['@id'], s['@DefaultValue']]),
    );
    expect(strings.get(child(group, 'Label')['@resid'])).toBe('Samlad');
    const images = new Map(
      children(child(resources, 'bt:Images'), 'bt:Image').map((s) => [s['@id'], s['@DefaultValue']]),
    );
    const sizes = children(child(button, 'Icon'), 'bt:Image').map((i) => [i['@size'], images.get(i['@resid'])]);
    expect(sizes).toEqual(['16', '32', '80'].map((size) => [size, `${settings.baseUrl}/${iconPath(Number(size))}`]));
    const pane = new Map(children(child(resources, 'bt:Urls'), 'bt:Url').map((s) => [s['@id'], s['@DefaultValue']]));
    expect(pane.get(child(child(button, 'Action'), 'SourceLocation')['@resid'])).toBe(`${settings.baseUrl}/index.html`);
  });

  it('names only resources it defines', () => {
    const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(5);
    for (const id of used) expect(defined).toContain(id);
  });

  it('uses https for every address, except localhost in development', () => {
    const all = urls(xml);
    expect(all.length).toBeGreaterThanOrEqual(8);
    for (const url of all) {
      const local = /^https?:\/\/localhost(:\d+)?(\/|$)/.test(url);
      expect(url.startsWith('https://') || (environment === 'dev' && local)).toBe(true);
      if (environment === 'production') expect(url).not.toMatch(/localhost/);
    }
  });

  it('reads with office-addin-manifest (offline)', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'samlad-manifest-')), `manifest.${environment}.xml`);
    writeFileSync(file, xml);
    const info = await new ManifestHandlerXml(file).parseManifest();
    expect(info).toMatchObject({
      id: settings.manifestId,
      defaultLocale: 'sv-SE',
      hosts: ['Workbook'],
      permissions: 'ReadWriteDocument',
      providerName: 'Samlad',
      officeAppType: 'TaskPaneApp',
      version: '0.1.0.0',
    });
  });
});

describe('manifest settings', () => {
  it('come from the environment for production, with the base URL from SAMLAD_ADDIN_BASE_URL', () => {
    const { settings, xml } = render(PRODUCTION_ENV);
    expect(settings.baseUrl).toBe('https://samlad.example.se/pane');
    expect(xml).toContain('<AppDomain>https://samlad.example.se</AppDomain>');
    expect(settings.runtimeConfig).toEqual({
      environment: 'production',
      apiBase: '/api',
      auth: {
        mode: 'entra',
        clientId: PRODUCTION_ENV.SAMLAD_ENTRA_CLIENT_ID,
        authority: PRODUCTION_ENV.SAMLAD_ENTRA_AUTHORITY,
        scopes: ['api://samlad-api/Samlad.Access'],
      },
    });
  });

  it.each([
    ['no base URL', { SAMLAD_ADDIN_BASE_URL: '' }, 'SAMLAD_ADDIN_BASE_URL'],
    ['an http base URL', { SAMLAD_ADDIN_BASE_URL: 'http://samlad.example.se' }, 'SAMLAD_ADDIN_BASE_URL'],
    ['no office.js', { SAMLAD_OFFICE_JS_URL: '' }, 'SAMLAD_OFFICE_JS_URL'],
    ['no Entra app', { SAMLAD_ENTRA_CLIENT_ID: '' }, 'SAMLAD_ENTRA_CLIENT_ID'],
    ['a client id that is no GUID', { SAMLAD_ENTRA_CLIENT_ID: 'samlad' }, 'SAMLAD_ENTRA_CLIENT_ID'],
  ])('refuse production with %s, naming the setting', (_name, change, setting) => {
    expect(() => readAddinSettings({ ...PRODUCTION_ENV, ...change }, repoRoot)).toThrow(setting);
  });

  it('need nothing for development, where the pane logs in with dev tokens and office.js is served locally', () => {
    const settings = readAddinSettings({}, repoRoot);
    expect(settings).toMatchObject({
      environment: 'dev',
      baseUrl: 'https://localhost:3000',
      officeJsUrl: '/office-js/office.js',
      runtimeConfig: { auth: { mode: 'dev' } },
    });
  });

  it('keep addresses out of the template', () => {
    expect(template).not.toMatch(/https?:\/\/(?!schemas\.microsoft\.com|www\.w3\.org)/);
  });

  it('turn package versions into Office four-part versions', () => {
    expect([manifestVersion('0.1.0'), manifestVersion('2.10.3-beta.1'), manifestVersion('1')]).toEqual([
      '0.1.0.0',
      '2.10.3.0',
      '1.0.0.0',
    ]);
  });
});

describe('icons', () => {
  it.each([...ICON_SIZES])('%i px is a valid PNG of that size with transparent corners', (size) => {
    const png = drawIcon(size);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    // Decode IDAT: the first pixel (a rounded corner) is transparent, the centre is opaque.
    const idatAt = png.indexOf('IDAT');
    const raw = inflateSync(png.subarray(idatAt + 4, idatAt + 4 + png.readUInt32BE(idatAt - 4)));
    const stride = size * 4 + 1;
    expect(raw[1 + 3]).toBeLessThan(64);
    const mid = Math.floor(size / 2);
    expect(raw[mid * stride + 1 + mid * 4 + 3]).toBe(255);
  });
});
