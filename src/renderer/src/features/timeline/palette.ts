/**
 * The theme's colours for the canvas, read once per theme from the CSS variables (a canvas cannot
 * use `var(--accent)` itself). Mastery colours come from probe elements carrying `.m0`–`.m3`.
 */
export interface Palette {
  surface: string
  sunken: string
  text: string
  muted: string
  border: string
  accent: string
  accentSoft: string
  accent2: string
  accent2Soft: string
  focus: string
  mastery: [string, string, string, string]
}

/** Reads the palette from the document; `probes` are four elements with classes m0..m3. */
export function readPalette(root: Element, probes: readonly Element[]): Palette {
  const style = getComputedStyle(root)
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback
  const accent = v('--accent', '#0b6e4f')
  const border = v('--border', '#d9d4c7')
  const level = (i: number, fallback: string) => {
    const probe = probes[i]
    return probe ? getComputedStyle(probe).backgroundColor || fallback : fallback
  }
  return {
    surface: v('--surface', '#fff'),
    sunken: v('--surface-sunken', '#efece4'),
    text: v('--text', '#1f2328'),
    muted: v('--muted', '#5b6370'),
    border,
    accent,
    accentSoft: v('--accent-soft', '#dcefe6'),
    accent2: v('--accent-2', '#a4343a'),
    accent2Soft: v('--accent-2-soft', '#f6e1e1'),
    focus: v('--focus', '#1a5fd0'),
    mastery: [level(0, border), level(1, accent), level(2, accent), level(3, accent)]
  }
}

/**
 * Reads the palette now and again whenever the colour scheme changes (the app's choice on the root
 * element, or the system's); returns a function that stops watching.
 */
export function watchPalette(
  probes: readonly Element[],
  changed: (palette: Palette) => void
): () => void {
  const root = document.documentElement
  const refresh = () => changed(readPalette(root, probes))
  refresh()
  const observer = new MutationObserver(refresh)
  observer.observe(root, { attributes: true, attributeFilter: ['data-theme'] })
  const media = matchMedia('(prefers-color-scheme: dark)')
  media.addEventListener('change', refresh)
  return () => {
    observer.disconnect()
    media.removeEventListener('change', refresh)
  }
}
