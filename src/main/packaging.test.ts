/**
 * The packaging configuration, read as electron-builder reads it: `npm run dist` cannot run here
 * (it downloads Electron's release), so the fuses, targets and files are checked as data.
 */
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

interface Target {
  target: string
  arch?: string[]
}
interface BuilderConfig {
  productName: string
  artifactName: string
  files: string[]
  asar: boolean
  publish: null
  icon: string
  electronFuses: Record<string, boolean>
  mac: { target: Target[] }
  win: { target: Target[] }
  linux: { target: string[]; maintainer: string }
}

const config = parse(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  scripts: Record<string, string>
  main: string
  engines: { node: string }
}

describe('the installers', () => {
  it.each([
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['grantFileProtocolExtraPrivileges', false],
    ['enableCookieEncryption', true],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['onlyLoadAppFromAsar', true]
  ])('set the fuse %s to %s', (fuse, value) => {
    expect(config.electronFuses[fuse]).toBe(value)
  })

  it('build a dmg for Intel and Apple silicon, NSIS for Windows, AppImage and deb for Linux', () => {
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }])
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }])
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.linux.maintainer).not.toBe('')
  })

  it('put the app inside app.asar, with what it loads and nothing from node_modules', () => {
    expect(config.asar).toBe(true)
    expect(config.files).toEqual(
      expect.arrayContaining(['package.json', 'out/**/*', 'resources/packs/**/*'])
    )
    expect(config.files).toContain('!node_modules/**/*')
    // The entry the installed app starts from is one of the files shipped.
    expect(pkg.main).toBe('./out/main/index.js')
  })

  it('never publish anything (the app does not check for updates)', () => {
    expect(config.publish).toBeNull()
  })

  it('name their files in ASCII', () => {
    expect(config.artifactName).toMatch(/^[\w${}.-]+$/)
  })

  it('make every icon from one 1024×1024 PNG in resources/', () => {
    expect(config.icon).toBe('resources/icon.png')
    const png = readFileSync(config.icon)
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024])
  })

  it('build for the current system with npm run dist, after the checked build', () => {
    expect(pkg.scripts.dist).toMatch(/^npm run build && electron-builder\b/)
    expect(pkg.scripts.dist).toContain('--publish never')
  })

  it('declare the Node version Electron 45 and the tools need', () => {
    expect(pkg.engines.node).toBe('>=22.12.0')
    expect(readFileSync('.nvmrc', 'utf8').trim()).toMatch(/^22(\.\d+)*$/)
  })
})
