/** The bundled content pack, parsed and validated, for unit tests: a fresh copy on every call. */
import raw from '../../../../resources/packs/mexico-russia/pack.json'
import { parsePack, type Pack } from '$shared/pack-schema'

export function realPack(): Pack {
  const parsed = parsePack(structuredClone(raw))
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'))
  return parsed.pack
}
