import { describePeriod, parsePeriod } from '../../../shared/model/period';
import { PaneError } from '../api/api-error';
import type { ReportMetadata } from '../../../shared/api';
import type { ConsolidationStart } from '../api/samlad-api';
import { insertReport, openReportAsNewWorkbook } from '../excel';
import { defaultPeriod, periodChoices } from '../view-parts/period-choice';
import { yearOptions } from '../view-parts/template-context';
import { runAction } from '../ui/action';
import { button, field, formatDateTime, h, replaceChildren, select } from '../ui/dom';
import { saveBlob } from '../ui/download';
import type { PaneDeps, View } from './pane-deps';

/** How often a running consolidation is asked for progress, and for how long at most. */
export const POLL_INTERVAL_MS = 600;
const POLL_LIMIT_MS = 10 * 60_000;

const VARIANT_LABEL = { internal: 'Intern (alla tal)', published: 'Publicerad (små tal dolda)' } as const;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => window.setTimeout(resolve, ms));

/** Download, and in Excel insert the sheets with native charts or open the report as a new workbook. */
function reportActions(deps: PaneDeps, report: ReportMetadata): HTMLElement {
  const download: HTMLButtonElement = button(
    'Ladda ner',
    () =>
      void runAction(deps.ctx, download, 'Hämtar rapporten…', async () => {
        const file = await deps.api.reportFile(report.id);
        saveBlob(file.blob, file.fileName ?? report.fileName);
        deps.ctx.announcer.announce('Rapporten är nedladdad.');
      }),
    { class: 'btn', 'aria-label': `Ladda ner ${report.fileName}` },
  );
  if (deps.host.kind !== 'excel') return h('div', { class: 'actions' }, download);
  const capabilities = deps.host.capabilities;
  const done = h('p', { class: 'hint', role: 'status' });
  const insertHere: HTMLButtonElement = button(
    'Infoga i arbetsboken',
    () =>
      void runAction(deps.ctx, insertHere, 'Infogar rapporten och ritar diagram…', async () => {
        const { base64 } = await deps.api.reportBase64(report.id);
        const outcome = await insertReport({ base64 }, capabilities);
        done.textContent =
          `${outcome.sheets.length} blad ` +
          `infogade${outcome.charts > 0 ? `; ${outcome.charts} diagram på bladet ”${outcome.diagramSheet}”` : ''}.`;
      }),
    { class: 'btn btn-primary' },
  );
  const openNew: HTMLButtonElement = button(
    'Öppna som ny arbetsbok',
    () =>
      void runAction(deps.ctx, openNew, 'Öppnar rapporten…', async () => {
        const { base64 } = await deps.api.reportBase64(report.id);
        await openReportAsNewWorkbook(base64, capabilities);
      }),
    { class: 'btn' },
  );
  return h('div', {}, h('div', { class: 'actions' }, insertHere, openNew, download), done);
}

function reportCard(deps: PaneDeps, report: ReportMetadata): HTMLElement {
  const period = parsePeriod(report.period);
  return h(
    'div',
    { class: 'report-card' },
    h(
      'p',
      {},
      h('strong', {}, `${period ? describePeriod(period) : report.period} · ${VARIANT_LABEL[report.variant]}`),
    ),
    h('p', { class: 'cell-detail' }, `Skapad ${formatDateTime(report.createdAt)}`),
    h('p', { class: 'file-label' }, report.fileName),
    reportActions(deps, report),
  );
}

/** The report a consolidation produced: at once (201), or by polling its job until done. */
async function reportOf(
  deps: PaneDeps,
  started: ConsolidationStart,
  showProgress: (fraction: number, text: string) => void,
): Promise<ReportMetadata> {
  if (started.kind === 'report') return started.report;
  const deadline = Date.now() + POLL_LIMIT_MS;
  for (;;) {
    if (Date.now() > deadline)
      throw new PaneError(
        'job-timeout',
        'Sammanställningen tar ovanligt lång tid. Titta under Tidigare rapporter om en stund.',
        { transient: true },
      );
    await sleep(POLL_INTERVAL_MS);
    const job = await deps.api.job(started.jobId);
    showProgress(job.progress, job.message ?? 'Sammanställer…');
    if (job.status === 'failed')
      throw new PaneError('job-failed', job.message ?? 'Sammanställningen misslyckades. Försök igen.', {
        transient: true,
      });
    if (job.status === 'done') {
      if (job.report) return job.report;
      throw new PaneError('job-failed', 'Sammanställningen blev klar utan rapport. Försök igen.', {
        transient: true,
      });
    }
  }
}

/** Which report: period (a tertial, the year so far, or a year), variant and basis. */
function consolidationChoices(now: Date) {
  // Consolidation is per tertial (year to date) or year; the half year has only SCB's figures.
  const periodSelect = select(
    yearOptions(now).flatMap((y) => periodChoices(y, { halfyear: false })),
    { name: 'period' },
    defaultPeriod(now),
  );
  const variantSelect = select(
    Object.entries(VARIANT_LABEL).map(([value, label]) => ({ value, label })),
    { name: 'variant' },
  );
  const basisSelect = select(
    [
      { value: 'approved', label: 'Godkända inlämningar' },
      { value: 'latest', label: 'Senaste inlämningarna (även ej godkända)' },
    ],
    { name: 'basis' },
  );
  const settingsSelect = select(
    [
      { value: 'period', label: 'Periodens egna (årets mål och budget)' },
      { value: 'current', label: 'De som gäller nu' },
    ],
    { name: 'settings' },
  );
  return { periodSelect, variantSelect, basisSelect, settingsSelect };
}

/** A progress bar with its text, shown while the server works and hidden a moment after. */
function progressDisplay() {
  const bar = h('progress', { max: 1, value: 0, 'aria-labelledby': 'consolidate-progress-label' });
  const text = h('span', { id: 'consolidate-progress-label' }, '');
  const element = h('div', { class: 'progress-box', role: 'status', hidden: true }, text, bar);
  return {
    element,
    show(fraction: number, label: string): void {
      element.hidden = false;
      bar.value = fraction;
      text.textContent = `${label} ${Math.round(fraction * 100)} %`;
    },
    hideSoon(): void {
      window.setTimeout(() => (element.hidden = true), 1500);
    },
  };
}

/**
 * Konsolidera (kansliet): asks the API to build the consolidated workbook, shows progress while
 * it works, then downloads it, inserts its sheets into this workbook with native charts, or
 * opens it as a new workbook.
 */
export function createConsolidateView(deps: PaneDeps): View {
  const heading = h('h1', { tabindex: -1, id: 'consolidate-heading' }, 'Konsolidera');
  const now = deps.now();
  const { periodSelect, variantSelect, basisSelect, settingsSelect } = consolidationChoices(now);
  const progress = progressDisplay();
  const resultBox = h('div', { class: 'result' });
  const earlierBox = h('div', { class: 'earlier' });

  /** Earlier reports of the period, except the one just shown above them. */
  let shownId: string | undefined;
  const loadEarlier = async (): Promise<void> => {
    const reports = (await deps.api.reports(periodSelect.value)).filter((r) => r.id !== shownId);
    replaceChildren(
      earlierBox,
      reports.length > 0 ? h('h2', {}, 'Tidigare rapporter för perioden') : null,
      ...reports.map((r) => reportCard(deps, r)),
    );
  };

  const start: HTMLButtonElement = button(
    'Sammanställ',
    () =>
      void runAction(deps.ctx, start, 'Sammanställer…', async () => {
        resultBox.replaceChildren();
        progress.show(0, 'Startar…');
        const variant = variantSelect.value === 'published' ? 'published' : 'internal';
        const basis = basisSelect.value === 'latest' ? 'latest' : 'approved';
        const settings = settingsSelect.value === 'current' ? 'current' : 'period';
        try {
          const started = await deps.api.consolidate({ period: periodSelect.value, variant, basis, settings });
          const report = await reportOf(deps, started, progress.show);
          progress.show(1, 'Klar.');
          shownId = report.id;
          replaceChildren(
            resultBox,
            h(
              'div',
              { class: 'message-bar success', role: 'status' },
              h('div', { class: 'message-text' }, h('strong', {}, 'Rapporten är klar.')),
            ),
            reportCard(deps, report),
          );
          deps.ctx.announcer.announce('Rapporten är klar.');
          await loadEarlier();
        } finally {
          progress.hideSoon();
        }
      }),
    { class: 'btn btn-primary' },
  );

  periodSelect.addEventListener('change', () => {
    shownId = undefined;
    resultBox.replaceChildren();
    void runAction(deps.ctx, undefined, 'Hämtar rapporter…', loadEarlier);
  });
  let loadedOnce = false;
  return {
    id: 'konsolidera',
    label: 'Konsolidera',
    heading,
    element: h(
      'section',
      { class: 'view', id: 'view-konsolidera', 'aria-labelledby': 'consolidate-heading' },
      heading,
      h(
        'p',
        { class: 'intro' },
        'Sammanställ periodens inlämningar till en arbetsbok för styrelsen, med index och diagram.',
      ),
      field('Period', periodSelect),
      field('Variant', variantSelect, 'Den publicerade varianten döljer små tal som kan peka ut personer.'),
      field('Underlag', basisSelect),
      field(
        'Inställningar',
        settingsSelect,
        'En rapport för ett tidigare år använder det årets mål, om du inte väljer annat.',
      ),
      h('div', { class: 'actions' }, start),
      progress.element,
      resultBox,
      earlierBox,
    ),
    onShow: () => {
      if (!loadedOnce) {
        loadedOnce = true;
        void runAction(deps.ctx, undefined, 'Hämtar rapporter…', loadEarlier);
      }
    },
  };
}
