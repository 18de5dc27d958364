/**
 * Splits a V8 CPU profile (node --cpu-prof) of a consolidation run into the parts a reader can
 * act on: storage, computation, sheet building, exceljs, zip, charts, garbage collection and
 * idle time (waiting for storage). Each sample goes to the first category, in the order below,
 * that any frame of its stack belongs to; async continuations lose their callers, so the leaf
 * frames' module decides for them.
 */
import { z } from 'zod';

const profileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({ functionName: z.string(), url: z.string() }),
      children: z.array(z.number()).optional(),
    }),
  ),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});

export interface ProfileShare {
  category: string;
  share: number;
}

interface Frame {
  functionName: string;
  url: string;
}

const CATEGORIES: readonly { name: string; matches: (f: Frame) => boolean }[] = [
  {
    name: 'charts (DrawingML parts)',
    matches: (f) => f.url.includes('/functions/consolidation/report-workbook/chart-parts'),
  },
  {
    name: "zip (JSZip storing exceljs' parts; fixed-zip deflating and dating them)",
    matches: (f) =>
      /node_modules\/(jszip|pako)\//.test(f.url) ||
      f.url.includes('/functions/consolidation/report-workbook/fixed-zip'),
  },
  { name: 'exceljs (workbook model and XML)', matches: (f) => /node_modules\/(exceljs|saxes|xmlchars)\//.test(f.url) },
  {
    name: 'sheet building (functions/consolidation/report-workbook)',
    matches: (f) => f.url.includes('/functions/consolidation/report-workbook/'),
  },
  { name: 'computation (shared/)', matches: (f) => f.url.includes('/shared/') },
  {
    name: 'storage reads (SDK, HTTP, signing)',
    matches: (f) =>
      /node_modules\/@(azure|typespec)\//.test(f.url) ||
      f.functionName === 'loadSubmissions' ||
      /^node:(_http|http|net|internal\/crypto|internal\/stream)/.test(f.url),
  },
  { name: 'garbage collection', matches: (f) => f.functionName === '(garbage collector)' },
  { name: 'idle (waiting for storage)', matches: (f) => f.functionName === '(idle)' },
];

export function classifyProfile(raw: unknown): { totalMs: number; shares: ProfileShare[] } {
  const profile = profileSchema.parse(raw);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const time = new Map<string, number>();
  const categoryOf = new Map<number, string>();
  const classify = (leaf: number): string => {
    const cached = categoryOf.get(leaf);
    if (cached) return cached;
    const stack: Frame[] = [];
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) stack.push(byId.get(id)!.callFrame);
    const found = CATEGORIES.find((c) => stack.some(c.matches))?.name ?? 'other';
    categoryOf.set(leaf, found);
    return found;
  };
  let total = 0;
  profile.samples.forEach((sample, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    total += delta;
    const category = classify(sample);
    time.set(category, (time.get(category) ?? 0) + delta);
  });
  const shares = [...time]
    .map(([category, t]) => ({ category, share: t / Math.max(1, total) }))
    .sort((a, b) => b.share - a.share);
  return { totalMs: total / 1000, shares };
}
