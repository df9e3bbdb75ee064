import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { CONTENT_SECURITY_POLICY } from './app-handler'
import { createLoopbackServer, refusal } from './loopback'

let server: Server
let port: number
const handler = vi.fn(async (request: Request) => {
  if (new URL(request.url).pathname === '/boom') throw new Error('handler failed')
  return new Response('hello', { headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } })
})

beforeAll(async () => {
  server = createLoopbackServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

/** Sends a raw request over a socket, so nothing normalises the target or the Host first. */
function raw(text: string): Promise<{ status: number; headers: Map<string, string> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text))
    let data = ''
    socket.setEncoding('latin1')
    socket.on('data', (chunk) => (data += chunk))
    socket.on('error', reject)
    socket.on('close', () => {
      const [head = ''] = data.split('\r\n\r\n')
      const [statusLine = '', ...lines] = head.split('\r\n')
      const headers = new Map(
        lines.map((line) => {
          const at = line.indexOf(':')
          return [line.slice(0, at).toLowerCase(), line.slice(at + 1).trim()] as [string, string]
        })
      )
      resolve({ status: Number(statusLine.split(' ')[1]), headers })
    })
  })
}

const request = (line: string, host: string | null = `127.0.0.1:${'PORT'}`) =>
  raw(
    `${line}\r\n${host === null ? '' : `Host: ${host.replace('PORT', String(port))}\r\n`}Connection: close\r\n\r\n`
  )

function expectSecurityHeaders(headers: Map<string, string>): void {
  expect(headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
  expect(headers.get('x-content-type-options')).toBe('nosniff')
  expect(headers.get('referrer-policy')).toBe('no-referrer')
}

describe('the loopback server', () => {
  it('answers its own address by IP and by name', async () => {
    expect((await request('GET / HTTP/1.1')).status).toBe(200)
    expect((await request('GET /x?y=1 HTTP/1.1', 'localhost:PORT')).status).toBe(200)
    expect((await request('HEAD / HTTP/1.1', 'LOCALHOST:PORT')).status).toBe(200)
  })

  it.each([
    ['another site (DNS rebinding)', 'evil.example:PORT'],
    ['another port', '127.0.0.1:1'],
    ['no port', '127.0.0.1'],
    ['a look-alike', '127.0.0.1.evil.example:PORT']
  ])('refuses a Host of %s with 421, with the security headers', async (_what, host) => {
    handler.mockClear()
    const response = await request('GET / HTTP/1.1', host)
    expect(response.status).toBe(421)
    expectSecurityHeaders(response.headers)
    expect(handler).not.toHaveBeenCalled()
  })

  it('refuses a request without a Host', async () => {
    handler.mockClear()
    expect((await request('GET / HTTP/1.0', null)).status).toBe(421)
    expect(handler).not.toHaveBeenCalled()
  })

  it.each(['GET http://127.0.0.1/ HTTP/1.1', 'GET //evil.example/ HTTP/1.1'])(
    'answers 400 to a target that is not origin-form: %s',
    async (line) => {
      handler.mockClear()
      const response = await request(line)
      expect(response.status).toBe(400)
      expectSecurityHeaders(response.headers)
      expect(handler).not.toHaveBeenCalled()
    }
  )

  it.each(['OPTIONS * HTTP/1.1', 'TRACE / HTTP/1.1', 'POST / HTTP/1.1', 'DELETE / HTTP/1.1'])(
    'answers 405 to %s without reaching the handler',
    async (line) => {
      handler.mockClear()
      const response = await request(line)
      expect(response.status).toBe(405)
      expect(response.headers.get('allow')).toBe('GET, HEAD')
      expectSecurityHeaders(response.headers)
      expect(handler).not.toHaveBeenCalled()
    }
  )

  it('answers a request the parser refuses with 400 and the security headers', async () => {
    const response = await raw('GARBAGE\r\n\r\n')
    expect(response.status).toBe(400)
    expectSecurityHeaders(response.headers)
  })

  it('answers a failing handler with 500 and logs one line, no stack trace', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const response = await request('GET /boom HTTP/1.1')
    expect(response.status).toBe(500)
    expectSecurityHeaders(response.headers)
    expect(log).toHaveBeenCalledTimes(1)
    expect(String(log.mock.calls[0]?.[0])).not.toMatch(/\n\s+at /)
    log.mockRestore()
  })

  it('logs nothing for a bad request', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    await request('GET http://x/ HTTP/1.1')
    await request('OPTIONS * HTTP/1.1')
    await request('GET / HTTP/1.1', 'evil.example')
    expect(log).not.toHaveBeenCalled()
    log.mockRestore()
  })
})

describe('refusal', () => {
  it('lets a plain GET to its own address through', () => {
    expect(refusal('GET', '/', '127.0.0.1:4173', 4173)).toBeNull()
    expect(refusal('HEAD', '/a?b', 'localhost:4173', 4173)).toBeNull()
  })
  it('checks the method, then the target, then the Host', () => {
    expect(refusal('TRACE', 'http://x/', 'evil', 4173)?.status).toBe(405)
    expect(refusal('GET', '*', 'evil', 4173)?.status).toBe(400)
    expect(refusal('GET', '/', 'evil', 4173)?.status).toBe(421)
  })
})
