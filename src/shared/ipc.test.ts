import { describe, expect, it } from 'vitest'
import { isMenuCommand, MAX_SAVE_LENGTH, parseSaveRequest } from './ipc'

describe('a save request from the renderer', () => {
  it.each([
    'mexico-russia-trade.csv',
    'mexico-russia-study-backup-2026-11-30.json',
    'mexico-russia-relations.anki.txt',
    'Relaciones México Rusia.CSV'
  ])('accepts the plain file name %s', (fileName) => {
    expect(parseSaveRequest({ text: 'a,b', fileName })).toEqual({ text: 'a,b', fileName })
  })

  it.each([
    '../evil.csv',
    '/etc/passwd.txt',
    'C:\\Windows\\evil.txt',
    'folder/evil.csv',
    '.hidden.json',
    'evil.exe',
    'evil.sh',
    'no-extension',
    'evil.csv\u0000.exe',
    'constructor',
    'x.constructor',
    '',
    `${'a'.repeat(200)}.csv`
  ])('refuses the file name %j', (fileName) => {
    expect(parseSaveRequest({ text: 'x', fileName })).toBeNull()
  })

  it.each([null, undefined, 'text', 42, [], { fileName: 'a.csv' }, { text: 1, fileName: 'a.csv' }])(
    'refuses the malformed request %j',
    (value) => {
      expect(parseSaveRequest(value)).toBeNull()
    }
  )

  it('refuses a text longer than the limit', () => {
    const text = 'x'.repeat(MAX_SAVE_LENGTH + 1)
    expect(parseSaveRequest({ text, fileName: 'a.json' })).toBeNull()
  })
})

describe('menu commands', () => {
  it('knows its own commands and nothing else', () => {
    expect(isMenuCommand('backup')).toBe(true)
    expect(isMenuCommand('export-trade')).toBe(true)
    expect(isMenuCommand('about')).toBe(true)
    expect(isMenuCommand('quit')).toBe(false)
    expect(isMenuCommand(1)).toBe(false)
  })
})
