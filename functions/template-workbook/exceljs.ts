import type ExcelJSModule from 'exceljs';

let loaded: typeof ExcelJSModule | undefined;

/**
 * exceljs, loaded on first use. It takes about 0.3 s to load, and every function file shares one
 * worker, so importing it at the top would put it on the cold start of every route — also of
 * JSON submissions, status and approvals, which never touch a workbook.
 */
export function exceljs(): typeof ExcelJSModule {
  loaded ??= require('exceljs') as typeof ExcelJSModule;
  return loaded;
}
