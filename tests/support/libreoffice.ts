import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseCsvRows } from '../../shared/text/csv';

/**
 * LibreOffice headless as an independent reader of the workbooks we write: if it converts a
 * file, the file is valid beyond what exceljs' own reader forgives. Slow to start (seconds),
 * so convert many files in one run.
 */

export const LIBREOFFICE_INSTALL = 'apt-get update && apt-get install -y --no-install-recommends libreoffice-calc';

/** UTF-8, comma-separated, "as shown" (so number formats apply), sv-SE. */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1053,false,false,true';
const TIMEOUT_MS = 180_000;

/**
 * Recalculate formulas on load (0 = always), so results are LibreOffice's own and not the
 * cached ones we wrote; Swedish locale, as our users have.
 */
const PROFILE = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
  '<item oor:path="/org.openoffice.Office.Calc/Formula/Load">' +
    '<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>',
  '<item oor:path="/org.openoffice.Setup/L10N">' +
    '<prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>sv-SE</value></prop></item>',
  '</oor:items>',
  '',
].join('\n');

export class LibreOfficeError extends Error {
  override name = 'LibreOfficeError';
}

/** Path of `soffice` (or `$SOFFICE`), or undefined when LibreOffice is not installed. */
export function findSoffice(): string | undefined {
  const fromEnv = process.env.SOFFICE;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'soffice');
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

function run(command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) || (error && !stderr ? error.message : '') });
    });
  });
}

/**
 * Converts every file to CSV (the first sheet) in one LibreOffice run with a fresh profile.
 * Returns CSV text per input path; throws `LibreOfficeError` naming the files LibreOffice did
 * not convert (a non-zero exit, or no output file — LibreOffice often exits 0 on a bad file).
 * Input base names must be unique.
 */
export async function convertManyToCsv(xlsxPaths: readonly string[]): Promise<Map<string, string>> {
  const stems = xlsxPaths.map((p) => basename(p, extname(p)));
  if (new Set(stems).size !== stems.length) throw new LibreOfficeError('Input files need unique base names');
  return withSoffice(CSV_FILTER, xlsxPaths, async (outdir, result) => {
    const csvByPath = new Map<string, string>();
    const failed: string[] = [];
    for (const [i, path] of xlsxPaths.entries()) {
      const out = join(outdir, `${stems[i]}.csv`);
      if (existsSync(out)) csvByPath.set(path, await readFile(out, 'utf8'));
      else failed.push(path);
    }
    if (result.code !== 0 || failed.length > 0) {
      const detail = [`exit ${result.code}`, result.stderr.trim(), result.stdout.trim()].filter(Boolean).join('\n');
      throw new LibreOfficeError(
        `LibreOffice did not convert ${failed.length ? failed.join(', ') : 'every file'} (${detail})`,
      );
    }
    return csvByPath;
  });
}

/**
 * One headless LibreOffice run converting `inputs` with `filter`, in a fresh sv-SE profile and
 * output folder that exist only for the run; `collect` reads the output folder before both go.
 */
async function withSoffice<T>(
  filter: string,
  inputs: readonly string[],
  collect: (outdir: string, result: Awaited<ReturnType<typeof run>>) => Promise<T>,
): Promise<T> {
  const soffice = findSoffice();
  if (!soffice) throw new LibreOfficeError(`LibreOffice (soffice) is not installed: ${LIBREOFFICE_INSTALL}`);
  const work = await mkdtemp(join(tmpdir(), 'samlad-lo-'));
  try {
    const profile = join(work, 'profile');
    const outdir = join(work, 'out');
    await mkdir(join(profile, 'user'), { recursive: true });
    await mkdir(outdir);
    await writeFile(join(profile, 'user', 'registrymodifications.xcu'), PROFILE);
    const result = await run(soffice, [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--nodefault',
      '--convert-to',
      filter,
      '--outdir',
      outdir,
      ...inputs,
    ]);
    return await collect(outdir, result);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Rows of the CSV LibreOffice writes (comma-separated, RFC 4180 quoting). */
export function parseCsv(text: string): string[][] {
  return parseCsvRows(text, ',');
}

/** As {@link CSV_FILTER}, with token 12 = -1: every sheet to its own file, `<stem>-<sheet>.csv` (LibreOffice ≥ 7.2). */
const CSV_ALL_SHEETS_FILTER = `${CSV_FILTER},false,false,-1`;

/**
 * Every sheet of one workbook as CSV text, by sheet name, in one LibreOffice run with a fresh
 * sv-SE profile (numbers as shown: "61,5 %", "1 234"). Throws `LibreOfficeError` when nothing
 * comes out.
 */
export async function convertSheetsToCsv(
  xlsxPath: string,
  sheetNames: readonly string[],
): Promise<Map<string, string>> {
  const stem = basename(xlsxPath, extname(xlsxPath));
  return withSoffice(CSV_ALL_SHEETS_FILTER, [xlsxPath], async (outdir, result) => {
    const out = new Map<string, string>();
    for (const name of sheetNames) {
      const file = join(outdir, `${stem}-${name}.csv`);
      if (existsSync(file)) out.set(name, await readFile(file, 'utf8'));
    }
    if (out.size === 0)
      throw new LibreOfficeError(
        `LibreOffice wrote no sheet of ${xlsxPath} (exit ${result.code}: ${result.stderr.trim()})`,
      );
    return out;
  });
}

/**
 * Every workbook as PDF, in one LibreOffice run with a fresh sv-SE profile: each sheet printed as
 * its page setup says (paper, orientation, fit to width, repeated rows, page breaks). Returns the
 * PDF bytes per input path.
 */
export async function convertManyToPdf(xlsxPaths: readonly string[]): Promise<Map<string, Buffer>> {
  const stems = xlsxPaths.map((p) => basename(p, extname(p)));
  if (new Set(stems).size !== stems.length) throw new LibreOfficeError('Input files need unique base names');
  return withSoffice('pdf', xlsxPaths, async (outdir, result) => {
    const out = new Map<string, Buffer>();
    for (const [i, path] of xlsxPaths.entries()) {
      const file = join(outdir, `${stems[i]}.pdf`);
      if (existsSync(file)) out.set(path, await readFile(file));
    }
    if (out.size !== xlsxPaths.length)
      throw new LibreOfficeError(
        `LibreOffice wrote ${out.size} of ${xlsxPaths.length} PDFs (exit ${result.code}: ${result.stderr.trim()})`,
      );
    return out;
  });
}
