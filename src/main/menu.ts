import {
  app,
  BrowserWindow,
  Menu,
  type MenuItemConstructorOptions,
  type WebContents
} from 'electron'
import { IPC, type MenuCommand } from '../shared/ipc'
import { isTrustedUrl } from './origin'
import type { SourceArticle } from './pack-links'
import { openExternalIfAllowed } from './security'

/** What the menu depends on, passed in so its template is a pure, tested function. */
export interface MenuOptions {
  platform: NodeJS.Platform
  packaged: boolean
  appName: string
  source: SourceArticle | null
  /** Sends a menu command to the app's page. */
  send(command: MenuCommand): void
  /** Opens a link in the system browser (through the allow-list). */
  openExternal(url: string): void
}

const separator: MenuItemConstructorOptions = { type: 'separator' }

/**
 * The application menu, from roles. Accelerators all carry Cmd/Ctrl: the study keys (Space,
 * Enter, 1–4, U, /) are bare keys and Ctrl+K is search, so nothing here can take them.
 * Packaged builds get no reload or developer tools.
 */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin'
  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { role: 'about' },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' }
    ]
  }
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      {
        id: 'export-trade',
        label: 'Export Trade Data…',
        accelerator: 'CmdOrCtrl+E',
        click: () => options.send('export-trade')
      },
      {
        id: 'backup',
        label: 'Back Up Your Data…',
        accelerator: 'CmdOrCtrl+Shift+S',
        click: () => options.send('backup')
      },
      separator,
      mac ? { role: 'close' } : { role: 'quit' }
    ]
  }
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      separator,
      { role: 'selectAll' }
    ]
  }
  const develop: MenuItemConstructorOptions[] = options.packaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator]
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...develop,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' }
    ]
  }
  const window: MenuItemConstructorOptions = {
    role: 'window',
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }]
  }
  const source = options.source
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      {
        id: 'about',
        label: `About ${options.appName}`,
        click: () => options.send('about')
      },
      ...(source
        ? [
            {
              id: 'source',
              label: `Source Article: ${source.title}`,
              click: () => options.openExternal(source.url)
            }
          ]
        : [])
    ]
  }
  return [...(mac ? [appMenu] : []), file, edit, view, window, help]
}

function appContents(devOrigin: string | null): WebContents | null {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
  const contents = window?.webContents
  return contents && isTrustedUrl(contents.getURL(), devOrigin) ? contents : null
}

/** Installs the application menu; its commands go to the app's own page only. */
export function setupMenu(options: {
  packaged: boolean
  devOrigin: string | null
  source: SourceArticle | null
  externalHosts: ReadonlySet<string>
}): void {
  const appName = app.getName()
  app.setAboutPanelOptions({
    applicationName: appName,
    applicationVersion: app.getVersion(),
    ...(options.source ? { credits: `Source: ${options.source.title}, ${options.source.url}` } : {})
  })
  const template = menuTemplate({
    platform: process.platform,
    packaged: options.packaged,
    appName,
    source: options.source,
    send: (command) => appContents(options.devOrigin)?.send(IPC.menuCommand, command),
    openExternal: (url) => void openExternalIfAllowed(url, options.externalHosts)
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
