/**
 * The content model in context: the shell sets it once the pack has loaded, and every page reads
 * it with `getStudyContent()` (a typed pair, as shadcn-svelte shares its state).
 */
import { createContext } from 'svelte'
import type { StudyContent } from '../domain/content'

export const [getStudyContent, setStudyContent] = createContext<StudyContent>()
