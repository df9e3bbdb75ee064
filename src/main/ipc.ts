import { app, ipcMain, shell, type IpcMainInvokeEvent } from 'electron'
import { IPC, type AppInfo } from '../shared/ipc'
import { isAppUrl, isSafeExternalUrl } from './origin'

function fromApp(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url
  return typeof url === 'string' && isAppUrl(url)
}

/** The few messages the renderer may send; each checks its sender and its arguments. */
export function setupIpc(): void {
  ipcMain.handle(IPC.appInfo, (event): AppInfo => {
    if (!fromApp(event)) throw new Error('refused: not the app')
    return { version: app.getVersion(), platform: process.platform }
  })
  ipcMain.handle(IPC.openExternal, async (event, url: unknown): Promise<boolean> => {
    if (!fromApp(event)) throw new Error('refused: not the app')
    if (typeof url !== 'string' || url.length > 2048 || !isSafeExternalUrl(url)) return false
    await shell.openExternal(url)
    return true
  })
}
