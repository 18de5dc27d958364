import { startAzurite, type RunningAzurite } from '../../scripts/local-stack/azurite';
import { canonicalDocument } from '../configuration/document-hash';
import { initialContent, SEED_ACTOR } from '../configuration/initial-content';
import { ActivationConflict, TemplateVersionTaken } from '../configuration/repository';
import { createStorageClients } from './clients';
import { TableConfigurationStore } from './table-configuration-store';

let azurite: RunningAzurite;
let store: TableConfigurationStore;
let other: TableConfigurationStore;
const kansli = { subject: 'k1', name: 'Kansliet', role: 'kansli' };

beforeAll(async () => {
  azurite = await startAzurite({ blobPort: 0, queuePort: 0, tablePort: 0 });
  const clients = createStorageClients(azurite.connectionString);
  const make = () =>
    new TableConfigurationStore(
      clients.tableClient('testconfig'),
      clients.blobService.getContainerClient('test-config'),
    );
  store = make();
  other = make();
});
afterAll(() => azurite.stop());

describe('the configuration store in Table and Blob storage', () => {
  it('is seeded once, even by two instances at once: an active first version per förbund and year', async () => {
    expect(await store.readCatalogue()).toBeUndefined();
    const initial = initialContent();
    await Promise.all([store.seed(initial, SEED_ACTOR), other.seed(initial, SEED_ACTOR)]);
    const catalogue = await store.readCatalogue();
    expect(catalogue?.pointers.map((p) => `${p.forbund} ${p.year} v${p.version}`).sort()).toEqual(
      initial.versions.map((v) => `${v.forbund} ${v.year} v1`).sort(),
    );
    expect(await store.listVersions('umearegionen', 2024)).toEqual([
      expect.objectContaining({ version: 1, source: 'seed', basedOn: null, createdBy: SEED_ACTOR }),
    ]);
    const pointer = catalogue!.pointers.find((p) => p.forbund === 'umearegionen' && p.year === 2024)!;
    expect(await store.readDocument(pointer.sha256)).toMatchObject({ id: 'umearegionen', years: { '2024': {} } });
  });

  it('numbers versions without gaps when two uploads arrive at once', async () => {
    const { json, sha256 } = canonicalDocument({ test: 1 });
    await Promise.all([store.putDocument(sha256, json), other.putDocument(sha256, json)]);
    const version = {
      forbund: 'umearegionen',
      year: 2024,
      sha256,
      basedOn: 1,
      source: 'xlsx' as const,
      createdBy: kansli,
    };
    const added = await Promise.all([store.addVersion(version), other.addVersion(version), store.addVersion(version)]);
    expect(added.map((v) => v.version).sort()).toEqual([2, 3, 4]);
  });

  it('moves the active version under its ETag: of two activations from one state, one wins', async () => {
    const before = await store.readStamp();
    const versions = await store.listVersions('umearegionen', 2024);
    const results = await Promise.allSettled([
      store.activate(versions[1]!, 1, kansli),
      other.activate(versions[2]!, 1, kansli),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ActivationConflict);
    expect((refused.reason as ActivationConflict).current?.version).toBeGreaterThan(1);
    expect(await store.readStamp()).not.toBe(before);
    await expect(store.activate(versions[3]!, 1, kansli)).rejects.toBeInstanceOf(ActivationConflict);
  });

  it('stores a template version once; the same version again is refused with what is stored', async () => {
    const template = {
      id: 'motesplatser',
      version: 1,
      sha256: 'a'.repeat(64),
      createdAt: '2024-12-01T00:00:00.000Z',
      createdBy: kansli,
    };
    await store.addTemplate(template);
    await expect(other.addTemplate({ ...template, sha256: 'b'.repeat(64) })).rejects.toBeInstanceOf(
      TemplateVersionTaken,
    );
    expect((await store.readCatalogue())?.templates).toEqual([template]);
  });
});
