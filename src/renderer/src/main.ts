import { mount } from 'svelte'
import '@fontsource-variable/inter/wght.css'
import '@fontsource-variable/source-serif-4/wght.css'
import './styles/global.css'
import './app/prerender.css'
import App from './app/App.svelte'
import { notices } from './lib/notices.svelte'
import { router } from './lib/router.svelte'
import { connectDesktop } from './lib/desktop'

const target = document.getElementById('app')
if (!target) throw new Error('#app is missing from index.html')

// Inside the desktop app: menu commands and the main process's notices reach the page.
connectDesktop(window.studyApp, { go: router.go, notify: (text) => notices.show(text, 'error') })

// Built, the page's boot script (src/renderer/boot.js) asks for this module once it has run, and
// after the prerendered first screen's first paint when it shows one: the app can start at once.
mount(App, { target })
