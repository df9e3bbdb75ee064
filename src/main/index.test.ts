/**
 * The main process's wiring, run against a faithful fake of `electron`: what is registered, in
 * which order, and that each guard and handler is in place on what the app creates.
 */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fakeEvent, FakeState } from './test-support/fake-electron'
import { IPC } from '../shared/ipc'

// One fake for the file; the factory runs once, so each test resets it instead of replacing it.
const state = new FakeState()
vi.mock('electron', async () => {
  const { electronModule } = await import('./test-support/fake-electron')
  return electronModule(state)
})

/** An app folder as the packaged app has it: the built renderer and the bundled pack. */
function appFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'app-'))
  mkdirSync(join(dir, 'out', 'renderer'), { recursive: true })
  writeFileSync(join(dir, 'out', 'renderer', 'index.html'), '<!doctype html><title>app</title>')
  mkdirSync(join(dir, 'resources', 'packs', 'mexico-russia'), { recursive: true })
  const pack = join('resources', 'packs', 'mexico-russia', 'pack.json')
  copyFileSync(pack, join(dir, pack))
  return dir
}
const appPath = appFolder()
const userDataFolders: string[] = []
afterAll(() => {
  for (const dir of [appPath, ...userDataFolders]) rmSync(dir, { recursive: true, force: true })
})

async function startMain(setup: (state: FakeState) => void = () => {}): Promise<void> {
  state.reset()
  state.userData = mkdtempSync(join(tmpdir(), 'main-'))
  userDataFolders.push(state.userData)
  state.appPath = appPath
  setup(state)
  vi.resetModules()
  await import('./index')
}

describe('the main process before ready', () => {
  beforeEach(() => startMain())

  it('registers app:// as a privileged scheme before ready, and nothing else yet', () => {
    expect(state.log[0]).toBe('protocol.registerSchemesAsPrivileged')
    expect(state.privilegedSchemes).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true }
      }
    ])
    expect(state.protocolHandlers.size).toBe(0)
    expect(state.windows).toHaveLength(0)
  })
})

describe('the main process once ready', () => {
  beforeEach(async () => {
    await startMain()
    await state.becomeReady()
  })

  it('serves app:// through the fetch-style handler, then opens one window on app://bundle/', async () => {
    const handler = state.protocolHandlers.get('app')
    expect(handler).toBeTypeOf('function')
    const response = (await handler?.(new Request('app://bundle/'))) as Response
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(state.windows).toHaveLength(1)
    expect(state.log.indexOf('protocol.handle app')).toBeLessThan(
      state.log.indexOf('new BrowserWindow')
    )
    expect(state.log).toContain('loadURL app://bundle/')
    expect(state.log).toContain('Menu.setApplicationMenu')
  })

  it('registers exactly the named IPC handlers', () => {
    expect([...state.ipcHandlers.keys()].sort()).toEqual(
      [
        IPC.appInfo,
        IPC.saveFile,
        IPC.takeNotice,
        IPC.syncChoose,
        IPC.syncFolder,
        IPC.syncForget,
        IPC.syncList,
        IPC.syncRead,
        IPC.syncAppend,
        IPC.syncReplace
      ].sort()
    )
  })

  it('denies every permission request and check', () => {
    const callback = vi.fn()
    state.permissionRequestHandler?.({}, 'media', callback)
    state.permissionRequestHandler?.({}, 'geolocation', callback)
    expect(callback.mock.calls).toEqual([[false], [false]])
    expect(state.permissionCheckHandler?.({}, 'clipboard-read')).toBe(false)
  })

  it('cancels every request that would reach the network', () => {
    const answer = (url: string) => {
      const callback = vi.fn()
      state.beforeRequest?.({ url }, callback)
      return callback.mock.calls[0]?.[0]
    }
    expect(state.beforeRequestFilter).toEqual({
      urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']
    })
    expect(answer('https://infogalactic.com/')).toEqual({ cancel: true })
    expect(answer('http://localhost:5173/')).toEqual({ cancel: true })
    expect(answer('wss://evil.example/')).toEqual({ cancel: true })
  })

  it('guards every web contents it creates, not only the window’s', () => {
    for (const contents of [state.windows[0]?.webContents, state.createContents()]) {
      if (!contents) throw new Error('no contents')
      for (const name of [
        'will-navigate',
        'will-frame-navigate',
        'will-redirect',
        'will-attach-webview'
      ]) {
        expect(contents.listenerCount(name), name).toBeGreaterThan(0)
      }
      expect(contents.windowOpenHandler).toBeTypeOf('function')

      const away = fakeEvent({ url: 'https://evil.example/' })
      contents.emit('will-navigate', away)
      expect(away.defaultPrevented).toBe(true)
      const frame = fakeEvent({ url: 'https://evil.example/frame' })
      contents.emit('will-frame-navigate', frame)
      expect(frame.defaultPrevented).toBe(true)
      const redirect = fakeEvent({ url: 'file:///etc/passwd' })
      contents.emit('will-redirect', redirect)
      expect(redirect.defaultPrevented).toBe(true)
      const webview = fakeEvent()
      contents.emit('will-attach-webview', webview, {}, {})
      expect(webview.defaultPrevented).toBe(true)
      const home = fakeEvent({ url: 'app://bundle/#/study' })
      contents.emit('will-navigate', home)
      expect(home.defaultPrevented).toBe(false)
      expect(contents.windowOpenHandler?.({ url: 'app://bundle/' })).toEqual({ action: 'deny' })
    }
  })

  it('opens only https links to the packs’ hosts in the system browser', () => {
    const contents = state.windows[0]?.webContents
    const open = (url: string) => contents?.windowOpenHandler?.({ url })
    for (const url of [
      'https://creativecommons.org/licenses/by-sa/3.0/',
      'http://infogalactic.com/info/X',
      'https://evil.example/',
      'javascript:alert(1)',
      'file:///etc/passwd'
    ]) {
      expect(open(url)).toEqual({ action: 'deny' })
    }
    const link = fakeEvent({ url: 'https://infogalactic.com/info/Mexico%E2%80%93Russia_relations' })
    contents?.emit('will-navigate', link)
    expect(link.defaultPrevented).toBe(true)
    expect(state.openedExternally).toEqual([
      'https://creativecommons.org/licenses/by-sa/3.0/',
      'https://infogalactic.com/info/Mexico%E2%80%93Russia_relations'
    ])
  })

  it('focuses the first window when a second instance starts', () => {
    const [window] = state.windows
    if (!window) throw new Error('no window')
    window.minimized = true
    state.app.emit('second-instance', fakeEvent(), [], '/')
    expect(window.restoreCalls).toBe(1)
    expect(window.focusCalls).toBe(1)
  })

  it('quits when the last window closes, except on macOS', () => {
    state.app.emit('window-all-closed')
    expect(state.quitCalls).toBe(process.platform === 'darwin' ? 0 : 1)
  })
})

describe('a second instance', () => {
  it('quits at once and sets nothing up', async () => {
    await startMain((s) => {
      s.lock = false
    })
    await state.becomeReady()
    expect(state.quitCalls).toBe(1)
    expect(state.windows).toHaveLength(0)
    expect(state.ipcHandlers.size).toBe(0)
    expect(state.protocolHandlers.size).toBe(0)
  })
})

describe('the development loop', () => {
  const devUrl = 'http://localhost:5173'

  it('loads the dev server when not packaged, with the dev CSP on its answers only', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', devUrl)
    try {
      await startMain()
      await state.becomeReady()
    } finally {
      vi.unstubAllEnvs()
    }
    expect(state.log).toContain(`loadURL ${devUrl}/`)
    expect(state.headersReceived?.filter).toEqual({ urls: [`${devUrl}/*`] })
    const callback = vi.fn()
    state.headersReceived?.listener(
      { responseHeaders: { 'content-security-policy': ['x'], 'Content-Type': ['text/html'] } },
      callback
    )
    const headers = callback.mock.calls[0]?.[0].responseHeaders
    expect(headers['content-security-policy']).toBeUndefined()
    expect(headers['Content-Security-Policy'][0]).toContain(
      "connect-src 'self' ws://localhost:5173"
    )
    // Its HMR socket may connect; nothing else outside may.
    const answer = (url: string) => {
      const cb = vi.fn()
      state.beforeRequest?.({ url }, cb)
      return cb.mock.calls[0]?.[0]
    }
    expect(answer('ws://localhost:5173/')).toEqual({ cancel: false })
    expect(answer('https://evil.example/')).toEqual({ cancel: true })
  })

  it('ignores ELECTRON_RENDERER_URL in a packaged app', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', devUrl)
    try {
      await startMain((s) => {
        s.packaged = true
      })
      await state.becomeReady()
    } finally {
      vi.unstubAllEnvs()
    }
    expect(state.log).toContain('loadURL app://bundle/')
    expect(state.headersReceived).toBeNull()
  })
})
