import type { FolderEntry } from './sync-folder'

/** The channels between renderer and main: an allow-list, one per named preload method. */
export const IPC = {
  appInfo: 'app:info',
  saveFile: 'app:save-file',
  takeNotice: 'app:take-notice',
  menuCommand: 'app:menu-command',
  syncChoose: 'sync:choose',
  syncFolder: 'sync:folder',
  syncForget: 'sync:forget',
  syncList: 'sync:list',
  syncRead: 'sync:read',
  syncAppend: 'sync:append',
  syncReplace: 'sync:replace'
} as const

/** What the renderer may learn about the app it runs in. */
export interface AppInfo {
  version: string
  platform: string
}

/** A file the renderer wants saved: its text and the name offered in the save dialog. */
export interface SaveRequest {
  text: string
  fileName: string
}

/** How a save ended; a refused or failed save is an error on the renderer's side. */
export type SaveOutcome = 'saved' | 'cancelled'

/** The commands the application menu sends to the renderer. */
export const MENU_COMMANDS = ['export-trade', 'backup', 'about'] as const

/** One of the application menu's commands. */
export type MenuCommand = (typeof MENU_COMMANDS)[number]

/** The file types the app writes; the save dialog filters on them. */
export const SAVE_TYPES: Record<string, string> = {
  csv: 'CSV table',
  json: 'JSON data',
  txt: 'Text file'
}

/** A save is at most this long (a backup of years of reviews is a few MB). */
export const MAX_SAVE_LENGTH = 64 * 1024 * 1024

/**
 * Checks what the renderer sent for a save: plain text and a plain file name (no folder, no
 * hidden file) ending in one of SAVE_TYPES. Returns null for anything else.
 */
export function parseSaveRequest(value: unknown): SaveRequest | null {
  if (typeof value !== 'object' || value === null) return null
  const { text, fileName } = value as Record<string, unknown>
  if (typeof text !== 'string' || text.length > MAX_SAVE_LENGTH) return null
  if (typeof fileName !== 'string' || fileName.length === 0 || fileName.length > 120) return null
  // Letters, digits, dot, dash, underscore and space only: never a path, never a hidden file.
  if (!/^[\p{L}\p{N}_ -][\p{L}\p{N}._ -]*$/u.test(fileName)) return null
  const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase()
  if (!fileName.includes('.') || !Object.hasOwn(SAVE_TYPES, extension)) return null
  return { text, fileName }
}

/** True for one of the application menu's commands. */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value)
}

/**
 * The desktop's sync folder: chosen in the system's folder dialog; the main process reads and
 * writes inside it only, by paths relative to it (see sync-folder.ts).
 */
export interface SyncBridge {
  /** Opens the folder dialog; the chosen folder's path, or null when cancelled. */
  syncChoose(): Promise<string | null>
  /** The folder chosen before (kept by the main process), or null. */
  syncFolder(): Promise<string | null>
  /** Stops syncing with the folder (its files stay). */
  syncForget(): Promise<void>
  syncList(dir: string): Promise<FolderEntry[]>
  syncRead(path: string, offset: number): Promise<string>
  syncAppend(path: string, text: string): Promise<void>
  syncReplace(path: string, text: string): Promise<void>
}

/** What the preload exposes as `window.studyApp` (only inside Electron). */
export interface StudyAppBridge extends SyncBridge {
  /** The app's version and platform, for About. */
  appInfo(): Promise<AppInfo>
  /** Saves text through the system's save dialog; rejects when main refuses or cannot write. */
  saveFile(request: SaveRequest): Promise<SaveOutcome>
  /** A message left for this page by the main process (a reload after a crash), once. */
  takeNotice(): Promise<string | null>
  /** Calls `listener` with each command chosen in the application menu. */
  onMenuCommand(listener: (command: MenuCommand) => void): void
}
