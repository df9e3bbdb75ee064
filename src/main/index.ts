/** The Electron main process: lifecycle only; each concern lives in its own module. */
import { app, BrowserWindow } from 'electron'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setupIpc } from './ipc'
import { registerAppScheme, setupProtocol } from './protocol'
import { rootsFrom } from './roots'
import { setupSecurity } from './security'
import { createMainWindow } from './window'

const preload = join(dirname(fileURLToPath(import.meta.url)), '../preload/index.cjs')

registerAppScheme()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows()
    if (window) {
      if (window.isMinimized()) window.restore()
      window.focus()
    }
  })
  void app.whenReady().then(() => {
    setupSecurity()
    setupProtocol(rootsFrom(import.meta.url))
    setupIpc()
    createMainWindow(preload)
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow(preload)
    })
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
