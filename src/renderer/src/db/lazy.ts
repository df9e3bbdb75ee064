/**
 * The database for the first view's code, without Dexie in it: the database module (Dexie, the
 * schema, backups, the sync journal) is loaded with `import()` and opened once, when the app
 * allows it (after the article is drawn on a first start), so the first paint never waits for it.
 */
import type { OpenResult } from './database'

/**
 * The IndexedDB database's name, as database.ts names it (a copy, so code without Dexie can look
 * for it; lazy.test.ts holds the two equal). database.ts cannot import it from here: the
 * progress worker bundles database.ts, and a worker cannot hold this module's `import()`s.
 */
export const DATABASE_NAME = 'mexico-russia-study'

let allow: () => void = () => undefined
const allowed = new Promise<void>((resolve) => (allow = resolve))
let opening: Promise<OpenResult> | undefined

/** Loads and opens the database now (once); the app calls it when the first view no longer needs the time. */
export function openDatabaseNow(): Promise<OpenResult> {
  allow()
  return openedDatabase()
}

/** The database's opening: settles once the app has opened it (it never opens it itself). */
export function openedDatabase(): Promise<OpenResult> {
  opening ??= allowed
    .then(() => Promise.all([import('./database'), import('./settings')]))
    .then(([db, loaded]) => {
      settings = loaded
      return db.openDatabase()
    })
  return opening
}

// Loaded with the database, so a write asked for before the opening is made as soon as it opens.
let settings: typeof import('./settings') | undefined

async function open(): Promise<typeof import('./settings')> {
  const opened = await openedDatabase()
  if (!opened.ok || !settings) throw new Error(opened.ok ? 'No settings module.' : opened.message)
  return settings
}

/** Reads a setting once the database is open, or the fallback when it was never saved. */
export async function readSetting<T>(key: string, fallback: T): Promise<T> {
  return (await open()).getSetting(key, fallback)
}

/** Saves a setting once the database is open; rejects on failure (a full disk). */
export async function writeSetting(key: string, value: unknown): Promise<void> {
  await (await open()).setSetting(key, value)
}

/** The message for a failed write, saying what was kept (the database module's wording). */
export async function writeErrorMessage(error: unknown): Promise<string> {
  return (await import('./database')).describeWriteError(error)
}

/**
 * Whether this profile has the database already (a start after the first), asked without opening
 * it; true when the browser cannot say, so the saved place is never skipped.
 */
export async function databaseExists(name = DATABASE_NAME): Promise<boolean> {
  try {
    return (await indexedDB.databases()).some((info) => info.name === name)
  } catch {
    return true
  }
}
