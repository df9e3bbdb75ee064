/** The real pack, validated, for the Trade view's unit tests; and a copy with a made-up series. */
import { checkPackIntegrity } from '$shared/pack-integrity'
import { parsePack, type Pack } from '$shared/pack-schema'
import raw from '../../../../../resources/packs/mexico-russia/pack.json'

/** The bundled pack, parsed; throws if it does not validate. */
export function realPack(): Pack {
  const result = parsePack(structuredClone(raw))
  if (!result.ok) throw new Error(result.problems.join('\n'))
  return result.pack
}

/** The real pack with a synthetic series (clearly made-up values), validated and checked. */
export function packWithSeries(): Pack {
  const result = parsePack({
    ...structuredClone(raw),
    trade: {
      ...structuredClone(raw.trade),
      series: {
        currency: 'US$',
        unit: 'million',
        source: 'SYNTHETIC TEST DATA, not real figures',
        years: [
          { year: 2013, exports: 700, imports: 1100 },
          { year: 2012, exports: 610, imports: 980 },
          { year: 2014, exports: 1200, imports: 1000 }
        ]
      }
    }
  })
  if (!result.ok) throw new Error(result.problems.join('\n'))
  const problems = checkPackIntegrity(result.pack)
  if (problems.length > 0) throw new Error(problems.join('\n'))
  return result.pack
}
