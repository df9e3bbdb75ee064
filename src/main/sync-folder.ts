/**
 * The sync folder's IPC: the student chooses a folder in the system's own dialog; the page then
 * lists, reads and appends inside it through named methods, each checking its sender and its
 * arguments, and the folder (see sync-folder-fs.ts) refusing every path that leads outside it.
 * The choice is kept in a small file in the user's data folder.
 */
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { readFileSync } from 'node:fs'
import { realpath, rm, writeFile } from 'node:fs/promises'
import { IPC } from '../shared/ipc'
import { isOffset, isSyncPath, isSyncText, type FolderEntry } from '../shared/sync-folder'
import { isTrustedUrl } from './origin'
import { NodeFolder } from './sync-folder-fs'

/** The folder kept in `file`, if it holds one. */
function keptFolder(file: string): string | null {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { path?: unknown }
    return typeof saved.path === 'string' && saved.path ? saved.path : null
  } catch {
    return null
  }
}

/** Registers the sync methods; `stateFile` keeps the chosen folder between runs. */
export function setupSync(options: { devOrigin: string | null; stateFile: string }): void {
  let folder: NodeFolder | null = null
  const kept = keptFolder(options.stateFile)
  if (kept) folder = new NodeFolder(kept)

  const fromApp = (event: IpcMainInvokeEvent): void => {
    const url = event.senderFrame?.url
    if (typeof url !== 'string' || !isTrustedUrl(url, options.devOrigin)) {
      throw new Error('refused: not the app')
    }
  }
  const chosen = (): NodeFolder => {
    if (!folder) throw new Error('refused: no sync folder chosen')
    return folder
  }
  const path = (value: unknown, allowRoot = false): string => {
    if (!isSyncPath(value) || (!allowRoot && value === '')) throw new Error('refused: not a path')
    return value
  }
  const text = (value: unknown): string => {
    if (!isSyncText(value)) throw new Error('refused: not text to write')
    return value
  }

  ipcMain.handle(IPC.syncChoose, async (event): Promise<string | null> => {
    fromApp(event)
    const window = BrowserWindow.fromWebContents(event.sender)
    const dialogOptions = {
      title: 'Choose a sync folder',
      buttonLabel: 'Sync with this folder',
      properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[]
    }
    const choice = window
      ? await dialog.showOpenDialog(window, dialogOptions)
      : await dialog.showOpenDialog(dialogOptions)
    const picked = choice.filePaths[0]
    if (choice.canceled || !picked) return null
    // Only a folder the student picked in the system's own dialog is ever used.
    const real = await realpath(picked)
    folder = new NodeFolder(real)
    await writeFile(options.stateFile, JSON.stringify({ path: real }), 'utf8')
    return real
  })

  ipcMain.handle(IPC.syncFolder, (event): string | null => {
    fromApp(event)
    return folder?.root ?? null
  })

  ipcMain.handle(IPC.syncForget, async (event): Promise<void> => {
    fromApp(event)
    folder = null
    await rm(options.stateFile, { force: true })
  })

  ipcMain.handle(IPC.syncList, (event, dir: unknown): Promise<FolderEntry[]> => {
    fromApp(event)
    return chosen().list(path(dir, true))
  })

  ipcMain.handle(IPC.syncRead, (event, file: unknown, offset: unknown): Promise<string> => {
    fromApp(event)
    if (!isOffset(offset)) throw new Error('refused: not an offset')
    return chosen().read(path(file), offset)
  })

  ipcMain.handle(IPC.syncAppend, (event, file: unknown, value: unknown): Promise<void> => {
    fromApp(event)
    return chosen().append(path(file), text(value))
  })

  ipcMain.handle(IPC.syncReplace, (event, file: unknown, value: unknown): Promise<void> => {
    fromApp(event)
    return chosen().replace(path(file), text(value))
  })
}
