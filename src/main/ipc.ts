import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  type IpcMainInvokeEvent,
  type SaveDialogOptions
} from 'electron'
import { writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { IPC, parseSaveRequest, SAVE_TYPES, type AppInfo, type SaveOutcome } from '../shared/ipc'
import { takeNotice } from './notices'
import { isTrustedUrl } from './origin'

/** The save dialog's options: the file name offered in a sensible folder, filtered by type. */
export function saveDialogOptions(folder: string, fileName: string): SaveDialogOptions {
  const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase()
  return {
    title: 'Save',
    defaultPath: join(folder, fileName),
    filters: [{ name: SAVE_TYPES[extension] ?? 'File', extensions: [extension] }],
    properties: ['createDirectory', 'showOverwriteConfirmation']
  }
}

function defaultFolder(): string {
  for (const name of ['downloads', 'documents', 'home'] as const) {
    try {
      return app.getPath(name)
    } catch {
      // Not every system has every folder; try the next.
    }
  }
  return '.'
}

/** The few messages the renderer may send; each checks its sender and its arguments. */
export function setupIpc(options: { devOrigin: string | null }): void {
  // The folder of the last save: the next dialog opens where the user saved before.
  let lastFolder: string | null = null

  const fromApp = (event: IpcMainInvokeEvent): void => {
    const url = event.senderFrame?.url
    if (typeof url !== 'string' || !isTrustedUrl(url, options.devOrigin)) {
      throw new Error('refused: not the app')
    }
  }

  ipcMain.handle(IPC.appInfo, (event): AppInfo => {
    fromApp(event)
    return { version: app.getVersion(), platform: process.platform }
  })

  ipcMain.handle(IPC.saveFile, async (event, value: unknown): Promise<SaveOutcome> => {
    fromApp(event)
    const request = parseSaveRequest(value)
    if (request === null) throw new Error('refused: not a file this app writes')
    const window = BrowserWindow.fromWebContents(event.sender)
    const dialogOptions = saveDialogOptions(lastFolder ?? defaultFolder(), request.fileName)
    const choice = window
      ? await dialog.showSaveDialog(window, dialogOptions)
      : await dialog.showSaveDialog(dialogOptions)
    if (choice.canceled || !choice.filePath) return 'cancelled'
    // Only the path the user chose in the system's own dialog is ever written.
    try {
      await writeFile(choice.filePath, request.text, 'utf8')
    } catch (error) {
      dialog.showErrorBox('The file could not be saved', String(error))
      throw error
    }
    lastFolder = dirname(choice.filePath)
    return 'saved'
  })

  ipcMain.handle(IPC.takeNotice, (event): string | null => {
    fromApp(event)
    return takeNotice(event.sender.id)
  })
}
