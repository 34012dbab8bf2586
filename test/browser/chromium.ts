// Debian's Chromium, driven by playwright-core (never Playwright's own browser download):
// CHROMIUM_PATH, else where scripts/ensure-chromium.sh installs it.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export function chromiumPath(): string {
  const wanted = process.env.CHROMIUM_PATH;
  if (wanted) {
    if (!existsSync(wanted)) throw new Error(`CHROMIUM_PATH=${wanted} does not exist`);
    return wanted;
  }
  const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`Chromium not found at ${candidates.join(' or ')}: run \`bash scripts/ensure-chromium.sh\` (or set CHROMIUM_PATH)`);
  return found;
}

export async function launchChromium(): Promise<Browser> {
  // Playwright adds --no-sandbox (the tests run as root in CI); the rest keeps a headless
  // Chromium on a small machine quiet and inside /tmp.
  return await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    timeout: 60_000,
    args: ['--disable-dev-shm-usage', '--disable-gpu', '--no-first-run', '--no-default-browser-check'],
  });
}
