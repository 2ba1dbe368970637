/**
 * The system browsers every real-browser run uses — end-to-end tests, browser unit tests and
 * benchmarks: where they are, how Chromium starts headless on this closed network, and the one
 * error a missing browser gets. Nothing here downloads a browser.
 */
import { accessSync, constants as fsConstants } from 'node:fs';

export const INSTALL_HINT =
  'Install the system browsers with `bash scripts/install-browsers.sh` (or `apt-get install -y chromium firefox-esr`), ' +
  'or point CHROMIUM_PATH / FIREFOX_PATH at an installed binary. Tests never download browsers.';

/** Without the networking flags Chromium keeps trying hosts this machine cannot reach. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const BROWSERS = {
  chromium: { envName: 'CHROMIUM_PATH', fallback: '/usr/bin/chromium' },
  firefox: { envName: 'FIREFOX_PATH', fallback: '/usr/bin/firefox-esr' },
} as const;

/** The browser's binary (its environment variable, else Debian's path); throws naming the fix. */
export function systemBrowser(name: keyof typeof BROWSERS): string {
  const { envName, fallback } = BROWSERS[name];
  const file = process.env[envName] ?? fallback;
  try {
    accessSync(file, fsConstants.X_OK);
  } catch {
    const ci = process.env.CI === 'true' ? ' (CI: a missing browser is a failure, never a skip)' : '';
    throw new Error(`No browser at ${file} (set by ${envName} or the default)${ci}. ${INSTALL_HINT}`);
  }
  return file;
}

/** Rejects when `promise` takes longer than `ms`: a hang guard for drivers, never a timed assertion. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
