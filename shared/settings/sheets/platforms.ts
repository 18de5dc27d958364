import { scopeIdSchema } from '../../model/ids';
import type { Platform, PlatformGroup } from '../../model/forbund-schema';
import type { SettingsSheet } from '../sheet';
import { carryOver, list, offsetOf, text } from '../sheet';

/** Plattformar: the platforms parties report for, and which parties' coordinators report each. */
export const platformsSheet: SettingsSheet = {
  layout: {
    sheetName: 'Plattformar',
    title: 'Samverkansplattformar',
    help:
      'Plattformarna som rapporterar deltagare och avslut. ”Rapporteras av” är id:n från bladet Parter och ' +
      'kommuner, åtskilda med komma. En plattform med inlämningar för året kan inte tas bort.',
    fields: [],
    table: {
      id: 'plattformar',
      key: 'id',
      capacity: 60,
      columns: [
        { key: 'id', header: 'Id', kind: 'text', width: 20, required: true, pattern: scopeIdSchema },
        { key: 'name', header: 'Namn', kind: 'text', width: 32, required: true },
        { key: 'description', header: 'Beskrivning', kind: 'text', width: 48 },
        { key: 'reportedBy', header: 'Rapporteras av', kind: 'ids', width: 34, required: true },
      ],
    },
  },
  write(document) {
    return {
      fields: {},
      rows: document.platforms.map((p) => ({
        id: p.id,
        name: p.name,
        description: p.description ?? null,
        reportedBy: p.reportedBy,
      })),
    };
  },
  read(input, base) {
    const platforms = input.rows.map(({ values }): Platform => ({
      id: text(values.id) ?? '',
      name: text(values.name) ?? '',
      description: text(values.description),
      reportedBy: list(values.reportedBy),
    }));
    return { forbund: { platforms: carryOver(base.platforms, platforms) } };
  },
  locate(path, input) {
    if (path[0] !== 'platforms') return undefined;
    return path.length === 1 ? {} : { offset: offsetOf(input, path[1]), column: path[2] as string | undefined };
  },
};

/** Plattformsgrupper: named sums of platforms (Arbetsmarknadstorgen = all of Umeåregionen's). */
export const platformGroupsSheet: SettingsSheet = {
  layout: {
    sheetName: 'Plattformsgrupper',
    title: 'Grupper av plattformar',
    help: 'En grupp redovisas som summan av sina plattformar. ”Plattformar” är id:n från bladet Plattformar.',
    fields: [],
    table: {
      id: 'grupper',
      key: 'id',
      capacity: 20,
      columns: [
        { key: 'id', header: 'Id', kind: 'text', width: 24, required: true, pattern: scopeIdSchema },
        { key: 'name', header: 'Namn', kind: 'text', width: 32, required: true },
        { key: 'platforms', header: 'Plattformar', kind: 'ids', width: 60, required: true },
      ],
    },
  },
  write(document) {
    return {
      fields: {},
      rows: document.platformGroups.map((g) => ({ id: g.id, name: g.name, platforms: g.platforms })),
    };
  },
  read(input, base) {
    const groups = input.rows.map(({ values }): PlatformGroup => ({
      id: text(values.id) ?? '',
      name: text(values.name) ?? '',
      platforms: list(values.platforms),
    }));
    return { forbund: { platformGroups: carryOver(base.platformGroups, groups) } };
  },
  locate(path, input) {
    if (path[0] !== 'platformGroups') return undefined;
    return path.length === 1 ? {} : { offset: offsetOf(input, path[1]), column: path[2] as string | undefined };
  },
};
