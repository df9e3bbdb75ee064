/**
 * Fetches the bundled article pack and makes sure it is sound before any view sees it. The build
 * validated the pack and put its SHA-256 digest in the page (scripts/pack-build-plugin.ts): a
 * pack with that digest is the one validated, so it is only parsed; any other (damaged, edited,
 * replaced) is validated completely here, and refused when it fails.
 */
import { parsePack, type Pack } from '$shared/pack-schema'
import { checkPackIntegrity } from '$shared/pack-integrity'

export const PACK_URL = './packs/mexico-russia/pack.json'

/** What the build announced of the pack it validated: its SHA-256 (hex) and its size in bytes. */
export interface PackDigest {
  sha256: string
  bytes: number
}

/** The digest the build announced in the page, if any (none in unit tests or a dev server). */
export function expectedDigest(
  doc: Document | undefined = globalThis.document
): PackDigest | undefined {
  const meta = (name: string) =>
    doc?.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content || undefined
  const sha256 = meta('pack-sha256')
  const bytes = Number(meta('pack-bytes'))
  return sha256 && Number.isSafeInteger(bytes) ? { sha256, bytes } : undefined
}

/** The SHA-256 of some bytes, in hex; undefined where Web Crypto is not available. */
export async function sha256Hex(bytes: ArrayBuffer): Promise<string | undefined> {
  if (!globalThis.crypto?.subtle) return undefined
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
  return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('')
}

export type PackLoad = { ok: true; pack: Pack } | { ok: false; title: string; problems: string[] }

/** Loads the pack; every way it can fail gives a title and the problems found. */
export async function loadPack(
  url = PACK_URL,
  fetcher: typeof fetch = fetch,
  digest: PackDigest | undefined = expectedDigest()
): Promise<PackLoad> {
  let response: Response
  try {
    response = await fetcher(url)
  } catch (error) {
    return { ok: false, title: 'The article pack could not be read.', problems: [String(error)] }
  }
  if (!response.ok) {
    return {
      ok: false,
      title: 'The article pack is missing from this installation.',
      problems: [`${url} answered ${response.status} ${response.statusText}`.trim()]
    }
  }
  let json: unknown
  let trusted = false
  try {
    const bytes = await response.arrayBuffer()
    // A pack of another size is not the one validated: it is not hashed (about 10 ms a megabyte
    // on the main thread), only validated. Otherwise Web Crypto hashes while the JSON is parsed.
    const hashing =
      digest === undefined || bytes.byteLength !== digest.bytes ? undefined : sha256Hex(bytes)
    hashing?.catch(() => undefined) // when the JSON fails first, its error is the one reported
    json = JSON.parse(new TextDecoder().decode(bytes))
    trusted = hashing !== undefined && (await hashing) === digest?.sha256
  } catch (error) {
    return {
      ok: false,
      title: 'The article pack is damaged: it is not valid JSON.',
      problems: [(error as Error).message]
    }
  }
  // The very bytes the build validated: checking them again would only cost time.
  if (trusted) return { ok: true, pack: json as Pack }
  const parsed = parsePack(json)
  if (!parsed.ok) {
    return {
      ok: false,
      title: 'The article pack is damaged: it does not match the expected format.',
      problems: parsed.problems
    }
  }
  const problems = checkPackIntegrity(parsed.pack)
  if (problems.length > 0) {
    return {
      ok: false,
      title: 'The article pack is inconsistent: some of its references point nowhere.',
      problems: problems.slice(0, 20)
    }
  }
  return { ok: true, pack: parsed.pack }
}
