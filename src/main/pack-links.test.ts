import { afterAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { packLinks } from './pack-links'

const base = mkdtempSync(join(tmpdir(), 'links-'))
afterAll(() => rmSync(base, { recursive: true, force: true }))

function pack(name: string, content: string): void {
  mkdirSync(join(base, 'packs', name), { recursive: true })
  writeFileSync(join(base, 'packs', name, 'pack.json'), content)
}

describe('what the packs link to', () => {
  it('is, for the real pack, the source article and its licence, and nothing else', () => {
    const links = packLinks('resources')
    expect([...links.hosts].sort()).toEqual(['creativecommons.org', 'infogalactic.com'])
    expect(links.sources).toEqual([
      {
        title: 'Mexico–Russia relations',
        url: 'https://infogalactic.com/info/Mexico%E2%80%93Russia_relations'
      }
    ])
  })

  it('takes https links from every pack and skips plain http, other schemes and broken packs', () => {
    pack(
      'a',
      JSON.stringify({
        source: {
          title: 'A',
          url: 'https://a.example/x',
          licence: { url: 'http://plain.example/' }
        }
      })
    )
    pack('b', '{ not json')
    pack('c', JSON.stringify({ source: { url: 'javascript:alert(1)' } }))
    pack('d', 'null')
    const links = packLinks(base)
    expect([...links.hosts]).toEqual(['a.example'])
    expect(links.sources).toEqual([{ title: 'A', url: 'https://a.example/x' }])
  })

  it('is empty when there are no packs', () => {
    expect(packLinks(join(base, 'nothing'))).toEqual({ hosts: new Set(), sources: [] })
  })
})
