import { defineConfig } from '@playwright/test'
import { chromiumPath, electronPath, electronRequired } from './e2e/browsers'

/** Each run serves the built app with the app's own handler on its own loopback port. */
const port = Number(process.env.E2E_PORT ?? 4174)
export const baseURL = `http://127.0.0.1:${port}/`

const electron = electronPath()
if (electron.path === null && electronRequired()) {
  throw new Error(`REQUIRE_ELECTRON=1, but ${electron.why}: the Electron e2e cannot run.`)
}
if (electron.path === null && process.env.TEST_WORKER_INDEX === undefined) {
  console.log(`Electron e2e tests skip here: ${electron.why}. They run wherever the binary exists.`)
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 7_000 },
  use: { baseURL, trace: 'off' },
  webServer: {
    // The README's own command, so the tests prove it works; E2E_OUT serves another build folder.
    command: process.env.E2E_OUT
      ? `node ${process.env.E2E_OUT}/main/serve.js --port ${port}`
      : `npm run serve -- --port ${port}`,
    url: baseURL,
    reuseExistingServer: false,
    stdout: 'ignore',
    timeout: 20_000
  },
  projects: [
    {
      name: 'web',
      testIgnore: /electron\.spec\.ts/,
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 860 },
        launchOptions: {
          executablePath: chromiumPath(),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync'
          ]
        }
      }
    },
    // One window at a time: the tests relaunch the app and use its single-instance lock.
    { name: 'electron', testMatch: /electron\.spec\.ts/, timeout: 60_000 }
  ]
})
