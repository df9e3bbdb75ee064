/** The only bridge to the main process: named, typed methods; never ipcRenderer itself. */
import { contextBridge, ipcRenderer } from 'electron'
import { IPC, isMenuCommand, type StudyAppBridge } from '../shared/ipc'

const bridge: StudyAppBridge = {
  appInfo: () => ipcRenderer.invoke(IPC.appInfo),
  saveFile: (request) => ipcRenderer.invoke(IPC.saveFile, request),
  takeNotice: () => ipcRenderer.invoke(IPC.takeNotice),
  onMenuCommand: (listener) => {
    // The page gets the command alone, never the IPC event (which would expose `sender`).
    ipcRenderer.on(IPC.menuCommand, (_event, command: unknown) => {
      if (isMenuCommand(command)) listener(command)
    })
  }
}

contextBridge.exposeInMainWorld('studyApp', bridge)
