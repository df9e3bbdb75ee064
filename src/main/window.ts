import { BrowserWindow } from 'electron'
import { APP_ORIGIN } from './origin'
import { mainWindowOptions } from './window-options'

/** Opens the main window on the app origin; it is shown once it has something to show. */
export function createMainWindow(preload: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preload))
  window.once('ready-to-show', () => window.show())
  void window.loadURL(`${APP_ORIGIN}/`)
  return window
}
