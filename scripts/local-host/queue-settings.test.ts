import {
  applyHostJsonOverrides,
  defaultQueueSettings,
  parseTimeSpan,
  queueSettingsFrom,
  queuesSchema,
} from './queue-settings';

describe('parseTimeSpan', () => {
  it.each([
    ['00:00:02', 2000],
    ['00:01:00', 60_000],
    ['01:00:00', 3_600_000],
    ['1.00:00:00', 86_400_000],
    ['00:00:00.5', 500],
    ['00:00:30.250', 30_250],
  ])('%s → %d ms', (value, ms) => expect(parseTimeSpan(value)).toBe(ms));

  it.each(['2s', '2000', '00:02', ''])('refuses %j', (value) => expect(parseTimeSpan(value)).toBeUndefined());
});

describe('queueSettingsFrom', () => {
  it("uses the extension's defaults", () => {
    expect(queueSettingsFrom(undefined)).toEqual(defaultQueueSettings);
    expect(defaultQueueSettings).toMatchObject({ maxDequeueCount: 5, batchSize: 16, messageEncoding: 'base64' });
  });

  it('halves the batch size for the default new-batch threshold', () => {
    expect(queueSettingsFrom(queuesSchema.parse({ batchSize: 5 }))).toMatchObject({
      batchSize: 5,
      newBatchThreshold: 2,
    });
  });

  it('reads the repository host.json values', () => {
    const settings = queueSettingsFrom(
      queuesSchema.parse({ maxPollingInterval: '00:00:02', visibilityTimeout: '00:00:30', maxDequeueCount: '3' }),
    );
    expect(settings).toMatchObject({ maxPollingIntervalMs: 2000, visibilityTimeoutMs: 30_000, maxDequeueCount: 3 });
  });

  it('names a bad value', () => {
    const parsed = queuesSchema.safeParse({ visibilityTimeout: '30s', batchSize: 64 });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['batchSize', 'visibilityTimeout']);
  });
});

describe('applyHostJsonOverrides', () => {
  it('replaces host.json values from AzureFunctionsJobHost__ settings, in any case, leaving the file alone', () => {
    const hostJson = { version: '2.0', extensions: { queues: { maxDequeueCount: 5 } } };
    const env = {
      AzureFunctionsJobHost__extensions__queues__MAXDEQUEUECOUNT: '2',
      azurefunctionsjobhost__extensions__queues__visibilityTimeout: '00:00:01',
      OTHER: 'x',
    };
    expect(applyHostJsonOverrides(hostJson, env)).toEqual({
      version: '2.0',
      extensions: { queues: { maxDequeueCount: '2', visibilityTimeout: '00:00:01' } },
    });
    expect(hostJson.extensions.queues.maxDequeueCount).toBe(5);
  });
});
