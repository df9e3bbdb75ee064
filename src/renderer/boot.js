// Inlined into <head> by scripts/prerender-plugin.ts (the CSP allows it by its hash), so it runs
// as the parser reaches it, before any request of the app's own. Puts the saved colour scheme on
// the page, and shows the prerendered first screen only when the app will open on the reader at
// its top (no deep link; the app's hint says so, lib/page.ts keeps it; or a new profile, no hint
// at all), once the page is parsed and its stylesheets and two fonts are loaded, so no line moves
// after it is shown. Then it asks for the app's code (the page names it, meta app-code): at once,
// or, when the prerender is shown, after its first paint, which that code's loading would hold
// back; and at a link to another view (#/timeline), for that view's code too. Kept in step with
// lib/color-scheme.svelte.ts and lib/page.ts.
;(function () {
  var root = document.documentElement
  var prerender = false
  try {
    var theme = localStorage.getItem('mexico-russia-study.theme')
    var start = localStorage.getItem('mexico-russia-study.start')
    root.dataset.theme = theme === 'light' || theme === 'dark' ? theme : 'system'
    var hash = location.hash
    prerender =
      (hash === '' || hash === '#/' || hash === '#/reader') &&
      (theme || 'system') === 'system' &&
      (start ? start === 'reader-top' : !theme)
  } catch {
    // No localStorage: the app starts as it would without the prerender.
  }

  // Adds <link>s (or the app's <script>) for files the page names, crossorigin as Vite's own
  // requests, so that Vite finds and reuses them.
  var ask = function (content, entry) {
    content.split(' ').forEach(function (href, at) {
      var script = entry && at === 0
      var tag = document.createElement(script ? 'script' : 'link')
      tag.crossOrigin = ''
      if (script) {
        tag.type = 'module'
        tag.src = href
      } else {
        var kind = /\.js$/.test(href) ? 'script' : /\.css$/.test(href) ? 'style' : 'fetch'
        tag.rel = kind === 'script' ? 'modulepreload' : 'preload'
        if (kind !== 'script') tag.as = kind
        tag.href = href
      }
      document.head.appendChild(tag)
    })
  }
  var asked = false
  var appCode = function () {
    if (asked) return
    asked = true
    try {
      var code = document.querySelector('meta[name="app-code"]')
      if (code) ask(code.content, true)
    } catch {
      // Nothing to load: the page is not the built app.
    }
  }

  if (!prerender) appCode()
  else {
    root.dataset.prerender = 'fonts'
    // Should a stylesheet or a font never answer, the app starts anyway, and the prerender then
    // stays hidden (the app removes it as it draws).
    setTimeout(appCode, 1500)
    var shown = false
    var show = function () {
      if (shown) return
      shown = true
      if (root.dataset.prerender === 'fonts') root.dataset.prerender = 'on'
      // The app's code is asked for once that frame is on screen: the first contentful paint is
      // reported when the frame is presented. Asked for after the frame's callbacks only (before
      // its raster was done), the code's loading and running took the two cores from the raster
      // and held the first screen back by tens of milliseconds. Without paint timing: after the
      // frame's callbacks.
      var observing = false
      try {
        new PerformanceObserver(function (list, observer) {
          if (!list.getEntriesByName('first-contentful-paint').length) return
          observer.disconnect()
          setTimeout(appCode, 0)
        }).observe({ type: 'paint', buffered: true })
        observing = true
      } catch {
        // No paint timing: as below.
      }
      if (!observing)
        requestAnimationFrame(function () {
          setTimeout(appCode, 0)
        })
    }
    // The fonts' rules come with the stylesheets (after this script): wait for the page to be
    // parsed (a screen shown while the parser still adds its nodes would grow under the reader's
    // eyes), then for its stylesheets, then for the two fonts.
    var fonts = function () {
      var pending = 1
      var done = function () {
        pending -= 1
        if (pending > 0) return
        if (!document.fonts) return show()
        Promise.all([
          document.fonts.load('1em "Source Serif 4 Variable"'),
          document.fonts.load('1em "Inter Variable"')
        ]).then(show, show)
      }
      document.querySelectorAll('link[rel="stylesheet"]').forEach(function (link) {
        if (link.sheet) return
        pending += 1
        link.addEventListener('load', done, { once: true })
        link.addEventListener('error', done, { once: true })
      })
      done()
    }
    if (document.readyState === 'loading') {
      document.addEventListener('readystatechange', fonts, { once: true })
    } else fonts()
  }

  // A link to another view (#/timeline): its code is asked for now, beside the app's own, not
  // after the app has run (the page names each view's files, scripts/first-view-plugin.ts; the
  // reader's are in app-code already).
  try {
    var linked = /^#\/([a-z]+)/.exec(location.hash)
    var view =
      linked &&
      linked[1] !== 'reader' &&
      document.querySelector('meta[name="view-code"][data-view="' + linked[1] + '"]')
    if (view) ask(view.content, false)
  } catch {
    // The view's code then loads when the app asks for it.
  }
})()
