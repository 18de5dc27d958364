/**
 * Azure Storage connection strings, parsed just far enough to validate them at start-up and
 * to know which endpoints they point at. The SDKs parse them again themselves; this module
 * exists so a typo fails with a named setting instead of deep inside the first request.
 */

/** The fixed account and key every Azurite instance accepts (documented publicly by Microsoft). */
export const azuriteAccountName = 'devstoreaccount1';
export const azuriteAccountKey =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface AzuriteEndpoints {
  host: string;
  blobPort: number;
  queuePort: number;
  tablePort: number;
}

/** Azurite's standard ports, the ones `UseDevelopmentStorage=true` means. */
export const standardAzuriteEndpoints: AzuriteEndpoints = {
  host: '127.0.0.1',
  blobPort: 10000,
  queuePort: 10001,
  tablePort: 10002,
};

/** The explicit connection string for an Azurite instance listening on the given ports. */
export function azuriteConnectionString(endpoints: AzuriteEndpoints = standardAzuriteEndpoints): string {
  const base = (port: number) => `http://${endpoints.host}:${port}/${azuriteAccountName}`;
  return (
    [
      'DefaultEndpointsProtocol=http',
      `AccountName=${azuriteAccountName}`,
      `AccountKey=${azuriteAccountKey}`,
      `BlobEndpoint=${base(endpoints.blobPort)}`,
      `QueueEndpoint=${base(endpoints.queuePort)}`,
      `TableEndpoint=${base(endpoints.tablePort)}`,
    ].join(';') + ';'
  );
}

export interface StorageEndpoints {
  blob: string;
  queue: string;
  table: string;
}

export type ParsedConnectionString =
  | {
      ok: true;
      /** What to hand the SDKs: `UseDevelopmentStorage=true` expanded, anything else as given. */
      connectionString: string;
      endpoints: StorageEndpoints;
      isDevelopmentStorage: boolean;
    }
  | { ok: false; reason: string };

/** Splits `Key=Value;Key=Value` (values may themselves contain `=`, e.g. base64 keys). */
function splitPairs(connectionString: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const part of connectionString.split(';')) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const eq = trimmed.indexOf('=');
    if (eq <= 0) continue;
    // Keys are case-insensitive in Azure's own parsers.
    pairs.set(trimmed.slice(0, eq).toLowerCase(), trimmed.slice(eq + 1));
  }
  return pairs;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Checks that a connection string names an account, a credential and reachable Blob, Queue
 * and Table endpoints. `UseDevelopmentStorage=true` resolves to Azurite on its standard ports.
 */
export function parseConnectionString(connectionString: string): ParsedConnectionString {
  const pairs = splitPairs(connectionString);
  if (pairs.get('usedevelopmentstorage')?.toLowerCase() === 'true') {
    // Expanded here so both SDKs see the same explicit endpoints.
    return parseConnectionString(azuriteConnectionString());
  }
  const account = pairs.get('accountname');
  const hasCredential = pairs.has('accountkey') || pairs.has('sharedaccesssignature');
  if (!hasCredential) {
    return { ok: false, reason: 'needs AccountKey or SharedAccessSignature (or UseDevelopmentStorage=true)' };
  }
  if (pairs.has('accountkey') && !account) {
    return { ok: false, reason: 'has AccountKey but no AccountName' };
  }
  const protocol = pairs.get('defaultendpointsprotocol') ?? 'https';
  const suffix = pairs.get('endpointsuffix') ?? 'core.windows.net';
  const derived = (service: string) => (account ? `${protocol}://${account}.${service}.${suffix}` : undefined);
  const blob = pairs.get('blobendpoint') ?? derived('blob');
  const queue = pairs.get('queueendpoint') ?? derived('queue');
  const table = pairs.get('tableendpoint') ?? derived('table');
  if (!blob || !queue || !table) {
    return { ok: false, reason: 'needs AccountName or explicit BlobEndpoint, QueueEndpoint and TableEndpoint' };
  }
  for (const [name, url] of [
    ['BlobEndpoint', blob],
    ['QueueEndpoint', queue],
    ['TableEndpoint', table],
  ] as const) {
    if (!isHttpUrl(url)) return { ok: false, reason: `${name} is not an http(s) URL` };
  }
  return {
    ok: true,
    connectionString,
    isDevelopmentStorage: account === azuriteAccountName,
    endpoints: { blob, queue, table },
  };
}

/** Host names that never leave the machine, or stand for "any address" on it. */
function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host === 'host.docker.internal') return true;
  if (host === '::1' || host === '::' || host === '0:0:0:0:0:0:0:1' || host === '0.0.0.0') return true;
  // An IPv4-mapped address, which URL writes in hex (::ffff:7f00:1 for 127.0.0.1).
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  const word = (h: string) => {
    const n = Number.parseInt(h, 16);
    return `${n >> 8}.${n & 255}`;
  };
  const v4 = hex ? `${word(hex[1]!)}.${word(hex[2]!)}` : host.replace(/^::ffff:/, '');
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4) || /^0\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/**
 * Why an endpoint cannot be production storage, or undefined when it can: a loopback or
 * "any" address (IPv4-mapped ones too), a local name, plain http (an emulator speaks it;
 * Azure Storage is reached over https), or Azurite's account in the path. Checked in
 * production for service URIs and connection strings alike, on top of the account name, so a
 * connection string with a SAS and a loopback endpoint is refused too.
 */
export function notProductionEndpoint(endpoint: string): string | undefined {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'is not a URL';
  }
  if (isLocalHost(url.hostname)) return `names this machine (${url.hostname})`;
  if (url.protocol !== 'https:') return 'is not https';
  if (url.pathname.split('/').includes(azuriteAccountName))
    return `names the emulator's account (${azuriteAccountName})`;
  return undefined;
}
