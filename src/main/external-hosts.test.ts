import { afterAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { externalHosts } from './external-hosts'

const base = mkdtempSync(join(tmpdir(), 'hosts-'))
afterAll(() => rmSync(base, { recursive: true, force: true }))

function pack(name: string, content: string): void {
  mkdirSync(join(base, 'packs', name), { recursive: true })
  writeFileSync(join(base, 'packs', name, 'pack.json'), content)
}

describe('the external link allow-list', () => {
  it('holds exactly the hosts of the real pack: the source article and its licence', () => {
    expect([...externalHosts('resources')].sort()).toEqual([
      'creativecommons.org',
      'infogalactic.com'
    ])
  })

  it('takes https hosts from every pack and skips plain http and broken packs', () => {
    pack(
      'a',
      JSON.stringify({
        source: { url: 'https://a.example/x', licence: { url: 'http://plain.example/' } }
      })
    )
    pack('b', '{ not json')
    pack('c', JSON.stringify({ source: { url: 'javascript:alert(1)' } }))
    expect([...externalHosts(base)]).toEqual(['a.example'])
  })

  it('is empty when there are no packs', () => {
    expect(externalHosts(join(base, 'nothing')).size).toBe(0)
  })
})
