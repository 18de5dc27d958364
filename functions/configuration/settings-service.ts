import type { SettingsProposalAnswer, SettingsVersion } from '../../shared/api/settings';
import { periodsOfYear } from '../../shared/model/period';
import {
  blankDocument,
  canonicalPlaces,
  diffSettings,
  documentForYear,
  IDENTITY,
  locateFindings,
  proposalFromDocument,
  proposalFromWorkbook,
  renderSettingsFinding,
  settingsHasErrors,
  structureYear,
  type PathFinding,
  type Proposal,
  type RawSettingsWorkbook,
  type SettingsDocument,
  type SettingsFinding,
} from '../../shared/settings';
import { ApiError, conflict, notFound } from '../api/api-error';
import type { Actor } from '../submissions/model';
import type { SubmissionRepository } from '../submissions/repository';
import { canonicalDocument } from './document-hash';
import {
  ActivationConflict,
  type ActivePointer,
  type ConfigurationRepository,
  type NewSettingsVersion,
} from './repository';
import type { ConfigurationSnapshot } from './snapshot';

/** What a settings request works on: one förbund's one year, in the store and as the cache has it. */
export interface SettingsScope {
  store: ConfigurationRepository;
  snapshot: ConfigurationSnapshot;
  submissions: SubmissionRepository;
  forbundId: string;
  year: number;
}

/** An upload: an *Inställningar* file or the open workbook's areas, or a document as JSON. */
export type SettingsUpload =
  | { kind: 'xlsx' | 'workbook'; raw: RawSettingsWorkbook }
  | { kind: 'json' | 'copy'; document: unknown; basedOn?: number };

/**
 * The document the year has now: its own active one, or — for a year without — the parties,
 * platforms and templates of the year they carry on from, with no settings of the year's own.
 */
export async function servingDocument(
  scope: Pick<SettingsScope, 'snapshot' | 'forbundId' | 'year'>,
): Promise<{ document: SettingsDocument; own: boolean } | undefined> {
  const { snapshot, forbundId, year } = scope;
  const own = await snapshot.yearDocument(forbundId, year);
  if (own) return { document: own, own: true };
  const from = structureYear(snapshot.years(forbundId), year);
  const carried = from === undefined ? undefined : await snapshot.yearDocument(forbundId, from);
  return carried ? { document: { ...documentForYear(carried, year), years: { [year]: {} } }, own: false } : undefined;
}

/** A stored version's document, as the year it belongs to. */
async function versionDocument(scope: SettingsScope, version: number): Promise<SettingsDocument | undefined> {
  const stored = (await scope.store.listVersions(scope.forbundId, scope.year)).find((v) => v.version === version);
  if (!stored) return undefined;
  return (await scope.snapshot.documentOf(stored.sha256)) as SettingsDocument;
}

function fileVersion(raw: RawSettingsWorkbook): number | null {
  const cell = raw.get(IDENTITY.version)?.cells[0]?.[0];
  return cell?.kind === 'value' && typeof cell.raw === 'number' && Number.isInteger(cell.raw) ? cell.raw : null;
}

/** Scopes, parties and templates the year's stored submissions use, with how many use each. */
async function inUse(scope: SettingsScope): Promise<Map<string, number>> {
  const periods = [
    ...periodsOfYear(scope.year, 'year'),
    ...periodsOfYear(scope.year, 'halfyear'),
    ...periodsOfYear(scope.year, 'tertial'),
  ];
  const lists = await Promise.all(periods.map((p) => scope.submissions.listCurrent(scope.forbundId, p.id)));
  const counts = new Map<string, number>();
  const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const s of lists.flat()) {
    count(`scope:${s.scope}`);
    count(`party:${s.party}`);
    count(`template:${s.templateId}`);
  }
  return counts;
}

/**
 * Platforms, kommuner, parties and templates the new document drops while the year's stored
 * submissions still use them: the submissions would lose what they are for.
 */
async function removedInUse(
  scope: SettingsScope,
  before: SettingsDocument | undefined,
  after: SettingsDocument,
): Promise<PathFinding[]> {
  if (!before) return [];
  const gone = <T extends { id: string }>(a: readonly T[], b: readonly T[]) =>
    a.filter((x) => !b.some((y) => y.id === x.id));
  const platforms = gone(before.platforms, after.platforms);
  const parties = gone(before.parties, after.parties);
  const templates = before.templates.filter((t) => !after.templates.includes(t));
  if (platforms.length + parties.length + templates.length === 0) return [];
  const counts = await inUse(scope);
  const findings: PathFinding[] = [];
  const add = (path: string, kind: string, id: string, name: string, count: number | undefined) => {
    if (count)
      findings.push({
        code: 'scope-in-use',
        severity: 'fel',
        path: [path],
        params: { kind, id, name, count, year: scope.year },
      });
  };
  for (const p of platforms) add('platforms', 'Plattformen', p.id, p.name, counts.get(`scope:${p.id}`));
  for (const p of parties)
    add(
      'parties',
      p.kind === 'kommun' ? 'Kommunen' : 'Parten',
      p.id,
      p.name,
      (counts.get(`scope:${p.id}`) ?? 0) + (counts.get(`party:${p.id}`) ?? 0),
    );
  for (const id of templates) {
    const count = counts.get(`template:${id}`);
    if (count)
      findings.push({
        code: 'template-in-use',
        severity: 'fel',
        path: ['templates'],
        params: { id, count, year: scope.year },
      });
  }
  return findings;
}

export const rendered = (findings: readonly SettingsFinding[]) =>
  findings.map((f) => ({ ...f, message: renderSettingsFinding(f) }));

/** Reads an upload into a proposal, starting from the version the file says it was made from. */
async function readUpload(
  scope: SettingsScope,
  upload: SettingsUpload,
  serving: SettingsDocument | undefined,
): Promise<Proposal> {
  const expected = { forbund: scope.forbundId, year: scope.year, forbundName: (id: string) => id };
  const context = { templates: scope.snapshot.templates };
  if ('document' in upload) return proposalFromDocument(upload.document, expected, context);
  const basedOn = fileVersion(upload.raw);
  const base = (basedOn !== null ? await versionDocument(scope, basedOn) : undefined) ?? serving;
  return proposalFromWorkbook(upload.raw, expected, () => base ?? blankDocument(scope.forbundId, scope.year), context);
}

/**
 * Checks an upload and, when it has no errors, stores it as the year's next version — not active:
 * activating is the explicit second call. The answer lists the findings and what would change
 * against the version active now; an upload equal to a stored version stores nothing. Errors are
 * a 422 whose details hold the findings and changes, and nothing is stored.
 */
export async function proposeSettings(
  scope: SettingsScope,
  upload: SettingsUpload,
  actor: Actor,
  comment: string | undefined,
): Promise<{ status: 200 | 201; answer: SettingsProposalAnswer }> {
  const serving = await servingDocument(scope);
  const proposal = await readUpload(scope, upload, serving?.document);
  const active = scope.snapshot.pointer(scope.forbundId, scope.year);
  if (proposal.kind === 'refused')
    throw new ApiError(422, 'settings-refused', renderSettingsFinding(proposal.findings[0]!), {
      details: { findings: rendered(proposal.findings), changes: [] },
    });
  const removed = locateFindings(await removedInUse(scope, serving?.document, proposal.document), proposal.places);
  const findings = [...proposal.findings, ...removed];
  const changes = diffSettings(serving?.document, proposal.document, {
    templates: scope.snapshot.templates,
    year: scope.year,
  });
  if (settingsHasErrors(findings))
    throw new ApiError(
      422,
      'settings-invalid',
      'Inställningarna innehåller fel. Rätta cellerna i listan och ladda upp igen; inget har sparats.',
      { details: { findings: rendered(findings), changes } },
    );
  const { json, sha256 } = canonicalDocument(proposal.document);
  const versions = await scope.store.listVersions(scope.forbundId, scope.year);
  const same = versions.filter((v) => v.sha256 === sha256).at(-1);
  const answer = (version: SettingsVersion) => ({
    version,
    active: active?.version ?? null,
    findings: rendered(findings),
    changes,
  });
  if (same) return { status: 200, answer: { outcome: 'unchanged', ...answer(same) } };
  await scope.store.putDocument(sha256, json);
  const basedOn = 'document' in upload ? (upload.basedOn ?? active?.version ?? null) : proposal.basedOn;
  const version = await scope.store.addVersion({
    forbund: scope.forbundId,
    year: scope.year,
    sha256,
    basedOn,
    source: upload.kind,
    createdBy: actor,
    ...(comment ? { comment } : {}),
  } satisfies NewSettingsVersion);
  return { status: 201, answer: { outcome: 'stored', ...answer(version) } };
}

export function versionNotFound(year: number, version: number): ApiError {
  return notFound(`Version ${version} av inställningarna för ${year} finns inte.`);
}

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');
const who = (pointer: { activatedBy: Actor; activatedAt: string }) =>
  `${pointer.activatedBy.name ?? pointer.activatedBy.subject} ${when(pointer.activatedAt)}`;

/**
 * Makes a stored version the year's active one — the explicit second call after an upload, or a
 * rollback from the history. `expectedActive` is the version the caller saw active; if another
 * kansli activated since, this answers 409 and changes nothing. An upload made from a version
 * that is no longer active is refused too (it would undo the other's changes unseen), unless it
 * is chosen from the history on purpose.
 */
export async function activateSettings(
  scope: SettingsScope,
  request: { version: number; expectedActive: number | null; fromHistory: boolean },
  actor: Actor,
): Promise<ActivePointer> {
  const versions = await scope.store.listVersions(scope.forbundId, scope.year);
  const target = versions.find((v) => v.version === request.version);
  if (!target) throw versionNotFound(scope.year, request.version);
  if (!request.fromHistory && target.basedOn !== request.expectedActive && request.expectedActive !== null)
    throw conflict(
      'settings-stale',
      `Version ${target.version} bygger på version ${target.basedOn ?? 'ingen'}, ` +
        `men version ${request.expectedActive} ` +
        'är aktiv. Hämta inställningarna för den aktiva versionen, för in dina ändringar och ladda upp igen. ' +
        'Vill du ändå gå tillbaka till en tidigare version, gör det under Historik.',
    );
  // Submissions may have come since the upload was checked (or a rollback goes back past them).
  const document = await scope.snapshot.documentOf(target.sha256);
  const removed = await removedInUse(scope, (await servingDocument(scope))?.document, document);
  if (removed.length > 0) {
    const places = canonicalPlaces(document, { templates: scope.snapshot.templates, year: scope.year });
    const findings = rendered(locateFindings(removed, places));
    throw new ApiError(
      422,
      'settings-in-use',
      `Version ${target.version} kan inte aktiveras; inget har ändrats. ${findings[0]!.message}`,
      { details: { findings, changes: [] } },
    );
  }
  try {
    return await scope.store.activate(target, request.expectedActive, actor);
  } catch (error) {
    if (!(error instanceof ActivationConflict)) throw error;
    const current = error.current;
    throw conflict(
      'settings-changed',
      current
        ? `Inställningarna för ${scope.year} har ändrats medan du arbetade: ` +
            `version ${current.version} aktiverades av ` +
            `${who(current)}. Inget har ändrats av dig. Hämta inställningarna på nytt och gör om ändringen.`
        : `Inställningarna för ${scope.year} har ändrats medan du arbetade. Inget har ändrats av dig. Försök igen.`,
    );
  }
}

/**
 * *Kopiera till nästa år*: the year's active settings become the next year's next version, their
 * last days moved a year on. A next year without settings of its own gets it active at once;
 * otherwise it is stored like an upload, to be activated after its changes are seen.
 */
export async function copyToNextYear(
  scope: SettingsScope,
  actor: Actor,
): Promise<{ status: 201 | 200; answer: SettingsProposalAnswer & { activated: boolean } }> {
  const own = await scope.snapshot.yearDocument(scope.forbundId, scope.year);
  if (!own)
    throw conflict(
      'settings-missing',
      `${scope.year} har inga egna inställningar att kopiera. Välj ett år som har det.`,
    );
  const next = { ...scope, year: scope.year + 1 };
  const proposed = await proposeSettings(
    next,
    { kind: 'copy', document: documentForYear(own, next.year) },
    actor,
    `Kopierad från ${scope.year}`,
  );
  const activeNext = scope.snapshot.pointer(scope.forbundId, next.year);
  if (activeNext || proposed.answer.outcome === 'unchanged')
    return { status: proposed.status, answer: { ...proposed.answer, activated: false } };
  await activateSettings(
    next,
    { version: proposed.answer.version.version, expectedActive: null, fromHistory: true },
    actor,
  );
  return { status: 201, answer: { ...proposed.answer, activated: true } };
}
