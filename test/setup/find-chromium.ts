/**
 * Finds a Chromium for the browser tests, the e2e tests and the benchmark.
 *
 * Order: $CHROME_PATH, a Playwright-managed browser already on disk, Debian's /usr/bin/chromium.
 * When none is found and we run as root on Debian/Ubuntu, installs Debian's `chromium` package
 * (apt-get). It never downloads a browser from anywhere else; otherwise it fails with a message
 * that says what to install.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function playwrightManaged(): string | undefined {
  const root = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(root)) return undefined;
  for (const dir of readdirSync(root)
    .filter((d) => d.startsWith('chromium'))
    .sort()
    .reverse()) {
    for (const rel of ['chrome-linux/chrome', 'chrome-linux64/chrome', 'chrome-headless-shell-linux64/chrome-headless-shell']) {
      const p = join(root, dir, rel);
      if (existsSync(p)) return p;
    }
  }
  return undefined;
}

function isDebianLike(): boolean {
  try {
    return /ID(_LIKE)?=.*(debian|ubuntu)/i.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return playwrightManaged() ?? SYSTEM_CANDIDATES.find((p) => existsSync(p));
}

let cached: string | undefined;

/** Returns a Chromium executable path, installing Debian's package when allowed; throws a clear error otherwise. */
export function ensureChromium(): string {
  if (cached) return cached;
  let found = findChromium();
  if (!found && process.getuid?.() === 0 && isDebianLike()) {
    process.stderr.write('[live-chat-room] no Chromium found: installing Debian\'s "chromium" package (apt-get)…\n');
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch (err) {
      throw new Error(`Installing Debian's chromium failed (${(err as Error).message}). Install it by hand: apt-get install chromium`, {
        cause: err,
      });
    }
    found = findChromium();
  }
  if (!found) {
    throw new Error(
      'No Chromium found for the browser tests. Install one (Debian/Ubuntu: `sudo apt-get install chromium`), ' +
        'or point CHROME_PATH at a Chrome/Chromium executable. Tests never download a browser.',
    );
  }
  cached = found;
  return found;
}

/** Flags for headless Chromium on a closed network without a GPU (see the env notes). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--autoplay-policy=no-user-gesture-required',
];
