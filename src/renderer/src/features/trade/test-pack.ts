/** The real pack with a made-up series, for the Trade view's unit tests. */
export { realPack } from '../../test-support/real-pack'
import { checkPackIntegrity } from '$shared/pack-integrity'
import { parsePack, type Pack } from '$shared/pack-schema'
import raw from '../../../../../resources/packs/mexico-russia/pack.json'

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
