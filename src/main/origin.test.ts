import { describe, expect, it } from 'vitest'
import { isAllowedExternalUrl, isAppUrl, isTrustedUrl } from './origin'

describe('origin checks', () => {
  it('accepts only the app origin as the app', () => {
    expect(isAppUrl('app://bundle/')).toBe(true)
    expect(isAppUrl('app://bundle/#/timeline')).toBe(true)
    expect(isAppUrl('app://other/')).toBe(false)
    expect(isAppUrl('app://bundle.evil/')).toBe(false)
    expect(isAppUrl('app://user@evil/')).toBe(false)
    expect(isAppUrl('app://bundle:8080/')).toBe(false)
    expect(isAppUrl('https://bundle/')).toBe(false)
    expect(isAppUrl('file:///etc/passwd')).toBe(false)
    expect(isAppUrl('not a url')).toBe(false)
  })

  it('trusts the dev server only when one is given, and only its exact origin', () => {
    const dev = 'http://localhost:5173'
    expect(isTrustedUrl('app://bundle/', null)).toBe(true)
    expect(isTrustedUrl('http://localhost:5173/', null)).toBe(false)
    expect(isTrustedUrl('http://localhost:5173/#/study', dev)).toBe(true)
    expect(isTrustedUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isTrustedUrl('https://localhost:5173/', dev)).toBe(false)
    expect(isTrustedUrl('http://127.0.0.1:5173/', dev)).toBe(false)
    expect(isTrustedUrl('nonsense', dev)).toBe(false)
  })
})

describe('external links', () => {
  const hosts = new Set(['infogalactic.com', 'creativecommons.org'])

  it('hands https links to the allowed hosts to the system browser', () => {
    expect(isAllowedExternalUrl('https://creativecommons.org/licenses/by-sa/3.0/', hosts)).toBe(
      true
    )
    expect(isAllowedExternalUrl('https://infogalactic.com/info/Mexico', hosts)).toBe(true)
  })

  it.each([
    'http://infogalactic.com/info/X',
    'https://evil.example/',
    'https://infogalactic.com.evil.example/',
    'https://sub.infogalactic.com/',
    'https://infogalactic.com:8443/',
    'https://user:pw@infogalactic.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://infogalactic.com/share',
    'app://bundle/',
    ''
  ])('refuses %j', (url) => {
    expect(isAllowedExternalUrl(url, hosts)).toBe(false)
  })
})
