import type { BrowserWindowConstructorOptions } from 'electron'
import { DEFAULT_SIZE, MIN_SIZE } from './window-state'

/** The main window's options: sandboxed, isolated, no Node in the renderer, shown when ready. */
export function mainWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    ...DEFAULT_SIZE,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Mexico–Russia Relations',
    autoHideMenuBar: true,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false
    }
  }
}
