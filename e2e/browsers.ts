import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** Debian's Chromium, or the one named by CHROMIUM_PATH; Playwright never downloads a browser. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
}

/**
 * The Electron binary, found without `require('electron')` (which would try to download it):
 * ELECTRON_EXEC_PATH, else `path.txt` beside electron's package.json. Null when it is missing.
 */
export function electronPath(): { path: string | null; why: string } {
  const fromEnv = process.env.ELECTRON_EXEC_PATH
  if (fromEnv) {
    return existsSync(fromEnv)
      ? { path: fromEnv, why: '' }
      : { path: null, why: `ELECTRON_EXEC_PATH=${fromEnv} does not exist` }
  }
  try {
    const pkg = createRequire(import.meta.url).resolve('electron/package.json')
    const pathTxt = join(dirname(pkg), 'path.txt')
    if (!existsSync(pathTxt)) {
      return { path: null, why: 'the Electron binary was never downloaded (no electron/path.txt)' }
    }
    const binary = join(dirname(pkg), 'dist', readFileSync(pathTxt, 'utf8').trim())
    return existsSync(binary)
      ? { path: binary, why: '' }
      : { path: null, why: `the Electron binary is missing at ${binary}` }
  } catch {
    return { path: null, why: 'the electron package is not installed' }
  }
}

/**
 * True where the Electron e2e must run (CI sets REQUIRE_ELECTRON=1): there a missing binary is a
 * failure, not a skip, so a broken download can never pass as "skipped".
 */
export function electronRequired(): boolean {
  return process.env.REQUIRE_ELECTRON === '1'
}
