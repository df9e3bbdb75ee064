/** Fetches the bundled article pack and validates it completely before any view sees it. */
import { parsePack, type Pack } from '$shared/pack-schema'
import { checkPackIntegrity } from '$shared/pack-integrity'

export const PACK_URL = './packs/mexico-russia/pack.json'

export type PackLoad = { ok: true; pack: Pack } | { ok: false; title: string; problems: string[] }

/** Loads the pack; every way it can fail gives a title and the problems found. */
export async function loadPack(url = PACK_URL, fetcher: typeof fetch = fetch): Promise<PackLoad> {
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
  try {
    json = JSON.parse(await response.text())
  } catch (error) {
    return {
      ok: false,
      title: 'The article pack is damaged: it is not valid JSON.',
      problems: [(error as Error).message]
    }
  }
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
