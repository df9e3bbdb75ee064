/** Small key-value settings kept in IndexedDB: the theme, the last view, the reading position… */
import { database } from './database'

/** Reads a setting, or the fallback when it was never saved. */
export async function getSetting<T>(key: string, fallback: T): Promise<T> {
  const row = await database().settings.get(key)
  return row === undefined ? fallback : (row.value as T)
}

/** Saves a setting; rejects on failure (a full disk) so the caller can tell the user. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await database().settings.put({ key, value })
}
