import { startAzurite, type RunningAzurite } from '../../scripts/local-stack/azurite';
import { registry } from '../../shared/config/registry';
import { createStorageClients } from '../storage/clients';
import { TableConfigurationStore } from '../storage/table-configuration-store';
import { ConfigurationCache } from './configuration-cache';
import { canonicalDocument } from './document-hash';
import { initialContent } from './initial-content';
import type { ConfigurationRepository } from './repository';

/**
 * The store on Azurite, with every call counted (what the cache costs is what it asks of
 * storage), and a switch that makes it unreachable.
 */
function counted(store: () => ConfigurationRepository) {
  const calls: string[] = [];
  const state = { down: false };
  const repository = new Proxy({} as ConfigurationRepository, {
    get(_target, key) {
      const target = store();
      const value = Reflect.get(target, key) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(key));
        if (state.down) return Promise.reject(Object.assign(new Error('down'), { code: 'ECONNREFUSED' }));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { repository, calls, state, count: (name: string) => calls.filter((c) => c === name).length };
}

let azurite: RunningAzurite;
let store: TableConfigurationStore;
const kansli = { subject: 'k1', name: 'Kansliet', role: 'kansli' };

beforeAll(async () => {
  azurite = await startAzurite({ blobPort: 0, queuePort: 0, tablePort: 0 });
  const clients = createStorageClients(azurite.connectionString);
  store = new TableConfigurationStore(
    clients.tableClient('testcache'),
    clients.blobService.getContainerClient('test-cache'),
  );
});
afterAll(() => azurite.stop());

function cache(repository: ConfigurationRepository, clock: { now: number }) {
  return new ConfigurationCache(repository, {
    refreshMs: 5000,
    initial: initialContent,
    builtIn: registry.templates,
    now: () => clock.now,
  });
}

describe('the configuration cache', () => {
  const clock = { now: 0 };
  const a = counted(() => store);
  const b = counted(() => store);
  const first = cache(a.repository, clock);
  const second = cache(b.repository, clock);

  it('seeds an empty store and reads it once, however many requests arrive together', async () => {
    const snapshots = await Promise.all(Array.from({ length: 200 }, () => first.current()));
    expect(new Set(snapshots).size).toBe(1);
    expect(a.count('readCatalogue')).toBe(2); // empty, then after seeding
    expect(a.count('seed')).toBe(1);
    const umea = await snapshots[0]!.forbund('umearegionen', 2024);
    expect(umea?.settings).toMatchObject({ year: 2024, version: 1 });
    expect(umea?.forbund.years['2023']?.socialBudget).toBeDefined();
  });

  it('reads nothing between checks, and one stamp for everything that arrives when a check is due', async () => {
    const before = a.calls.length;
    clock.now = 4999;
    await Promise.all(Array.from({ length: 100 }, () => first.current()));
    expect(a.calls.length).toBe(before);
    clock.now = 5000;
    await Promise.all(Array.from({ length: 100 }, () => first.current()));
    expect(a.calls.slice(before)).toEqual(['readStamp']);
  });

  it("sees another instance's activation at its next check, reading only the new document", async () => {
    await second.current();
    const { json, sha256 } = canonicalDocument({
      ...(await (await second.current()).yearDocument('umearegionen', 2024)),
      name: 'Samordningsförbundet Umeåregionen (nytt namn)',
    });
    await store.putDocument(sha256, json);
    const version = await store.addVersion({
      forbund: 'umearegionen',
      year: 2024,
      sha256,
      basedOn: 1,
      source: 'json',
      createdBy: kansli,
    });
    await store.activate(version, 1, kansli);
    second.invalidate();
    expect((await (await second.current()).forbund('umearegionen', 2024))?.forbund.name).toMatch(/nytt namn/);

    const before = a.calls.length;
    expect((await (await first.current()).forbund('umearegionen', 2024))?.forbund.name).not.toMatch(/nytt namn/);
    clock.now = 10_000;
    const next = await first.current();
    expect((await next.forbund('umearegionen', 2024))?.forbund.name).toMatch(/nytt namn/);
    expect(a.calls.slice(before)).toEqual(['readStamp', 'readCatalogue', 'readDocument']);
  });

  it('keeps serving what it has when storage cannot be reached, and checks again after the interval', async () => {
    const served = await first.current();
    a.state.down = true;
    clock.now = 20_000;
    expect(await first.current()).toBe(served);
    const before = a.calls.length;
    clock.now = 24_999;
    expect(await first.current()).toBe(served);
    expect(a.calls.length).toBe(before);
    a.state.down = false;
  });

  it('without any snapshot yet, an unreachable store is an error for the request (a 503 at the API)', async () => {
    const cold = counted(() => store);
    cold.state.down = true;
    await expect(cache(cold.repository, { now: 0 }).current()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
