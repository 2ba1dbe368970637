/**
 * The Reliability figures (README): each e2e suite that survives hostile pages or faults records its
 * cases here; at the end of the run the counts are merged into docs/reliability.json (a section per
 * kind, kept from other runs), which the README quotes.
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
const results = new Map<Kind, Map<string, Result>>();
// A root-level hook: this module is imported at a suite file's top level (a hook added inside a
// test would belong to that test and run after it alone).
after(writeReliability);

export function recordReliability(kind: Kind, browser: BrowserName, name: string, survived: boolean): void {
  let map = results.get(kind);
  if (!map) results.set(kind, (map = new Map<string, Result>()));
  map.set(`${browser} ${name}`, { browser, name, survived });
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
}

function writeReliability(): void {
  if (results.size === 0) return;
  let file: Record<string, unknown> = {};
  try {
    file = JSON.parse(readFileSync(RELIABILITY_FILE, 'utf8')) as Record<string, unknown>;
  } catch {
    // first run
  }
  for (const [kind, map] of results) {
    const all = [...map.values()];
    const section: Section = {
      survived: all.filter((r) => r.survived).length,
      tried: all.length,
      failed: all.filter((r) => !r.survived).map((r) => `${r.browser}: ${r.name}`),
      cases: [...new Set(all.map((r) => r.name))],
    };
    file[kind] = { ...section, browsers: [...new Set(all.map((r) => r.browser))] };
  }
  writeFileSync(RELIABILITY_FILE, JSON.stringify(file, null, 2) + '\n');
}
