import { afterEach, describe, expect, it, vi } from 'vitest'
import text from '../../../../resources/packs/mexico-russia/pack.json?raw'
import { expectedDigest, loadPack, sha256Hex, type PackDigest } from './pack-loader'

const bytes = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer
const digest: PackDigest = {
  sha256: (await sha256Hex(bytes(text)))!,
  bytes: bytes(text).byteLength
}
const serving = (body: string, status = 200) =>
  (async () => new Response(body, { status })) as unknown as typeof fetch

describe('loadPack', () => {
  afterEach(() => vi.restoreAllMocks())

  it('computes SHA-256 as the build does (the standard test vector)', async () => {
    expect(await sha256Hex(bytes('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    )
  })

  it('loads the pack the build validated', async () => {
    const loaded = await loadPack('pack.json', serving(text), digest)
    expect(loaded.ok && loaded.pack.packVersion).toBe(JSON.parse(text).packVersion)
  })

  it('validates a pack whose digest differs, and refuses it when it is damaged', async () => {
    const pack = JSON.parse(text)
    pack.sections[0].blocks[0].kind = 'poem'
    const loaded = await loadPack('pack.json', serving(JSON.stringify(pack)), digest)
    expect(loaded.ok).toBe(false)
    expect(!loaded.ok && loaded.title).toContain('does not match the expected format')
  })

  it('refuses a pack with references that point nowhere, even with no digest to compare', async () => {
    const pack = JSON.parse(text)
    pack.cards[0].paragraphId = 'p-nowhere'
    const loaded = await loadPack('pack.json', serving(JSON.stringify(pack)), undefined)
    expect(!loaded.ok && loaded.title).toContain('inconsistent')
  })

  it('reads the digest and size the build put in the page', () => {
    // The two meta tags, as a page's querySelector finds them.
    const page = (metas: Record<string, string>) =>
      ({
        querySelector: (selector: string) => {
          const name = /name="([^"]+)"/.exec(selector)?.[1] ?? ''
          return name in metas ? { content: metas[name] } : null
        }
      }) as unknown as Document
    expect(expectedDigest(page({ 'pack-sha256': 'ab12', 'pack-bytes': '345' }))).toEqual({
      sha256: 'ab12',
      bytes: 345
    })
    expect(expectedDigest(page({ 'pack-sha256': 'ab12' }))).toBeUndefined()
    expect(expectedDigest(page({}))).toBeUndefined()
  })

  it('hashes only a pack of the announced size, and validates it when its bytes differ', async () => {
    const hash = vi.spyOn(crypto.subtle, 'digest')
    const pack = JSON.parse(text)
    pack.cards[0].paragraphId = 'p-nowhere'
    const edited = JSON.stringify(pack)
    // Announced with the edited pack's size: hashed, the digest differs, so it is validated.
    const sameSize = await loadPack('pack.json', serving(edited), {
      ...digest,
      bytes: bytes(edited).byteLength
    })
    expect(!sameSize.ok && sameSize.title).toContain('inconsistent')
    expect(hash).toHaveBeenCalledTimes(1)
    // Another size: validated without hashing.
    const otherSize = await loadPack('pack.json', serving(edited), digest)
    expect(!otherSize.ok && otherSize.title).toContain('inconsistent')
    expect(hash).toHaveBeenCalledTimes(1)
  })

  it('accepts an edited pack that is still sound, after validating it', async () => {
    const pack = JSON.parse(text)
    pack.packVersion = 'edited'
    const loaded = await loadPack('pack.json', serving(JSON.stringify(pack)), digest)
    expect(loaded.ok && loaded.pack.packVersion).toBe('edited')
  })

  it('says when the pack is missing or not JSON', async () => {
    const missing = await loadPack('pack.json', serving('', 404), digest)
    expect(!missing.ok && missing.title).toContain('missing')
    const garbled = await loadPack('pack.json', serving('{"format": '), digest)
    expect(!garbled.ok && garbled.title).toContain('not valid JSON')
  })
})
