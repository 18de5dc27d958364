/**
 * Types for the Azurite internals used to run it in-process. Azurite ships no declarations
 * for its deep modules, and their constructors take positional arguments that may change
 * between versions: package.json pins azurite to an exact version for that reason.
 * Checked against azurite 3.35.0 (dist/src/{table,blob,queue}/*Configuration.js).
 */

declare module 'azurite/dist/src/common/ServerBase' {
  export default abstract class ServerBase {
    start(): Promise<void>;
    close(): Promise<void>;
    /** e.g. "http://127.0.0.1:10002" */
    getHttpServerAddress(): string;
    /**
     * Protected in Azurite's sources: closes the metadata stores that start() opened. Called
     * after a failed start(), where close() refuses to run and the stores' autosave timers
     * would otherwise keep the process alive.
     */
    afterClose(): Promise<void>;
  }
}

declare module 'azurite/dist/src/table/TableConfiguration' {
  export default class TableConfiguration {
    constructor(
      host?: string,
      port?: number,
      keepAliveTimeout?: number,
      metadataDBPath?: string,
      enableDebugLog?: boolean,
      enableAccessLog?: boolean,
      accessLogWriteStream?: NodeJS.WritableStream,
      debugLogFilePath?: string,
      loose?: boolean,
      skipApiVersionCheck?: boolean,
      cert?: string,
      key?: string,
      pwd?: string,
      oauth?: string,
      disableProductStyleUrl?: boolean,
      isMemoryPersistence?: boolean,
    );
  }
}

declare module 'azurite/dist/src/table/TableServer' {
  import ServerBase from 'azurite/dist/src/common/ServerBase';
  import TableConfiguration from 'azurite/dist/src/table/TableConfiguration';
  export default class TableServer extends ServerBase {
    constructor(configuration: TableConfiguration);
  }
}

declare module 'azurite/dist/src/blob/BlobConfiguration' {
  export interface PersistenceLocation {
    locationId: string;
    locationPath: string;
    maxConcurrency: number;
  }
  /** The positional arguments of BlobConfiguration and QueueConfiguration alike. */
  export type ExtentServiceArguments = [
    host?: string,
    port?: number,
    keepAliveTimeout?: number,
    metadataDBPath?: string,
    extentDBPath?: string,
    persistencePathArray?: PersistenceLocation[],
    enableAccessLog?: boolean,
    accessLogWriteStream?: NodeJS.WritableStream,
    enableDebugLog?: boolean,
    debugLogFilePath?: string,
    loose?: boolean,
    skipApiVersionCheck?: boolean,
    cert?: string,
    key?: string,
    pwd?: string,
    oauth?: string,
    disableProductStyleUrl?: boolean,
    isMemoryPersistence?: boolean,
  ];
  export default class BlobConfiguration {
    constructor(...args: ExtentServiceArguments);
  }
}

declare module 'azurite/dist/src/blob/BlobServer' {
  import ServerBase from 'azurite/dist/src/common/ServerBase';
  import BlobConfiguration from 'azurite/dist/src/blob/BlobConfiguration';
  export default class BlobServer extends ServerBase {
    constructor(configuration: BlobConfiguration);
  }
}

declare module 'azurite/dist/src/queue/QueueConfiguration' {
  import type { ExtentServiceArguments } from 'azurite/dist/src/blob/BlobConfiguration';
  export default class QueueConfiguration {
    constructor(...args: ExtentServiceArguments);
  }
}

declare module 'azurite/dist/src/queue/QueueServer' {
  import ServerBase from 'azurite/dist/src/common/ServerBase';
  import QueueConfiguration from 'azurite/dist/src/queue/QueueConfiguration';
  export default class QueueServer extends ServerBase {
    constructor(configuration: QueueConfiguration);
  }
}
