/** The only bridge to the main process: named, typed methods; never ipcRenderer itself. */
import { contextBridge, ipcRenderer } from 'electron'
import { IPC, isMenuCommand, type StudyAppBridge } from '../shared/ipc'

const bridge: StudyAppBridge = {
  appInfo: () => ipcRenderer.invoke(IPC.appInfo),
  saveFile: (request) => ipcRenderer.invoke(IPC.saveFile, request),
  takeNotice: () => ipcRenderer.invoke(IPC.takeNotice),
  syncChoose: () => ipcRenderer.invoke(IPC.syncChoose),
  syncFolder: () => ipcRenderer.invoke(IPC.syncFolder),
  syncForget: () => ipcRenderer.invoke(IPC.syncForget),
  syncList: (dir) => ipcRenderer.invoke(IPC.syncList, dir),
  syncRead: (path, offset) => ipcRenderer.invoke(IPC.syncRead, path, offset),
  syncAppend: (path, text) => ipcRenderer.invoke(IPC.syncAppend, path, text),
  syncReplace: (path, text) => ipcRenderer.invoke(IPC.syncReplace, path, text),
  onMenuCommand: (listener) => {
    // The page gets the command alone, never the IPC event (which would expose `sender`).
    ipcRenderer.on(IPC.menuCommand, (_event, command: unknown) => {
      if (isMenuCommand(command)) listener(command)
    })
  }
}

contextBridge.exposeInMainWorld('studyApp', bridge)
