/** The real content pack, parsed, for the reader's unit tests. */
import raw from '../../../../../resources/packs/mexico-russia/pack.json'
import { parsePack, type Pack } from '$shared/pack-schema'

export function realPack(): Pack {
  const parsed = parsePack(raw)
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'))
  return parsed.pack
}
