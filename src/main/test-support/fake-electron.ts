/**
 * A faithful fake of the parts of the `electron` module the main process uses, for
 * `vi.mock('electron', …)`. Like Electron, it refuses `protocol.handle` and new windows before
 * `ready`, keeps one window-open handler per web contents, and lets each session hold one
 * listener per webRequest event. Every call is written to `log`, so tests can check the order.
 */
import { EventEmitter } from 'node:events'

type Handler = (...args: unknown[]) => unknown

/** An Electron-style event with the fields the guards read. */
export interface FakeEvent {
  url?: string
  defaultPrevented: boolean
  preventDefault(): void
}

/** Makes an event like the ones Electron passes to `will-navigate` and friends. */
export function fakeEvent(fields: Record<string, unknown> = {}): FakeEvent {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true
    }
  }
  return event
}

class FakeWebContents extends EventEmitter {
  static nextId = 1
  id = FakeWebContents.nextId++
  url = ''
  windowOpenHandler: Handler | null = null
  sent: unknown[][] = []
  reloads = 0
  crashes = 0
  constructor(readonly state: FakeState) {
    super()
  }
  setWindowOpenHandler(handler: Handler): void {
    this.windowOpenHandler = handler
  }
  getURL(): string {
    return this.url
  }
  send(...args: unknown[]): void {
    this.sent.push(args)
  }
  reload(): void {
    this.reloads++
  }
  forcefullyCrashRenderer(): void {
    this.crashes++
  }
  loadURL(url: string): Promise<void> {
    this.url = url
    return Promise.resolve()
  }
}

/** The state behind the fake: one object for the whole test file, reset between tests. */
export class FakeState {
  readonly app = new EventEmitter()
  log: string[] = []
  ready = false
  packaged = false
  lock = true
  appPath = process.cwd()
  userData = '/tmp/fake-user-data'
  displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]
  ipcHandlers = new Map<string, Handler>()
  protocolHandlers = new Map<string, Handler>()
  privilegedSchemes: unknown[] = []
  permissionRequestHandler: Handler | null = null
  permissionCheckHandler: Handler | null = null
  beforeRequest: Handler | null = null
  beforeRequestFilter: unknown = null
  headersReceived: { filter: unknown; listener: Handler } | null = null
  openedExternally: string[] = []
  windows: FakeBrowserWindow[] = []
  focused: FakeBrowserWindow | null = null
  menu: unknown = null
  aboutPanel: unknown = null
  saveDialogAnswer: { canceled: boolean; filePath?: string } = { canceled: true }
  saveDialogCalls: unknown[][] = []
  openDialogAnswer: { canceled: boolean; filePaths: string[] } = { canceled: true, filePaths: [] }
  openDialogCalls: unknown[][] = []
  messageBoxAnswer = { response: 0 }
  messageBoxCalls: unknown[][] = []
  errorBoxes: string[] = []
  quitCalls = 0

  /** Back to a fresh Electron that has not started: no listeners, no windows, not ready. */
  reset(): void {
    this.app.removeAllListeners()
    Object.assign(this, new FakeState(), { app: this.app })
    this.readyResolvers = []
  }

  private readyResolvers: (() => void)[] = []

  /** Makes `app` ready, as Electron does once it has started. */
  async becomeReady(): Promise<void> {
    this.ready = true
    this.log.push('ready')
    this.app.emit('ready')
    for (const resolve of this.readyResolvers.splice(0)) resolve()
    // Let the whenReady continuations run.
    await new Promise((resolve) => setTimeout(resolve, 0))
  }

  whenReady(): Promise<void> {
    this.log.push('app.whenReady')
    return this.ready
      ? Promise.resolve()
      : new Promise((resolve) => this.readyResolvers.push(resolve))
  }

  /** Creates a web contents and announces it as Electron does (`web-contents-created`). */
  createContents(): FakeWebContents {
    const contents = new FakeWebContents(this)
    this.app.emit('web-contents-created', fakeEvent(), contents)
    return contents
  }
}

class FakeBrowserWindow extends EventEmitter {
  webContents: FakeWebContents
  visible = false
  maximized = false
  minimized = false
  destroyed = false
  focusCalls = 0
  restoreCalls = 0
  bounds: { x: number; y: number; width: number; height: number }
  constructor(
    readonly state: FakeState,
    public options: Record<string, unknown>
  ) {
    super()
    if (!state.ready) throw new Error('Cannot create BrowserWindow before app is ready')
    state.log.push('new BrowserWindow')
    this.bounds = {
      x: Number(options.x ?? 0),
      y: Number(options.y ?? 0),
      width: Number(options.width ?? 800),
      height: Number(options.height ?? 600)
    }
    this.webContents = state.createContents()
    state.windows.push(this)
  }
  loadURL(url: string): Promise<void> {
    this.state.log.push(`loadURL ${url}`)
    return this.webContents.loadURL(url)
  }
  show(): void {
    this.visible = true
  }
  maximize(): void {
    this.maximized = true
  }
  isMaximized(): boolean {
    return this.maximized
  }
  isMinimized(): boolean {
    return this.minimized
  }
  restore(): void {
    this.restoreCalls++
    this.minimized = false
  }
  focus(): void {
    this.focusCalls++
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  getNormalBounds() {
    return { ...this.bounds }
  }
}

/** Builds the module object handed to `vi.mock('electron', …)`, bound to `state`. */
export function electronModule(state: FakeState): Record<string, unknown> {
  const app = Object.assign(state.app, {
    whenReady: () => state.whenReady(),
    requestSingleInstanceLock: () => {
      state.log.push('app.requestSingleInstanceLock')
      return state.lock
    },
    quit: () => {
      state.log.push('app.quit')
      state.quitCalls++
    },
    getAppPath: () => state.appPath,
    getPath: (name: string) => (name === 'userData' ? state.userData : `/tmp/fake-${name}`),
    getName: () => 'Mexico–Russia Relations',
    getVersion: () => '0.0.0-test',
    setAboutPanelOptions: (options: unknown) => {
      state.aboutPanel = options
    }
  })
  // A getter, read on each use (Object.assign would copy its value once).
  Object.defineProperty(app, 'isPackaged', { get: () => state.packaged, configurable: true })
  const BrowserWindow = class extends FakeBrowserWindow {
    constructor(options: Record<string, unknown>) {
      super(state, options)
    }
    static getAllWindows = () => state.windows.filter((w) => !w.destroyed)
    static getFocusedWindow = () => state.focused
    static fromWebContents = (contents: unknown) =>
      state.windows.find((w) => w.webContents === contents) ?? null
  }
  return {
    app,
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        state.log.push(`protocol.registerSchemesAsPrivileged${state.ready ? ' (after ready)' : ''}`)
        state.privilegedSchemes.push(...schemes)
      },
      handle: (scheme: string, handler: Handler) => {
        if (!state.ready) throw new Error('protocol.handle before app is ready')
        state.log.push(`protocol.handle ${scheme}`)
        state.protocolHandlers.set(scheme, handler)
      }
    },
    session: {
      get defaultSession() {
        if (!state.ready) throw new Error('session.defaultSession before app is ready')
        return {
          setPermissionRequestHandler: (handler: Handler) => {
            state.permissionRequestHandler = handler
          },
          setPermissionCheckHandler: (handler: Handler) => {
            state.permissionCheckHandler = handler
          },
          webRequest: {
            onBeforeRequest: (...args: unknown[]) => {
              state.beforeRequestFilter = args.length > 1 ? args[0] : null
              state.beforeRequest = args.at(-1) as Handler
            },
            onHeadersReceived: (filter: unknown, listener: Handler) => {
              state.headersReceived = { filter, listener }
            }
          }
        }
      }
    },
    shell: {
      openExternal: (url: string) => {
        state.openedExternally.push(url)
        return Promise.resolve()
      }
    },
    ipcMain: {
      handle: (channel: string, handler: Handler) => {
        if (state.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`)
        state.log.push(`ipcMain.handle ${channel}`)
        state.ipcHandlers.set(channel, handler)
      }
    },
    dialog: {
      showOpenDialog: (...args: unknown[]) => {
        state.openDialogCalls.push(args)
        return Promise.resolve(state.openDialogAnswer)
      },
      showSaveDialog: (...args: unknown[]) => {
        state.saveDialogCalls.push(args)
        return Promise.resolve(state.saveDialogAnswer)
      },
      showMessageBox: (...args: unknown[]) => {
        state.messageBoxCalls.push(args)
        return Promise.resolve(state.messageBoxAnswer)
      },
      showErrorBox: (title: string) => {
        state.errorBoxes.push(title)
      }
    },
    screen: {
      getAllDisplays: () => state.displays
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: unknown) => {
        state.log.push('Menu.setApplicationMenu')
        state.menu = menu
      }
    }
  }
}

/** The fake window and web contents, for tests that inspect what the app did to them. */
export type { FakeBrowserWindow, FakeWebContents }
