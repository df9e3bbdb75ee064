import { describe, expect, it } from 'vitest'
import { isAppUrl, isSafeExternalUrl } from './origin'

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

  it('hands only plain http(s) links to the system browser', () => {
    expect(isSafeExternalUrl('https://creativecommons.org/licenses/by-sa/3.0/')).toBe(true)
    expect(isSafeExternalUrl('http://infogalactic.com/info/X')).toBe(true)
    expect(isSafeExternalUrl('file:///etc/passwd')).toBe(false)
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false)
    expect(isSafeExternalUrl('smb://host/share')).toBe(false)
    expect(isSafeExternalUrl('https://user:pw@example.org/')).toBe(false)
    expect(isSafeExternalUrl('')).toBe(false)
  })
})
