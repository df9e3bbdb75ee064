import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The hosts the system browser may be sent to: those of each bundled pack's source and licence,
 * read from the packs themselves, so another article's pack brings its own hosts and no more.
 */
export function externalHosts(resources: string): Set<string> {
  const hosts = new Set<string>()
  let packs: string[]
  try {
    packs = readdirSync(join(resources, 'packs'))
  } catch {
    return hosts
  }
  for (const name of packs) {
    try {
      const pack = JSON.parse(readFileSync(join(resources, 'packs', name, 'pack.json'), 'utf8'))
      for (const url of [pack?.source?.url, pack?.source?.licence?.url]) {
        if (typeof url !== 'string') continue
        const parsed = new URL(url)
        if (parsed.protocol === 'https:') hosts.add(parsed.hostname)
      }
    } catch {
      // A folder that is not a readable pack links nowhere.
    }
  }
  return hosts
}
