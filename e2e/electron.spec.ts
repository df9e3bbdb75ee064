/**
 * The desktop app itself, launched as a user launches it (`electron .`, and once from an
 * app.asar as the installers ship it): the security baseline of the window, the CSP, the bridge,
 * navigation and link guards, downloads through the save dialog, window bounds across launches,
 * recovery from a renderer crash, and the single-instance lock.
 * Runs wherever the Electron binary exists (CI sets REQUIRE_ELECTRON=1, which turns a missing
 * binary into a failure); elsewhere it skips with one line saying why.
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test'
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { electronPath, electronRequired } from './browsers'

const binary = electronPath()
const LICENCE = 'https://creativecommons.org/licenses/by-sa/3.0/'

/** Chromium's sandbox needs a setuid helper or user namespaces that Linux CI runners refuse. */
const platformArgs = process.platform === 'linux' ? ['--no-sandbox'] : []

/** Starts the app on `appPath` with its own profile folder, as a fresh install would. */
async function launch(profile: string, appPath = '.'): Promise<ElectronApplication> {
  const env = { ...process.env } as Record<string, string>
  // Never the dev server: these tests are about the app as shipped.
  delete env.ELECTRON_RENDERER_URL
  return electron.launch({
    executablePath: binary.path ?? undefined,
    args: [appPath, `--user-data-dir=${profile}`, ...platformArgs],
    env
  })
}

/** Runs `code` in the page's own world through the main process (it survives a renderer crash). */
function inPage<T>(app: ElectronApplication, code: string): Promise<T> {
  return app.evaluate(
    ({ BrowserWindow }, source) =>
      BrowserWindow.getAllWindows()[0]?.webContents.executeJavaScript(source),
    code
  ) as Promise<T>
}

/** Counts the review log rows in the app's IndexedDB without the app's own code. */
const COUNT_REVIEWS = `new Promise((resolve, reject) => {
  const open = indexedDB.open('mexico-russia-study')
  open.onerror = () => reject(open.error)
  open.onsuccess = () => {
    const db = open.result
    if (!db.objectStoreNames.contains('reviewLogs')) return resolve(0)
    const count = db.transaction('reviewLogs').objectStore('reviewLogs').count()
    count.onsuccess = () => { resolve(count.result); db.close() }
    count.onerror = () => reject(count.error)
  }
})`

let profile: string
let app: ElectronApplication | null = null

test.describe('Electron', () => {
  test.skip(binary.path === null && !electronRequired(), `Electron e2e skipped: ${binary.why}`)

  test.beforeAll(() => {
    if (binary.path === null) throw new Error(`REQUIRE_ELECTRON=1, but ${binary.why}`)
  })

  test.beforeEach(() => {
    profile = mkdtempSync(join(tmpdir(), 'electron-e2e-'))
  })

  test.afterEach(async () => {
    await app?.close().catch(() => {})
    app = null
    rmSync(profile, { recursive: true, force: true })
  })

  test('the window opens on app://bundle/ and behaves as its webPreferences say', async () => {
    app = await launch(profile)
    const page = await app.firstWindow()
    await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible()
    expect(new URL(page.url()).origin).toBe('app://bundle')
    const windows = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((w) => ({ visible: w.isVisible(), title: w.getTitle() }))
    )
    expect(windows).toHaveLength(1)
    expect(windows[0]?.visible).toBe(true)
    // Electron no longer reports a window's webPreferences, so each is checked by what it does
    // (the options themselves are unit-tested in window-options.test.ts).
    const seen = await page.evaluate(() => {
      const g = globalThis as Record<string, unknown>
      return {
        // nodeIntegration: false
        node: typeof g.require === 'undefined' && typeof g.process === 'undefined',
        // contextIsolation: true (the bridge is a copy the page cannot change)
        isolated: (() => {
          try {
            ;(window.studyApp as unknown as Record<string, unknown>).appInfo = 1
          } catch {
            // A frozen bridge throws in strict code; either way it must not change.
          }
          return typeof window.studyApp?.appInfo === 'function'
        })(),
        // webviewTag: false
        webview: document.createElement('webview').constructor.name,
        // webSecurity: true (and the CSP): no cross-origin read
        secure: isSecureContext
      }
    })
    expect(seen).toEqual({
      node: true,
      isolated: true,
      webview: 'HTMLUnknownElement',
      secure: true
    })
  })

  test('the CSP is in force: an inline script is refused', async () => {
    app = await launch(profile)
    const page = await app.firstWindow()
    await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible()
    const result = await page.evaluate(async () => {
      const script = document.createElement('script')
      script.textContent = 'window.__inlineRan = true'
      document.head.append(script)
      await new Promise((resolve) => setTimeout(resolve, 100))
      const header = (await fetch('/')).headers.get('content-security-policy')
      return { ran: (window as { __inlineRan?: boolean }).__inlineRan === true, header }
    })
    expect(result.ran).toBe(false)
    expect(result.header).toContain("script-src 'self'")
    expect(result.header).not.toContain('unsafe-inline')
  })

  test('the preload exposes exactly the named methods, and no Node or IPC', async () => {
    app = await launch(profile)
    const page = await app.firstWindow()
    await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible()
    const globals = await page.evaluate(() => {
      const g = globalThis as Record<string, unknown>
      return {
        require: typeof g.require,
        process: typeof g.process,
        ipcRenderer: typeof g.ipcRenderer,
        electron: typeof g.electron,
        bridge: Object.keys(window.studyApp ?? {}).sort()
      }
    })
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      ipcRenderer: 'undefined',
      electron: 'undefined',
      bridge: [
        'appInfo',
        'onMenuCommand',
        'saveFile',
        'syncAppend',
        'syncChoose',
        'syncFolder',
        'syncForget',
        'syncList',
        'syncRead',
        'syncReplace',
        'takeNotice'
      ]
    })
    expect(await page.evaluate(() => window.studyApp?.appInfo())).toMatchObject({
      platform: process.platform
    })
  })

  test('navigation off the origin and window.open are refused', async () => {
    app = await launch(profile)
    const page = await app.firstWindow()
    await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible()
    await app.evaluate(({ shell }) => {
      shell.openExternal = async () => {}
    })
    await page.evaluate(() => {
      location.href = 'https://example.com/'
    })
    const opened = await page.evaluate(() => window.open('app://bundle/#/study') === null)
    await page.waitForTimeout(500)
    expect(new URL(page.url()).origin).toBe('app://bundle')
    expect(opened).toBe(true)
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
  })

  test('an https link to the licence reaches shell.openExternal; javascript:, file: and others do not', async () => {
    app = await launch(profile)
    const page = await app.firstWindow()
    await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible()
    await app.evaluate(({ shell }) => {
      const opened: string[] = []
      ;(globalThis as { __opened?: string[] }).__opened = opened
      shell.openExternal = async (url: string) => {
        opened.push(url)
      }
    })
    // The real link, as the About page draws it.
    await page.evaluate(() => {
      location.hash = '#/about'
    })
    await page.locator(`a[href="${LICENCE}"]`).first().click()
    await page.evaluate(() => {
      for (const url of [
        'javascript:alert(1)',
        'file:///etc/passwd',
        'http://creativecommons.org/licenses/by-sa/3.0/',
        'https://example.com/'
      ]) {
        window.open(url)
      }
    })
    await expect
      .poll(() => app?.evaluate(() => (globalThis as { __opened?: string[] }).__opened))
      .toEqual([LICENCE])
    await page.waitForTimeout(300)
    expect(await app.evaluate(() => (globalThis as { __opened?: string[] }).__opened)).toEqual([
      LICENCE
    ])
  })

  test('the CSV and backup downloads go through the save dialog and write the file', async () => {
    app = await launch(profile)
    const page = await app.firstWindow()
    await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible()
    const stub = (path: string) =>
      app?.evaluate(({ dialog }, filePath) => {
        const offered: string[] = []
        ;(globalThis as { __offered?: string[] }).__offered = offered
        dialog.showSaveDialog = (async (...args: unknown[]) => {
          const options = args.at(-1) as { defaultPath?: string }
          offered.push(options.defaultPath ?? '')
          return { canceled: false, filePath }
        }) as typeof dialog.showSaveDialog
      }, path)

    const csv = join(profile, 'chosen.csv')
    await stub(csv)
    await page.evaluate(() => {
      location.hash = '#/trade'
    })
    await page.getByRole('button', { name: 'Download CSV' }).click()
    await expect.poll(() => existsSync(csv)).toBe(true)
    expect(readFileSync(csv, 'utf8')).toMatch(/^\uFEFF?\S+,/)
    const offered = await app.evaluate(() => (globalThis as { __offered?: string[] }).__offered)
    expect(offered?.[0]).toMatch(/\.csv$/)

    const backup = join(profile, 'chosen-backup.json')
    await stub(backup)
    await page.evaluate(() => {
      location.hash = '#/progress'
    })
    await page.getByRole('button', { name: /Save a backup/ }).click()
    await expect.poll(() => existsSync(backup)).toBe(true)
    expect(JSON.parse(readFileSync(backup, 'utf8'))).toHaveProperty('counts')
  })

  test('the window’s bounds survive a relaunch', async () => {
    app = await launch(profile)
    await app.firstWindow()
    const wanted = { x: 40, y: 50, width: 1000, height: 700 }
    await app.evaluate(({ BrowserWindow }, bounds) => {
      BrowserWindow.getAllWindows()[0]?.setBounds(bounds)
    }, wanted)
    await app.close()
    app = await launch(profile)
    await app.firstWindow()
    const bounds = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]?.getBounds()
    )
    expect(bounds).toEqual(wanted)
  })

  test('a renderer crash is followed by a reload with a notice, and the review data is intact', async () => {
    app = await launch(profile)
    const page = await app.firstWindow()
    await page.evaluate(() => {
      location.hash = '#/study'
    })
    await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible()
    await page.keyboard.press('Space')
    await page.keyboard.press('3')
    await expect.poll(() => inPage<number>(app as ElectronApplication, COUNT_REVIEWS)).toBe(1)

    await app.evaluate(({ BrowserWindow }) => {
      BrowserWindow.getAllWindows()[0]?.webContents.forcefullyCrashRenderer()
    })
    await expect
      .poll(
        () => inPage<string>(app as ElectronApplication, 'document.body.innerText').catch(() => ''),
        {
          timeout: 20_000
        }
      )
      .toContain('The page stopped unexpectedly and was reloaded')
    expect(await inPage<number>(app, COUNT_REVIEWS)).toBe(1)
  })

  test('a second launch focuses the first window and quits', async () => {
    app = await launch(profile)
    await app.firstWindow()
    await app.evaluate(({ BrowserWindow }) => {
      const window = BrowserWindow.getAllWindows()[0]
      if (!window) return
      const state = { focused: 0 }
      ;(globalThis as { __focus?: typeof state }).__focus = state
      const focus = window.focus.bind(window)
      window.focus = () => {
        state.focused++
        focus()
      }
    })
    const second = spawn(
      binary.path as string,
      ['.', `--user-data-dir=${profile}`, ...platformArgs],
      {
        stdio: 'ignore'
      }
    )
    const code = await new Promise<number | null>((done) => second.on('exit', done))
    expect(code).toBe(0)
    await expect
      .poll(() =>
        app?.evaluate(() => (globalThis as { __focus?: { focused: number } }).__focus?.focused)
      )
      .toBeGreaterThan(0)
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
  })

  test('from an app.asar, as installed: the handler’s realpath containment works inside the archive', async () => {
    const { createPackage } = await import('@electron/asar')
    const stage = join(profile, 'stage')
    for (const part of ['package.json', 'out', join('resources', 'packs')]) {
      cpSync(resolve(part), join(stage, part), { recursive: true })
    }
    const archive = join(profile, 'app.asar')
    await createPackage(stage, archive)
    app = await launch(join(profile, 'profile'), archive)
    const page = await app.firstWindow()
    await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible()
    expect(await app.evaluate(({ app: electronApp }) => electronApp.getAppPath())).toBe(archive)
    const statuses = await page.evaluate(async () => {
      const status = async (path: string) => (await fetch(path)).status
      return {
        pack: await status('/packs/mexico-russia/pack.json'),
        outside: await status('/packs/%2e%2e/%2e%2e/package.json'),
        main: await status('/%2e%2e/main/index.js')
      }
    })
    expect(statuses).toEqual({ pack: 200, outside: 404, main: 404 })
  })
})
