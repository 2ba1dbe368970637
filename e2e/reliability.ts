/**
 * The Reliability figures (README): each e2e suite that survives hostile pages or faults records its
 * cases here; at the end of the run they are merged into docs/reliability.json, which the README
 * quotes. The file keeps every case's last result (`results`, by browser and case), so a partial
 * run (one file, one test) updates its own rows and keeps the others'; the counts are computed from
 * all rows. Notes: the fault suite writes a note before each fault and, after it, reads every note
 * written so far in that browser (`recordNotes`): `notes.checked` counts those reads, `notes.lost`
 * the notes that were missing or changed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after } from 'node:test';
import { REPO_ROOT, type BrowserName } from './harness';

export const RELIABILITY_FILE = path.join(REPO_ROOT, 'docs', 'reliability.json');

type Kind = 'pages' | 'faults';
interface Result {
  browser: BrowserName;
  name: string;
  survived: boolean;
}
interface NotesResult {
  browser: BrowserName;
  fault: string;
  checked: number;
  lost: number;
}
const results = new Map<Kind, Map<string, Result>>();
const notes = new Map<string, NotesResult>();
// A root-level hook: this module is imported at a suite file's top level (a hook added inside a
// test would belong to that test and run after it alone).
after(writeReliability);

export function recordReliability(kind: Kind, browser: BrowserName, name: string, survived: boolean): void {
  let map = results.get(kind);
  if (!map) results.set(kind, (map = new Map<string, Result>()));
  map.set(`${browser} ${name}`, { browser, name, survived });
}

/** How many notes written before a fault were read back after it, and how many were missing. */
export function recordNotes(browser: BrowserName, fault: string, checked: number, lost: number): void {
  notes.set(`${browser} ${fault}`, { browser, fault, checked, lost });
}

/** Runs one case and records whether it survived (it survived when it did not throw); rethrows. */
export async function recording(
  kind: Kind,
  browser: BrowserName,
  name: string,
  run: () => Promise<void>,
): Promise<void> {
  try {
    await run();
  } catch (error) {
    recordReliability(kind, browser, name, false);
    throw error;
  }
  recordReliability(kind, browser, name, true);
}

interface Section {
  survived: number;
  tried: number;
  failed: string[];
  cases: string[];
  browsers: BrowserName[];
  /** Every case's last result, by `${browser} ${name}`. */
  results: Record<string, boolean>;
}

interface NotesSection {
  checked: number;
  lost: number;
  /** By `${browser} ${fault}`. */
  results: Record<string, { checked: number; lost: number }>;
}

function section(rows: Record<string, boolean>): Section {
  const all = Object.entries(rows).map(([key, survived]) => {
    const space = key.indexOf(' ');
    return { browser: key.slice(0, space) as BrowserName, name: key.slice(space + 1), survived };
  });
  return {
    survived: all.filter((r) => r.survived).length,
    tried: all.length,
    failed: all.filter((r) => !r.survived).map((r) => `${r.browser}: ${r.name}`),
    cases: [...new Set(all.map((r) => r.name))],
    browsers: [...new Set(all.map((r) => r.browser))],
    results: rows,
  };
}

function writeReliability(): void {
  if (results.size === 0 && notes.size === 0) return;
  let file: Record<string, unknown> = {};
  try {
    file = JSON.parse(readFileSync(RELIABILITY_FILE, 'utf8')) as Record<string, unknown>;
  } catch {
    // first run
  }
  for (const [kind, map] of results) {
    // Rows of other runs kept (a file written before rows were kept has none: this run starts them).
    const kept = (file[kind] as Partial<Section> | undefined)?.results ?? {};
    const rows = { ...kept };
    for (const [key, r] of map) rows[key] = r.survived;
    file[kind] = section(rows);
  }
  if (notes.size > 0) {
    const rows = { ...((file.notes as Partial<NotesSection> | undefined)?.results ?? {}) };
    for (const [key, r] of notes) rows[key] = { checked: r.checked, lost: r.lost };
    const values = Object.values(rows);
    file.notes = {
      checked: values.reduce((n, r) => n + r.checked, 0),
      lost: values.reduce((n, r) => n + r.lost, 0),
      results: rows,
    } satisfies NotesSection;
  }
  writeFileSync(RELIABILITY_FILE, JSON.stringify(file, null, 2) + '\n');
}
