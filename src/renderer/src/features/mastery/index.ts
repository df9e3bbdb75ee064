/** Mastery shading, shared by the reader, the timeline and the progress view. */
export {
  mastery,
  masteryLevel,
  masteredIds,
  MASTERY_SETTING,
  type MasteryLevel
} from './mastery.svelte'
export { default as MasteryLegend } from './MasteryLegend.svelte'
export { mutatedKeys } from './mutated-keys'
