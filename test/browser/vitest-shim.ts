/**
 * The part of Vitest's API that browser tests use, running inside the page: `describe`, `it`
 * (`test`), `beforeEach`, `afterEach`, and Vitest's own `expect` (@vitest/expect on chai, so the
 * matchers and their messages are the ones the unit tests know). The runner bundles each
 * `*.browser.test.ts` with `vitest` aliased to this file; something this file does not export
 * (`vi`, `it.each`, snapshots) fails the bundle or the file with a clear error, never silently.
 *
 * Each test starts on an empty <body>, a <head> with only the runner's elements, and an empty
 * `CSS.highlights` registry, and a
 * `console.error` or an uncaught error during a test fails it: page code that swallows its
 * errors into the console (the scanner does) cannot hide them from a test.
 */
import {
  ASYMMETRIC_MATCHERS_OBJECT,
  GLOBAL_EXPECT,
  JestAsymmetricMatchers,
  JestChaiExpect,
  JestExtend,
  chai,
  setState,
  type ExpectStatic,
} from '@vitest/expect';

chai.use(JestExtend);
chai.use(JestChaiExpect);
chai.use(JestAsymmetricMatchers);
// Whole values in failure messages: a test's values are small, and "…(3)" hides the difference.
chai.config.truncateThreshold = 0;

export const expect = ((value: unknown, message?: string) => chai.expect(value, message)) as ExpectStatic;
Object.assign(expect, chai.expect);
Object.assign(expect, (globalThis as Record<symbol, unknown>)[ASYMMETRIC_MATCHERS_OBJECT]);
setState(
  {
    assertionCalls: 0,
    isExpectingAssertions: false,
    isExpectingAssertionsError: null,
    expectedAssertionsNumber: null,
    expectedAssertionsNumberErrorGen: null,
  },
  expect,
);
(globalThis as Record<symbol, unknown>)[GLOBAL_EXPECT] = expect;

type Hook = () => unknown;
type TestFn = () => unknown;

interface Test {
  kind: 'test';
  name: string;
  fn: TestFn;
  timeout: number;
}
interface Suite {
  kind: 'suite';
  name: string;
  items: Array<Test | Suite>;
  beforeEach: Hook[];
  afterEach: Hook[];
}

/** What the runner reads back for each test. */
export interface TestResult {
  name: string;
  ok: boolean;
  error?: string;
}

/** A hang guard, not an assertion on time: a test that never settles fails instead of stalling the run. */
const HANG_GUARD_MS = 10_000;

const root: Suite = { kind: 'suite', name: '', items: [], beforeEach: [], afterEach: [] };
let current = root;

export function describe(name: string, body: () => void): void {
  const suite: Suite = { kind: 'suite', name, items: [], beforeEach: [], afterEach: [] };
  current.items.push(suite);
  const parent = current;
  current = suite;
  try {
    body();
  } finally {
    current = parent;
  }
}

export function it(name: string, fn: TestFn, timeout = HANG_GUARD_MS): void {
  current.items.push({ kind: 'test', name, fn, timeout });
}
export const test = it;

export function beforeEach(fn: Hook): void {
  current.beforeEach.push(fn);
}

export function afterEach(fn: Hook): void {
  current.afterEach.push(fn);
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    // Firefox's stack has no "Name: message" first line; Chromium's does.
    const stack = error.stack ?? '';
    const head = `${error.name}: ${error.message}`;
    return stack.includes(error.message) ? stack : `${head}\n${stack}`;
  }
  return String(error);
}

/** Errors nobody caught while a test ran: uncaught exceptions, rejections, console.error. */
let stray: string[] = [];
addEventListener('error', (event) => stray.push(`Uncaught: ${describeError(event.error ?? event.message)}`));
addEventListener('unhandledrejection', (event) => stray.push(`Unhandled rejection: ${describeError(event.reason)}`));
const consoleError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  stray.push(`console.error: ${args.map((a) => (a instanceof Error ? describeError(a) : String(a))).join(' ')}`);
  consoleError(...args);
};

function withHangGuard(run: () => unknown, ms: number, what: string): Promise<void> {
  let timer = 0;
  return Promise.race([
    Promise.resolve().then(run),
    new Promise<never>((_, reject) => {
      timer = window.setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms (hang guard)`)), ms);
    }),
  ]).then(
    () => window.clearTimeout(timer),
    (error: unknown) => {
      window.clearTimeout(timer);
      throw error;
    },
  );
}

function resetPage(): void {
  // What a test added to the head goes too; the runner's own elements are marked.
  for (const el of [...document.head.children]) if (!el.hasAttribute('data-runner')) el.remove();
  document.body.replaceChildren();
  for (const name of document.body.getAttributeNames()) document.body.removeAttribute(name);
  CSS.highlights.clear();
  getSelection()?.removeAllRanges();
  scrollTo(0, 0);
}

async function runSuite(suite: Suite, path: string[], hooks: { before: Hook[]; after: Hook[] }, out: TestResult[]) {
  const before = [...hooks.before, ...suite.beforeEach];
  const after = [...suite.afterEach, ...hooks.after];
  for (const item of suite.items) {
    const names = item.name ? [...path, item.name] : path;
    if (item.kind === 'suite') {
      await runSuite(item, names, { before, after }, out);
      continue;
    }
    const name = names.join(' › ');
    const errors: string[] = [];
    stray = [];
    resetPage();
    try {
      for (const hook of before) await withHangGuard(hook, item.timeout, 'beforeEach');
      await withHangGuard(item.fn, item.timeout, 'The test');
    } catch (error) {
      errors.push(describeError(error));
    }
    for (const hook of after) {
      try {
        await withHangGuard(hook, item.timeout, 'afterEach');
      } catch (error) {
        errors.push(`afterEach: ${describeError(error)}`);
      }
    }
    // Let a rejection or error queued by the test's last task surface before judging it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    errors.push(...stray);
    out.push(errors.length === 0 ? { name, ok: true } : { name, ok: false, error: errors.join('\n\n') });
  }
}

/** Called by the runner once the bundle has loaded: runs every registered test in order. */
async function runAll(): Promise<TestResult[]> {
  const out: TestResult[] = [];
  await runSuite(root, [], { before: [], after: [] }, out);
  resetPage();
  return out;
}

(globalThis as { __browserTests?: { run(): Promise<TestResult[]> } }).__browserTests = { run: runAll };
