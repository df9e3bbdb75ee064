import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  createAppHandler,
  safeSegments
} from './app-handler'
import { bootScriptHash } from '../../scripts/boot-script'

let base: string
let handler: ReturnType<typeof createAppHandler>

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'handler-'))
  const renderer = join(base, 'renderer')
  const resources = join(base, 'resources')
  mkdirSync(join(renderer, 'assets'), { recursive: true })
  mkdirSync(join(resources, 'packs', 'demo'), { recursive: true })
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>app</title>')
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(renderer, 'assets', 'app.css'), 'body{}')
  writeFileSync(join(renderer, 'assets', 'font.woff2'), 'wOF2')
  writeFileSync(join(renderer, 'assets', 'icon.svg'), '<svg/>')
  writeFileSync(join(renderer, '.env'), 'SECRET=1')
  writeFileSync(join(resources, 'packs', 'demo', 'pack.json'), '{"ok":true}')
  writeFileSync(join(base, 'secret.txt'), 'outside')
  symlinkSync(join(base, 'secret.txt'), join(renderer, 'assets', 'link.txt'))
  symlinkSync(base, join(resources, 'packs', 'escape'))
  handler = createAppHandler({ renderer, resources })
})

afterAll(() => rmSync(base, { recursive: true, force: true }))

const get = (path: string, method = 'GET') =>
  handler(new Request(`http://127.0.0.1:4173${path}`, { method }))

describe('the app handler', () => {
  it.each([
    ['/', 'text/html; charset=utf-8'],
    ['/index.html', 'text/html; charset=utf-8'],
    ['/assets/app.js', 'text/javascript; charset=utf-8'],
    ['/assets/app.css', 'text/css; charset=utf-8'],
    ['/assets/font.woff2', 'font/woff2'],
    ['/assets/icon.svg', 'image/svg+xml'],
    ['/packs/demo/pack.json', 'application/json; charset=utf-8']
  ])('serves %s as %s', async (path, type) => {
    const response = await get(path)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(type)
  })

  it('serves the pack file content from resources', async () => {
    expect(await (await get('/packs/demo/pack.json')).json()).toEqual({ ok: true })
  })

  it('sends a strict Content-Security-Policy with every answer', async () => {
    for (const response of [await get('/'), await get('/nothing-here')]) {
      const csp = response.headers.get('content-security-policy') ?? ''
      expect(csp).toBe(CONTENT_SECURITY_POLICY)
    }
    const csp = CONTENT_SECURITY_POLICY
    // Scripts from the app's own files, and one inline script: the boot script, by its hash.
    expect(csp).toContain(`script-src 'self' ${bootScriptHash()};`)
    expect(csp.match(/'sha256-/g)).toHaveLength(1)
    expect(csp).toContain("connect-src 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("base-uri 'none'")
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/)
  })

  it('lets the dev policy add exactly the dev server’s websocket and Vite’s injected styles', () => {
    const dev = contentSecurityPolicy('http://localhost:5173')
    expect(dev).toContain("connect-src 'self' ws://localhost:5173;")
    expect(dev).toContain("style-src 'self' 'unsafe-inline'")
    expect(dev).toContain(`script-src 'self' ${bootScriptHash()};`)
    // Nothing else differs from the strict policy, and no other host appears.
    const differs = dev
      .split('; ')
      .filter((part) => !CONTENT_SECURITY_POLICY.split('; ').includes(part))
    expect(differs).toEqual([
      "style-src 'self' 'unsafe-inline'",
      "connect-src 'self' ws://localhost:5173"
    ])
    expect(dev.match(/\w+:\/\/[^ ;]+/g)).toEqual(['ws://localhost:5173'])
    expect(contentSecurityPolicy('https://127.0.0.1:5173')).toContain('wss://127.0.0.1:5173')
  })

  it('answers HEAD without a body', async () => {
    const response = await get('/assets/app.js', 'HEAD')
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('')
  })

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('refuses %s with 405', async (method) => {
    const response = await get('/', method)
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, HEAD')
  })

  it('answers 404 for an unknown path and for a folder', async () => {
    expect((await get('/missing.js')).status).toBe(404)
    expect((await get('/assets')).status).toBe(404)
    expect((await get('/packs/demo')).status).toBe(404)
  })

  // Every one of these tries to read outside the served folders, or a file never meant to be served.
  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/%2E%2E/etc/passwd',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets\\..\\..\\secret.txt',
    '/assets/app.js%00.html',
    '/%00',
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    '/C:%5cWindows%5cwin.ini',
    '/assets/link.txt',
    '/packs/escape/secret.txt',
    '/packs/../../secret.txt',
    '/.env',
    '/assets/%ZZ',
    '/packs/%2e%2e/%2e%2e/secret.txt'
  ])('refuses the hostile path %s with 404', async (path) => {
    const response = await get(path)
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('outside')
  })

  it('rejects raw hostile segments before touching the disk', () => {
    expect(safeSegments('/a/../b')).toBeNull()
    expect(safeSegments('/a%2fb')).toBeNull()
    expect(safeSegments('/a%5cb')).toBeNull()
    expect(safeSegments('/a%00')).toBeNull()
    expect(safeSegments('/assets/app.js')).toEqual(['assets', 'app.js'])
    expect(safeSegments('/')).toEqual([])
  })
})
