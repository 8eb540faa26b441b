import type { LessonPart } from '../lesson/lesson-lines'
import type { Action } from '../state/actions'

/** Work that needs the sandbox; the controller runs it in the queue. */
export type Command =
  | { readonly type: 'open'; readonly scenarioId: string; readonly lessonId: string }
  | { readonly type: 'next' }
  | { readonly type: 'back' }
  | { readonly type: 'restart' }
  | { readonly type: 'home' }
  | { readonly type: 'submit'; readonly text: string }
  | { readonly type: 'reopen-draft' }
  | {
      readonly type: 'lesson'
      readonly lessonId: string
      readonly from: 'home' | 'scenario'
      readonly part: LessonPart
    }

/** What a key press asks for: a state change, or work for the sandbox. */
export type Intent =
  | { readonly kind: 'action'; readonly action: Action }
  | { readonly kind: 'command'; readonly command: Command }

export const act = (action: Action): Intent => ({ kind: 'action', action })
export const run = (command: Command): Intent => ({ kind: 'command', command })
