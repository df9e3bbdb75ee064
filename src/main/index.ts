/** The Electron main process: lifecycle only; each concern lives in its own module. */
import { app, BrowserWindow } from 'electron'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setupDevServer } from './dev-server'
import { setupIpc } from './ipc'
import { appRootsAt, decideLaunch } from './launch'
import { setupMenu } from './menu'
import { packLinks } from './pack-links'
import { registerAppScheme, setupProtocol } from './protocol'
import { setupSecurity } from './security'
import { setupSync } from './sync-folder'
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
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  void app.whenReady().then(() => {
    const launch = decideLaunch(app.isPackaged, process.env.ELECTRON_RENDERER_URL)
    const roots = appRootsAt(app.getAppPath())
    const links = packLinks(roots.resources)
    const { devOrigin } = launch
    setupSecurity({ devOrigin, externalHosts: links.hosts })
    setupDevServer(devOrigin)
    setupProtocol(roots)
    setupIpc({ devOrigin })
    setupSync({ devOrigin, stateFile: join(app.getPath('userData'), 'sync-folder.json') })
    setupMenu({
      packaged: app.isPackaged,
      devOrigin,
      source: links.sources[0] ?? null,
      externalHosts: links.hosts
    })
    const stateFile = join(app.getPath('userData'), 'window-state.json')
    const open = () => createMainWindow({ preload, startUrl: launch.startUrl, stateFile })
    open()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) open()
    })
  })
}
