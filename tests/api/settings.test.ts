/**
 * Configuration as data, through the local host and Azurite: kansliet downloads a year's
 * Inställningar, changes a target, uploads (findings and the change list, nothing active yet),
 * activates with the explicit second call; reports use each year's own settings; two kansli at
 * once get a clear 409; history, rollback and Kopiera till nästa år; bad uploads name their cell;
 * an administrator creates a förbund whose reporter submits at once, and adds a template as data.
 */
import { appRolesFor } from '../../scripts/entra/app-roles';
import { forbundListAnswerSchema } from '../../shared/api';
import { templateDefinitionSchema } from '../../shared/model/template-schema';
import { deltagareAvslut } from '../../shared/config/templates/deltagare-avslut';
import { editSettings, summaryTarget, type SettingsEdit } from '../support/settings-workbook';
import { startTestStack, type TestStack } from '../support/test-stack';
import { openWorkbook, rowOf } from '../support/workbook-rows';
import { call, devAuth, sendFill } from './api-client';

const auth = devAuth();
let stack: TestStack;
let kansli: string;
let admin: string;
const base = '/forbund/umearegionen';
const api = (method: string, path: string, options?: Parameters<typeof call>[3]) =>
  call(stack.apiUrl, method, path, options);

async function download(year: number, token = kansli, forbund = 'umearegionen'): Promise<Buffer> {
  const res = await api('GET', `/forbund/${forbund}/settings/${year}/workbook`, { token });
  expect(res.status).toBe(200);
  return res.bytes;
}

async function upload(year: number, xlsx: Buffer, token = kansli, forbund = 'umearegionen') {
  return api('POST', `/forbund/${forbund}/settings/${year}/versions?comment=${encodeURIComponent('test')}`, {
    token,
    body: xlsx,
  });
}

async function activate(year: number, version: number, expectedActive: number | null, extra = {}) {
  return api('POST', `${base}/settings/${year}/activate`, {
    token: kansli,
    json: { version, expectedActive, ...extra },
  });
}

async function consolidate(period: string): Promise<Buffer> {
  const res = await api('POST', `${base}/consolidate`, { token: kansli, json: { period, variant: 'internal' } });
  expect(res.status).toBe(201);
  const file = await api('GET', `${base}/reports/${res.json.report.id}`, { token: kansli });
  return file.bytes;
}

/** Umeå's reporter sends a consistent deltagare-avslut for a period and platform. */
async function sendUmea(period: string, scope: string, seed: number): Promise<void> {
  const reporter = await auth.token({ forbund: 'umearegionen', party: 'umea', role: 'reporter' });
  const sent = await sendFill(stack.apiUrl, reporter, 'umearegionen', deltagareAvslut, { period, scope }, seed);
  expect(sent.status).toBe(201);
}

const positiveTarget = { table: 'mal', row: 'deltagare-avslut.andel_positiv', column: 'value' };

beforeAll(async () => {
  stack = await startTestStack({ env: { ...auth.env, CONSOLIDATE_SYNC_MS: '60000' } });
  kansli = await auth.token({ forbund: 'umearegionen', role: 'kansli' });
  admin = await auth.token({ role: 'admin' });
}, 60_000);
afterAll(() => stack?.stop());

describe('kansliet changes a target for 2024', () => {
  let stored: { version: number; basedOn: number | null };

  it('the shipped settings are the first version of each year, active', async () => {
    const res = await api('GET', `${base}/settings?year=2024`, { token: kansli });
    expect(res.status).toBe(200);
    expect(res.json.active).toMatchObject({ version: 1, activatedBy: { subject: 'system:seed' } });
    expect(res.json.versions).toEqual([expect.objectContaining({ version: 1, source: 'seed', active: true })]);
  });

  it('an upload is checked and stored as version 2 with its change list, not yet active', async () => {
    const xlsx = await editSettings(await download(2024), [{ ...positiveTarget, value: 75 }]);
    const res = await upload(2024, xlsx);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ outcome: 'stored', active: 1, findings: [] });
    expect(res.json.changes).toEqual([
      {
        sheet: 'Mål',
        row: 'deltagare-avslut.andel_positiv (Andel positiv lösning)',
        change: 'changed',
        column: 'Mål',
        before: '70',
        after: '75',
      },
    ]);
    stored = res.json.version;
    expect(stored).toMatchObject({ version: 2, basedOn: 1, source: 'xlsx', comment: 'test' });
    const overview = await api('GET', `${base}/settings?year=2024`, { token: kansli });
    expect(overview.json.active.version).toBe(1);
  });

  it('the same upload again stores nothing', async () => {
    const xlsx = await editSettings(await download(2024), [{ ...positiveTarget, value: 75 }]);
    const res = await upload(2024, xlsx);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ outcome: 'unchanged', version: { version: 2 } });
  });

  it('activates on the explicit second call; a 2024 report shows 75 %, the 2023 report still 70 %', async () => {
    const res = await activate(2024, stored.version, 1);
    expect(res.status).toBe(200);
    expect(res.json.active).toMatchObject({ version: 2 });
    const report2024 = await consolidate('2024T1');
    expect(await summaryTarget(report2024, 'Arbetsmarknadstorgen', 'Andel positiv lösning')).toBe('≥ 75 %');
    const report2023 = await consolidate('2023T3');
    expect(await summaryTarget(report2023, 'Arbetsmarknadstorgen', 'Andel positiv lösning')).toBe('≥ 70 %');
  });

  it('Om rapporten names the settings version and the configuration hash', async () => {
    const about = (await openWorkbook(await consolidate('2024T1'))).getWorksheet('Om rapporten')!;
    expect(rowOf(about, 'Inställningar')[1]).toBe('umearegionen 2024, version 2');
    expect(String(rowOf(about, 'Inställningarnas hash')[1])).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a workbook made from an old version cannot be activated over a newer one (409, nothing changes)', async () => {
    const old = await api('GET', `${base}/settings/2024/workbook?version=1`, { token: kansli });
    const res = await upload(2024, await editSettings(old.bytes, [{ ...positiveTarget, value: 80 }]));
    expect(res.status).toBe(201);
    expect(res.json.version.basedOn).toBe(1);
    expect(res.json.changes).toEqual([expect.objectContaining({ before: '75', after: '80' })]);
    const refused = await activate(2024, res.json.version.version, 2);
    expect(refused.status).toBe(409);
    expect(refused.json.code).toBe('settings-stale');
    expect((await api('GET', `${base}/settings?year=2024`, { token: kansli })).json.active.version).toBe(2);
  });

  it('two kansli activating at once: one succeeds, the other gets 409 with a clear message', async () => {
    const a = (await upload(2024, await editSettings(await download(2024), [{ ...positiveTarget, value: 71 }]))).json;
    const b = (await upload(2024, await editSettings(await download(2024), [{ ...positiveTarget, value: 72 }]))).json;
    expect([a.version.basedOn, b.version.basedOn]).toEqual([2, 2]);
    const results = await Promise.all([activate(2024, a.version.version, 2), activate(2024, b.version.version, 2)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.json.code).toBe('settings-changed');
    expect(loser.json.message).toMatch(/har ändrats medan du arbetade: version \d+ aktiverades av/);
  });

  it('history lists every version; an earlier one is activated again from it (rollback)', async () => {
    const overview = await api('GET', `${base}/settings?year=2024`, { token: kansli });
    const active = overview.json.active.version;
    expect(overview.json.versions.map((v: { version: number }) => v.version)).toEqual([5, 4, 3, 2, 1]);
    const res = await activate(2024, 1, active, { fromHistory: true });
    expect(res.status).toBe(200);
    const report = await consolidate('2024T1');
    expect(await summaryTarget(report, 'Arbetsmarknadstorgen', 'Andel positiv lösning')).toBe('≥ 70 %');
  });

  it("kansliet may ask for the settings in force now instead of the year's own", async () => {
    const now = new Date().getFullYear();
    const overview = (await api('GET', `${base}/settings?year=${now}`, { token: kansli })).json;
    const res = await upload(now, await editSettings(await download(now), [{ ...positiveTarget, value: 65 }]));
    expect(res.status).toBe(201);
    expect((await activate(now, res.json.version.version, overview.active?.version ?? null)).status).toBe(200);
    const current = await api('POST', `${base}/consolidate`, {
      token: kansli,
      json: { period: '2023T3', variant: 'internal', settings: 'current' },
    });
    expect(current.status).toBe(201);
    const file = (await api('GET', `${base}/reports/${current.json.report.id}`, { token: kansli })).bytes;
    expect(await summaryTarget(file, 'Arbetsmarknadstorgen', 'Andel positiv lösning')).toBe('≥ 65 %');
    const about = (await openWorkbook(file)).getWorksheet('Om rapporten')!;
    expect(String(rowOf(about, 'Inställningar')[1])).toMatch(new RegExp(`^umearegionen ${now}, de som gäller nu`));
    expect(await summaryTarget(await consolidate('2023T3'), 'Arbetsmarknadstorgen', 'Andel positiv lösning')).toBe(
      '≥ 70 %',
    );
  });

  it('Kopiera till nästa år starts 2027 from 2026, active at once, its last days a year on', async () => {
    const res = await api('POST', `${base}/settings/2026/copy`, { token: kansli });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ activated: true, version: { version: 1, year: 2027, source: 'copy' } });
    const config = await api('GET', `${base}/configuration?year=2027`, { token: kansli });
    expect(config.json.settings).toMatchObject({ year: 2027, version: 1 });
    expect(config.json.forbund.years['2027'].budget).toEqual(config.json.forbund.years['2026'].budget);
    const again = await api('POST', `${base}/settings/2026/copy`, { token: kansli });
    expect(again.json.activated).toBe(false);
  });
});

describe('bad uploads: a finding naming the cell, nothing stored', () => {
  const findings = (res: Awaited<ReturnType<typeof upload>>) =>
    (res.json.details?.findings ?? []).map((f: { code: string; cell: string }) => `${f.code} ${f.cell}`);

  it.each<[string, SettingsEdit[], string[]]>([
    [
      'a weight that is text',
      [{ table: 'indikatorer', row: 'genomstromning', column: 'weight', value: 'tio' }],
      ['not-a-number Indikatorer!D26'],
    ],
    [
      'a kommun without kommunkod',
      [{ table: 'parter', row: 'vindeln', column: 'kommunkod', value: null }],
      ["kommun-without-kommunkod 'Parter och kommuner'!D11"],
    ],
    [
      'duplicate ids',
      [{ table: 'parter', row: 'vindeln', column: 'id', value: 'umea' }],
      ["duplicate-id 'Parter och kommuner'!A11"],
    ],
    [
      'an unknown formula',
      [{ table: 'indikatorer', row: 'genomstromning', column: 'source', value: 'andel_lycka' }],
      ['unknown-formula Indikatorer!H26'],
    ],
  ])('%s', async (_name, edits, expected) => {
    const before = (await api('GET', `${base}/settings?year=2023`, { token: kansli })).json.versions.length;
    const res = await upload(2023, await editSettings(await download(2023), edits));
    expect(res.status).toBe(422);
    expect(res.json.code).toBe('settings-invalid');
    expect(findings(res)).toEqual(expect.arrayContaining(expected));
    for (const f of res.json.details.findings) expect(f.message).toMatch(/[a-zåäö]/);
    expect((await api('GET', `${base}/settings?year=2023`, { token: kansli })).json.versions.length).toBe(before);
  });

  it('a file for another year or förbund, or not a settings workbook at all, is refused', async () => {
    const wrongYear = await upload(2024, await download(2023));
    expect([wrongYear.status, wrongYear.json.details.findings[0].code]).toEqual([422, 'wrong-year']);
    const other = await auth.token({ forbund: 'skelleftea-norsjo', role: 'kansli' });
    const wrongForbund = await upload(2023, await download(2023, other, 'skelleftea-norsjo'));
    expect([wrongForbund.status, wrongForbund.json.details.findings[0].code]).toEqual([422, 'wrong-forbund']);
    const template = await api('GET', `${base}/templates/deltagare-avslut/workbook?period=2023T1&scope=vuxentorget`, {
      token: kansli,
    });
    const foreign = await upload(2023, template.bytes);
    expect(foreign.json.details.findings[0].code).toBe('not-settings-workbook');
    const damaged = await upload(2023, Buffer.from('PK\x03\x04 not really a zip'));
    expect([damaged.status, damaged.json.code]).toEqual([422, 'not-xlsx']);
  });

  it('a platform removed while the year has submissions for it', async () => {
    await sendUmea('2025T1', 'vuxentorget', 3);
    const cleared = ['id', 'name', 'description', 'reportedBy'].map((column) => ({
      table: 'plattformar',
      row: 'vuxentorget',
      column,
      value: null,
    }));
    const edits = [...cleared.slice(1), cleared[0]!];
    const res = await upload(2025, await editSettings(await download(2025), edits));
    expect(res.status).toBe(422);
    expect(res.json.details.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'scope-in-use',
          sheet: 'Plattformar',
          params: expect.objectContaining({ id: 'vuxentorget', count: 1 }),
        }),
      ]),
    );
  });

  it('activating a version dropping a platform submitted for since its upload: refused, nothing changes', async () => {
    const own = (await api('GET', `${base}/configuration?year=2025`, { token: kansli })).json.forbund;
    const document = {
      ...own,
      platforms: own.platforms.filter((p: { id: string }) => p.id !== 'ungdomstorget'),
      platformGroups: own.platformGroups.map((g: { platforms: string[] }) => ({
        ...g,
        platforms: g.platforms.filter((id) => id !== 'ungdomstorget'),
      })),
      years: { '2025': own.years['2025'] },
    };
    const active = (await api('GET', `${base}/settings?year=2025`, { token: kansli })).json.active.version;
    const stored = await api('POST', `${base}/settings/2025/versions`, { token: kansli, json: { document } });
    expect([stored.status, stored.json.details?.findings]).toEqual([201, undefined]);
    await sendUmea('2025T2', 'ungdomstorget', 5);
    const res = await activate(2025, stored.json.version.version, active);
    expect([res.status, res.json.code]).toEqual([422, 'settings-in-use']);
    expect(res.json.message).toContain('Ungdomstorget');
    expect(res.json.details.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'scope-in-use', params: expect.objectContaining({ id: 'ungdomstorget' }) }),
      ]),
    );
    expect((await api('GET', `${base}/settings?year=2025`, { token: kansli })).json.active.version).toBe(active);
  });

  it.each(['parties', 'platforms', 'templates', 'platforms[0].reportedBy'])(
    'a settings document (JSON) without %s is a 422 naming it, not a 500; nothing stored',
    async (missing) => {
      const own = (await api('GET', `${base}/configuration?year=2023`, { token: kansli })).json.forbund;
      const document: Record<string, unknown> = {
        id: own.id,
        name: own.name,
        parties: own.parties,
        platforms: own.platforms.map(({ reportedBy, ...rest }: { reportedBy: string[] }, i: number) =>
          i === 0 && missing.endsWith('reportedBy') ? rest : { ...rest, reportedBy },
        ),
        platformGroups: own.platformGroups,
        templates: own.templates,
        years: { '2023': own.years['2023'] },
      };
      delete document[missing];
      const before = (await api('GET', `${base}/settings?year=2023`, { token: kansli })).json.versions.length;
      const res = await api('POST', `${base}/settings/2023/versions`, { token: kansli, json: { document } });
      expect(res.status).toBe(422);
      expect(['settings-refused', 'settings-invalid']).toContain(res.json.code);
      expect(res.json.details.findings).toEqual(
        expect.arrayContaining([expect.objectContaining({ code: 'required', sheet: expect.stringMatching(/\w/) })]),
      );
      expect((await api('GET', `${base}/settings?year=2023`, { token: kansli })).json.versions.length).toBe(before);
    },
  );

  it("a party with kansliet's own id 'kansli' is refused: its reporters would write kansliet's series", async () => {
    const own = (await api('GET', `${base}/configuration?year=2025`, { token: kansli })).json.forbund;
    const af = own.parties.find((p: { kind: string }) => p.kind === 'af');
    const document = {
      ...own,
      parties: [...own.parties, { ...af, id: 'kansli' }],
      years: { '2025': own.years['2025'] },
    };
    const res = await api('POST', `${base}/settings/2025/versions`, { token: kansli, json: { document } });
    expect(res.status).toBe(422);
    expect(res.json.details.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: 'Parter och kommuner', message: expect.stringMatching(/kansli/) }),
      ]),
    );
  });

  it('a version asked for by text, or one that does not exist, is named in Swedish', async () => {
    const text = await api('GET', `${base}/settings/2023/workbook?version=abc`, { token: kansli });
    expect([text.status, text.json.message]).toEqual([400, 'Ange versionen med siffror, t.ex. ?version=2.']);
    const absent = await api('GET', `${base}/settings/2023/workbook?version=999`, { token: kansli });
    expect([absent.status, absent.json.message]).toEqual([404, 'Version 999 av inställningarna för 2023 finns inte.']);
  });

  it('a reporter, and another förbund’s kansli, get 403', async () => {
    const reporter = await auth.token({ forbund: 'umearegionen', party: 'umea', role: 'reporter' });
    expect((await api('GET', `${base}/settings?year=2024`, { token: reporter })).status).toBe(403);
    const other = await auth.token({ forbund: 'skelleftea-norsjo', role: 'kansli' });
    expect((await api('GET', `${base}/settings/2024/workbook`, { token: other })).status).toBe(403);
    expect((await api('GET', '/forbund/nytt-forbund/settings/2024/workbook', { token: kansli })).status).toBe(403);
  });
});

describe('an administrator creates a förbund by upload', () => {
  const id = 'sodra-lappland';
  const path = `/forbund/${id}/settings/2024`;

  it('fills the empty workbook, uploads and activates; its reporter submits at once', async () => {
    const blank = await download(2024, admin, id);
    const edits: SettingsEdit[] = [
      { table: 'namn', value: 'Samordningsförbundet Södra Lappland' },
      { table: 'kortnamn', value: 'Södra Lappland' },
      ...[
        ['af', 'Arbetsförmedlingen', 'Arbetsförmedlingen', null, 'Nej', null],
        ['fk', 'Försäkringskassan', 'Försäkringskassan', null, 'Ja', null],
        ['region', 'Region Västerbotten', 'Regionen', null, 'Ja', null],
        ['lycksele', 'Lycksele kommun', 'Kommun', '2481', 'Ja', 60],
        ['storuman', 'Storumans kommun', 'Kommun', '2421', 'Ja', 40],
      ].flatMap(([pid, name, kind, kod, member, share]) =>
        (
          [
            ['name', name],
            ['kind', kind],
            ['kommunkod', kod],
            ['fundingMember', member],
            ['share', share],
            ['id', pid],
          ] as const
        ).map(([column, value]) => ({ table: 'parter', row: 'new', column, value })),
      ),
    ];
    // A new row is found as "the first empty one" until its id is written, so each row's id goes last.
    const xlsx = await editSettings(blank, [
      ...edits,
      { table: 'plattformar', row: 'new', column: 'name', value: 'Arbetsmarknadstorget Lycksele' },
      { table: 'plattformar', row: 'new', column: 'reportedBy', value: 'lycksele' },
      { table: 'plattformar', row: 'new', column: 'id', value: 'lyckseletorget' },
      { table: 'mallar', row: 'deltagare-avslut', column: 'used', value: 'Ja' },
    ]);
    const res = await upload(2024, xlsx, admin, id);
    expect(res.status).toBe(201);
    expect(res.json.active).toBeNull();
    expect(res.json.changes).toEqual(
      expect.arrayContaining([{ sheet: 'Parter och kommuner', row: 'lycksele (Lycksele kommun)', change: 'added' }]),
    );
    const activated = await api('POST', `${path}/activate`, {
      token: admin,
      json: { version: 1, expectedActive: null },
    });
    expect(activated.status).toBe(200);

    const reporter = await auth.token({ forbund: id, party: 'lycksele', role: 'reporter' });
    const templates = await api('GET', `/forbund/${id}/templates?year=2024`, { token: reporter });
    expect(templates.json.templates.map((t: { definition: { id: string } }) => t.definition.id)).toEqual([
      'deltagare-avslut',
    ]);
    const target = { period: '2024T1', scope: 'lyckseletorget' };
    const sent = await sendFill(stack.apiUrl, reporter, id, templates.json.templates[0].definition, target, 7);
    expect(sent.status).toBe(201);
    const newKansli = await auth.token({ forbund: id, role: 'kansli' });
    const status = await api('GET', `/forbund/${id}/status?period=2024T1`, { token: newKansli });
    expect(status.json.rows).toEqual([expect.objectContaining({ scope: 'lyckseletorget', state: 'inskickad' })]);
    const list = await api('GET', '/admin/forbund', { token: admin });
    expect(list.json.forbund.map((f: { id: string }) => f.id)).toEqual(['skelleftea-norsjo', id, 'umearegionen']);
    // The Entra app roles (scripts/entra, given this answer) now include the new förbund's.
    const roles = appRolesFor(forbundListAnswerSchema.parse(list.json)).map((r) => r.value);
    expect(roles).toEqual(
      expect.arrayContaining([`Kansli.${id}`, `Reporter.${id}.lycksele`, `Reporter.${id}.storuman`]),
    );
  });

  it('only an administrator may name a förbund that does not exist', async () => {
    expect((await api('GET', '/forbund/ingen-alls/settings/2024/workbook', { token: kansli })).status).toBe(403);
    expect((await api('GET', '/admin/forbund', { token: kansli })).status).toBe(403);
  });
});

describe('templates as data', () => {
  const builtIn = templateDefinitionSchema.parse(deltagareAvslut);
  const definition = {
    ...builtIn,
    id: 'motesplatser',
    version: 1,
    title: 'Mötesplatser',
    sheetName: 'Mötesplatser',
    consolidation: { ...builtIn.consolidation!, sheetName: 'Mötesplatser', title: 'mötesplatsernas deltagare' },
  };

  it('an administrator adds a template; the same again stores nothing; a changed version is refused', async () => {
    const added = await api('POST', '/admin/templates', { token: admin, json: { definition, comment: 'ny mall' } });
    expect([added.status, added.json.outcome]).toEqual([201, 'stored']);
    const again = await api('POST', '/admin/templates', { token: admin, json: { definition } });
    expect([again.status, again.json.outcome]).toEqual([200, 'unchanged']);
    const changed = await api('POST', '/admin/templates', {
      token: admin,
      json: { definition: { ...definition, title: 'Annat' } },
    });
    expect([changed.status, changed.json.code]).toEqual([409, 'template-version-taken']);
    expect(changed.json.message).toMatch(/version 2/);
    const builtIn = await api('POST', '/admin/templates', {
      token: admin,
      json: { definition: { ...templateDefinitionSchema.parse(deltagareAvslut), title: 'Ändrad' } },
    });
    expect(builtIn.status).toBe(409);
    const invalid = await api('POST', '/admin/templates', { token: admin, json: { definition: { id: 'x' } } });
    expect([invalid.status, invalid.json.code]).toEqual([422, 'template-invalid']);
    const list = await api('GET', '/admin/templates', { token: admin });
    expect(list.json.templates).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'motesplatser', builtIn: false, comment: 'ny mall' })]),
    );
  });

  it('kansliet chooses it in Mallar; a party downloads it and submits like a built-in one', async () => {
    const xlsx = await editSettings(await download(2024), [
      { table: 'mallar', row: 'motesplatser', column: 'used', value: 'Ja' },
    ]);
    const res = await upload(2024, xlsx);
    expect(res.status).toBe(201);
    // Choosing the template also brings its headline figures' targets onto Mål.
    expect(res.json.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: 'Mallar', row: 'motesplatser (Mötesplatser)', after: 'Ja' }),
        expect.objectContaining({
          sheet: 'Mål',
          row: 'motesplatser.andel_positiv (Andel positiv lösning)',
          change: 'added',
        }),
      ]),
    );
    const active = (await api('GET', `${base}/settings?year=2024`, { token: kansli })).json.active.version;
    expect((await activate(2024, res.json.version.version, active, { fromHistory: true })).status).toBe(200);
    const reporter = await auth.token({ forbund: 'umearegionen', party: 'umea', role: 'reporter' });
    const file = await api('GET', `${base}/templates/motesplatser/workbook?period=2024T2&scope=vuxentorget`, {
      token: reporter,
    });
    expect(file.status).toBe(200);
    const sent = await sendFill(
      stack.apiUrl,
      reporter,
      'umearegionen',
      definition,
      { period: '2024T2', scope: 'vuxentorget' },
      9,
    );
    expect(sent.status).toBe(201);
    // It consolidates by its own definition: its sheets are in the report.
    const consolidated = await api('POST', `${base}/consolidate`, {
      token: kansli,
      json: { period: '2024T2', variant: 'internal', basis: 'latest' },
    });
    expect(consolidated.status).toBe(201);
    const report = (await api('GET', `${base}/reports/${consolidated.json.report.id}`, { token: kansli })).bytes;
    const workbook = await openWorkbook(report);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining([expect.stringMatching(/Mötesplatser$/)]),
    );
  });
});
