import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AppRoots } from './app-handler'

/**
 * Where the built renderer and the bundled data lie, seen from a built entry file in out/main.
 * Entries pass their own `import.meta.url`: shared code may be bundled into a chunk elsewhere.
 */
export function rootsFrom(entryUrl: string): AppRoots {
  const mainDir = dirname(fileURLToPath(entryUrl))
  return { renderer: join(mainDir, '../renderer'), resources: join(mainDir, '../../resources') }
}
