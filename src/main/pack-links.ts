import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** A pack's source article, for the Help menu. */
export interface SourceArticle {
  title: string
  url: string
}

/** What the bundled packs link to, read from the packs themselves. */
export interface PackLinks {
  /** The hosts the system browser may be sent to: each pack's source and licence hosts. */
  hosts: Set<string>
  /** Each pack's source article (https only). */
  sources: SourceArticle[]
}

function httpsUrl(value: unknown): URL | null {
  if (typeof value !== 'string') return null
  try {
    const url = new URL(value)
    return url.protocol === 'https:' ? url : null
  } catch {
    return null
  }
}

/**
 * Reads every `packs/<name>/pack.json` under `resources` for its source and licence links, so
 * another article's pack brings its own hosts and no more. A broken pack links nowhere.
 */
export function packLinks(resources: string): PackLinks {
  const links: PackLinks = { hosts: new Set(), sources: [] }
  let names: string[]
  try {
    names = readdirSync(join(resources, 'packs')).sort()
  } catch {
    return links
  }
  for (const name of names) {
    let source: Record<string, unknown>
    try {
      const pack = JSON.parse(readFileSync(join(resources, 'packs', name, 'pack.json'), 'utf8'))
      source = typeof pack?.source === 'object' && pack.source !== null ? pack.source : {}
    } catch {
      continue
    }
    const article = httpsUrl(source.url)
    const licence = httpsUrl((source.licence as Record<string, unknown> | undefined)?.url)
    if (article) {
      links.hosts.add(article.hostname)
      const title = typeof source.title === 'string' ? source.title : article.hostname
      links.sources.push({ title, url: article.href })
    }
    if (licence) links.hosts.add(licence.hostname)
  }
  return links
}
