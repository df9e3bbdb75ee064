/** The channels between renderer and main: an allow-list, one per named preload method. */
export const IPC = {
  appInfo: 'app:info',
  openExternal: 'app:open-external'
} as const

export interface AppInfo {
  version: string
  platform: string
}

/** What the preload exposes as `window.studyApp` (only inside Electron). */
export interface StudyAppBridge {
  appInfo(): Promise<AppInfo>
  openExternal(url: string): Promise<boolean>
}
