import { BrowserWindow, dialog, screen } from 'electron'
import { leaveNotice } from './notices'
import { mainWindowOptions } from './window-options'
import { loadWindowState, placeWindow, saveWindowState } from './window-state'

/** Shown after the page crashed and was reloaded. */
export const CRASH_NOTICE =
  'The page stopped unexpectedly and was reloaded. Your study data is kept on this computer and was not affected.'

/** More crashes than this within CRASH_WINDOW_MS stop the automatic reloads (a crash loop). */
const MAX_CRASHES = 3
const CRASH_WINDOW_MS = 60_000

/** What the main window needs: its preload, its start page and where its bounds are kept. */
export interface MainWindowOptions {
  preload: string
  startUrl: string
  stateFile: string
}

/** Opens the main window where it was last, shown once it has something to show. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea)
  const placed = placeWindow(loadWindowState(options.stateFile), workAreas)
  const window = new BrowserWindow({ ...mainWindowOptions(options.preload), ...placed.bounds })
  if (placed.maximized) window.maximize()
  window.once('ready-to-show', () => window.show())
  window.on('close', () =>
    saveWindowState(options.stateFile, {
      bounds: window.getNormalBounds(),
      maximized: window.isMaximized()
    })
  )
  recoverFromCrashes(window)
  void window.loadURL(options.startUrl)
  return window
}

/** A crashed page is reloaded with a notice; a hung one gets a dialog offering to wait or reload. */
function recoverFromCrashes(window: BrowserWindow): void {
  const contents = window.webContents
  const crashes: number[] = []
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || window.isDestroyed()) return
    const now = Date.now()
    crashes.push(now)
    while (crashes.length > 0 && (crashes[0] ?? now) < now - CRASH_WINDOW_MS) crashes.shift()
    if (crashes.length > MAX_CRASHES) {
      dialog.showErrorBox(
        'The page keeps stopping',
        'The page stopped several times in a row and was not reloaded again. Your study data is kept on this computer; quit and reopen the app.'
      )
      return
    }
    leaveNotice(contents.id, CRASH_NOTICE)
    contents.reload()
  })
  window.on('unresponsive', () => {
    void dialog
      .showMessageBox(window, {
        type: 'warning',
        buttons: ['Wait', 'Reload'],
        defaultId: 0,
        cancelId: 0,
        message: 'The page is not responding.',
        detail: 'You can wait for it, or reload it. Your study data is kept either way.'
      })
      .then(({ response }) => {
        // Crashing the hung renderer hands over to the crash path above: reload and notice.
        if (response === 1 && !window.isDestroyed()) contents.forcefullyCrashRenderer()
      })
  })
}
