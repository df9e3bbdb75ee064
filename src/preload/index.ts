/** The only bridge to the main process: named, typed methods; never ipcRenderer itself. */
import { contextBridge, ipcRenderer } from 'electron'
import { IPC, type StudyAppBridge } from '../shared/ipc'

const bridge: StudyAppBridge = {
  appInfo: () => ipcRenderer.invoke(IPC.appInfo),
  openExternal: (url: string) => ipcRenderer.invoke(IPC.openExternal, url)
}

contextBridge.exposeInMainWorld('studyApp', bridge)
