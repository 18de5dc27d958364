import type {
  Actor,
  AuditEvent,
  CurrentSubmission,
  NewSubmission,
  PeriodSettings,
  StoredReceipt,
  SeriesKey,
  StoredSubmission,
  SubmissionState,
  SubmissionVersion,
} from './model';

/** Thrown when the version named is not the current one (someone resubmitted meanwhile). */
export class NotCurrentError extends Error {
  override name = 'NotCurrentError';
  constructor(readonly currentVersion: number | undefined) {
    super(`not the current version (current: ${currentVersion ?? 'none'})`);
  }
}

/**
 * Everything the handlers need from storage. One implementation talks to Azure Table storage
 * (Azurite locally); handlers never touch the SDK.
 */
export interface SubmissionRepository {
  /**
   * Stores a new immutable version and moves the current pointer to it, or — when the content
   * hash equals the current version's — returns the existing receipt and stores nothing new.
   * A series kansliet returned takes the same content as a new version (the reporter's answer).
   * `admit` sees the period's settings as read together with the pointer (on every attempt) and
   * throws to refuse, so a period locked while a submission retries is still refused; it says
   * whether the submission is late by those settings.
   */
  submit(
    submission: NewSubmission,
    admit?: (period: PeriodSettings) => { late: boolean },
  ): Promise<{ receipt: StoredReceipt; created: boolean }>;
  /** The series' current version, or undefined when it has none. */
  getCurrent(forbund: string, period: string, key: SeriesKey): Promise<CurrentSubmission | undefined>;
  listCurrent(forbund: string, period: string): Promise<CurrentSubmission[]>;
  listVersions(forbund: string, period: string): Promise<SubmissionVersion[]>;
  getVersion(forbund: string, period: string, key: SeriesKey, version: number): Promise<StoredSubmission | undefined>;
  /** Approves or returns the current version; NotCurrentError if `version` is not current. */
  transition(
    forbund: string,
    period: string,
    key: SeriesKey,
    version: number,
    to: Exclude<SubmissionState, 'inskickad'>,
    actor: Actor,
    comment?: string,
  ): Promise<CurrentSubmission>;
  getPeriod(forbund: string, period: string): Promise<PeriodSettings>;
  /**
   * Sets the period's deadline and lock. Locking is a guarantee: once this resolves, no
   * submission is stored in the period — one that read the period before the lock either
   * committed before this resolved or is refused on its retry. `fence` names every report that
   * could still be submitted for the first time (reports already stored are fenced anyway).
   */
  putPeriod(
    forbund: string,
    period: string,
    settings: Omit<PeriodSettings, 'updatedAt'>,
    actor: Actor,
    fence?: readonly SeriesKey[],
  ): Promise<PeriodSettings>;
  listAudit(forbund: string, period: string): Promise<AuditEvent[]>;
  /** Appends an audit event for something outside the submission workflow (a report written). */
  recordAudit(forbund: string, period: string, event: AuditEvent): Promise<void>;
}
