import type { FigureTarget } from '../model/year-settings-schema';
import type { SettingsDocument } from './document';
import type { SheetContext } from './sheet';
import { availableTemplates } from './sheets/templates';

/** A figure the year's settings can set a target for, with the target that applies when they set none. */
export interface TargetFigure {
  /** `<template>.<figure>`, as the report's headline names it. */
  key: string;
  label: string;
  unit: string;
  /** The template's own target for it. */
  fallback: FigureTarget;
}

/**
 * The figures of the consolidated workbook's Sammanfattning that have a target a förbund's board
 * may set for a year (the *Mål* sheet): each headline figure with a target in the consolidation
 * definition of a template the förbund collects, in the förbund's order — the template's version
 * for the year, or its newest where the year has none yet (a year copied ahead of its templates
 * keeps its targets).
 */
export function targetFigures(document: SettingsDocument, context: SheetContext): TargetFigure[] {
  const available = new Map(availableTemplates(document, context).map((t) => [t.id, t]));
  const newest = (id: string) =>
    context.templates
      .filter((t) => t.id === id && (t.forbund === undefined || t.forbund.includes(document.id)))
      .sort((a, b) => b.version - a.version)[0];
  return document.templates.flatMap((id) => {
    const template = available.get(id) ?? newest(id);
    return (template?.consolidation?.derived ?? []).flatMap((figure) =>
      figure.headline && figure.target
        ? [{ key: `${id}.${figure.id}`, label: figure.label, unit: '%', fallback: figure.target }]
        : [],
    );
  });
}
