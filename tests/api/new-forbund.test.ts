/**
 * A new förbund is data only. An administrator sends a settings document (JSON) for a förbund
 * none of whose ids — förbund, parties, kommuner, platforms, group — Samlad's code or shipped
 * configuration knows (tests/checks/configured-ids.test.ts keeps product code from naming the
 * shipped ones), through the local host and Azurite, with no restart: a bad document is refused
 * with findings naming the cells of the Inställningar workbook and nothing stored; the good one
 * is activated; the dev login lists it; its reporters submit (late by its own last day); its
 * kansli sees them and consolidates by its own platforms, group and targets; each förbund's
 * kansli stays in its own.
 */
import { forbundListAnswerSchema } from '../../shared/api';
import { deltagareAvslut } from '../../shared/config/templates/deltagare-avslut';
import type { ForbundConfigInput } from '../../shared/model/forbund-schema';
import { summaryTarget } from '../support/settings-workbook';
import { startTestStack, type TestStack } from '../support/test-stack';
import { openWorkbook } from '../support/workbook-rows';
import { call, devAuth, sendFill } from './api-client';

const auth = devAuth();
let stack: TestStack;
let admin: string;
const api = (method: string, path: string, options?: Parameters<typeof call>[3]) =>
  call(stack.apiUrl, method, path, options);

const id = 'nedre-dalalven';
const base = `/forbund/${id}`;
const party = (pid: string, name: string, kind: string, kommunkod?: string) => ({
  id: pid,
  name,
  kind: kind as 'af',
  ...(kommunkod ? { kommunkod } : {}),
  fundingMember: kind !== 'af',
});
const document = (shares: Record<string, number>): ForbundConfigInput => ({
  id,
  name: 'Samordningsförbundet Nedre Dalälven',
  shortName: 'Nedre Dalälven',
  parties: [
    party('arbetsformedlingen', 'Arbetsförmedlingen', 'af'),
    party('forsakringskassan', 'Försäkringskassan', 'fk'),
    party('region-gavleborg', 'Region Gävleborg', 'region'),
    party('sandviken', 'Sandvikens kommun', 'kommun', '2181'),
    party('hofors', 'Hofors kommun', 'kommun', '2104'),
  ],
  platforms: [
    { id: 'steget', name: 'Steget Sandviken', reportedBy: ['sandviken'] },
    { id: 'bron', name: 'Bron Hofors', reportedBy: ['hofors', 'arbetsformedlingen'] },
  ],
  platformGroups: [{ id: 'dalalvsteamen', name: 'Dalälvsteamen', platforms: ['steget', 'bron'] }],
  templates: ['deltagare-avslut'],
  years: {
    '2024': {
      populationShares: shares,
      targets: { 'deltagare-avslut.andel_positiv': { comparator: 'gte', value: 65 } },
      deadlines: { '2024T1': '2024-05-31' },
    },
  },
});

/** A reporter of the förbund sends a consistent fill of deltagare-avslut. */
const send = (token: string, target: { period: string; scope: string }, seed: number) =>
  sendFill(stack.apiUrl, token, id, deltagareAvslut, target, seed);

beforeAll(async () => {
  stack = await startTestStack({ env: { ...auth.env, CONSOLIDATE_SYNC_MS: '60000' } });
  admin = await auth.token({ role: 'admin' });
}, 60_000);
afterAll(() => stack?.stop());

describe('a new förbund is data only', () => {
  it('a document whose shares leave 100 % is refused, naming the share cells; nothing is stored', async () => {
    const res = await api('POST', `${base}/settings/2024/versions`, {
      token: admin,
      json: { document: document({ sandviken: 70, hofors: 20 }), comment: 'Nytt förbund' },
    });
    expect(res.status).toBe(422);
    expect(res.json.code).toBe('settings-invalid');
    expect(res.json.details.findings).toEqual([
      expect.objectContaining({ code: 'shares-total', severity: 'fel', sheet: 'Parter och kommuner' }),
    ]);
    expect(res.json.details.findings[0].cell).toMatch(/^'Parter och kommuner'!F\d+:F\d+$/);
    const overview = await api('GET', `${base}/settings?year=2024`, { token: admin });
    expect(overview.status).toBe(200);
    expect(overview.json).toMatchObject({ active: null, versions: [] });
  });

  it('the document is stored, activated, and the dev login lists the förbund with its parties', async () => {
    const stored = await api('POST', `${base}/settings/2024/versions`, {
      token: admin,
      json: { document: document({ sandviken: 77.5, hofors: 22.5 }), comment: 'Nytt förbund' },
    });
    expect(stored.status).toBe(201);
    expect(stored.json).toMatchObject({ outcome: 'stored', version: { version: 1 }, active: null });
    const activated = await api('POST', `${base}/settings/2024/activate`, {
      token: admin,
      json: { version: 1, expectedActive: null },
    });
    expect(activated.status).toBe(200);
    const listed = forbundListAnswerSchema.parse((await api('GET', '/dev/forbund')).json);
    const mine = listed.forbund.find((f) => f.id === id);
    expect(mine?.parties.map((p) => p.id)).toEqual([
      'arbetsformedlingen',
      'forsakringskassan',
      'region-gavleborg',
      'sandviken',
      'hofors',
    ]);
  });

  it('its reporters submit for their platforms and its kansli sees both, late by its own last day', async () => {
    const sandviken = await auth.token({ forbund: id, party: 'sandviken', role: 'reporter' });
    const hofors = await auth.token({ forbund: id, party: 'hofors', role: 'reporter' });
    expect((await send(sandviken, { period: '2024T1', scope: 'steget' }, 11)).status).toBe(201);
    expect((await send(hofors, { period: '2024T1', scope: 'bron' }, 12)).status).toBe(201);
    // A reporter submits only for the platforms its party reports for.
    expect((await send(sandviken, { period: '2024T1', scope: 'bron' }, 13)).status).toBe(403);
    const kansli = await auth.token({ forbund: id, role: 'kansli' });
    const status = await api('GET', `${base}/status?period=2024T1`, { token: kansli });
    expect(status.status).toBe(200);
    expect(status.json.rows.map((r: { scope: string; state: string }) => `${r.scope} ${r.state}`).sort()).toEqual([
      'bron inskickad',
      'steget inskickad',
    ]);
    // The year's last day is the förbund's default: past it a submission is taken, marked late.
    expect(status.json).toMatchObject({ deadline: null, defaultDeadline: '2024-05-31T23:59:59.999Z' });
    expect(status.json.rows.map((r: { late?: boolean }) => r.late)).toEqual([true, true]);
    const owed = await api('GET', `${base}/obligations?year=2024`, { token: sandviken });
    // Where the year's settings give no last day, TERTIAL_DEADLINE_DAYS (15) after the tertial.
    expect(
      owed.json.periods.map((p: { period: string; deadline: string; deadlineSet: boolean }) => [
        p.period,
        p.deadline,
        p.deadlineSet,
      ]),
    ).toEqual([
      ['2024T1', '2024-05-31T23:59:59.999Z', false],
      ['2024T2', '2024-09-15T23:59:59.999Z', false],
      ['2024T3', '2025-01-15T23:59:59.999Z', false],
    ]);
  });

  it('its kansli consolidates: its group and platforms, its own target, its settings version', async () => {
    const kansli = await auth.token({ forbund: id, role: 'kansli' });
    const made = await api('POST', `${base}/consolidate`, {
      token: kansli,
      json: { period: '2024T1', variant: 'internal', basis: 'latest' },
    });
    expect(made.status).toBe(201);
    const report = (await api('GET', `${base}/reports/${made.json.report.id}`, { token: kansli })).bytes;
    expect(await summaryTarget(report, 'Dalälvsteamen', 'Andel positiv lösning')).toBe('≥ 65 %');
    const workbook = await openWorkbook(report);
    const tabs = workbook.worksheets.map((w) => w.name);
    for (const name of ['Dalälvsteamen', 'Steget Sandviken', 'Bron Hofors'])
      expect(tabs).toEqual(expect.arrayContaining([expect.stringContaining(name)]));
    const about: string[] = [];
    workbook.getWorksheet('Om rapporten')!.eachRow((row) => about.push(row.values!.toString()));
    expect(about.join('\n')).toContain(`${id} 2024, version 1`);
  });

  it("each förbund's kansli stays in its own", async () => {
    const kansli = await auth.token({ forbund: id, role: 'kansli' });
    const other = await auth.token({ forbund: 'umearegionen', role: 'kansli' });
    expect((await api('GET', '/forbund/umearegionen/status?period=2024T1', { token: kansli })).status).toBe(403);
    expect((await api('GET', `${base}/status?period=2024T1`, { token: other })).status).toBe(403);
    expect((await api('GET', `${base}/settings?year=2024`, { token: other })).status).toBe(403);
  });
});
