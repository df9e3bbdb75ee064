import { describe, expect, it, vi } from 'vitest'
import { isAllowedRequest } from './security'

vi.mock('electron', () => ({}))

describe('requests the app may make', () => {
  it('are its own schemes, never the network', () => {
    expect(isAllowedRequest('app://bundle/assets/app.js', null)).toBe(true)
    expect(isAllowedRequest('data:image/png;base64,AA', null)).toBe(true)
    expect(isAllowedRequest('blob:app://bundle/1234', null)).toBe(true)
    for (const url of [
      'https://infogalactic.com/',
      'http://127.0.0.1:4173/',
      'ws://localhost:5173/',
      'ftp://example.org/',
      'not a url'
    ]) {
      expect(isAllowedRequest(url, null), url).toBe(false)
    }
  })

  it('include the dev server and its websocket under npm run dev, and nothing else', () => {
    const dev = 'http://localhost:5173'
    expect(isAllowedRequest('http://localhost:5173/src/main.ts', dev)).toBe(true)
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true)
    expect(isAllowedRequest('http://localhost:5174/', dev)).toBe(false)
    expect(isAllowedRequest('https://evil.example/', dev)).toBe(false)
  })
})
