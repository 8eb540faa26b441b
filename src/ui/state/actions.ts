import type { LessonPart } from '../lesson/lesson-lines'
import type { CatalogLesson, Message, PanelId, SessionSnapshot } from './app-state'

/** Every change to the app state: the reducer's whole vocabulary. */
export type Action =
  | { readonly type: 'course-loaded'; readonly lessons: readonly CatalogLesson[] }
  | { readonly type: 'home-move'; readonly delta: number }
  | { readonly type: 'home-jump'; readonly to: 'first' | 'last' }
  | { readonly type: 'go-home' }
  | { readonly type: 'help-toggle' }
  | { readonly type: 'help-close' }
  | { readonly type: 'help-scroll'; readonly delta: number }
  | { readonly type: 'viewport'; readonly columns: number; readonly rows: number }
  | {
      readonly type: 'reader-open'
      readonly lessonId: string
      readonly from: 'home' | 'scenario'
      readonly part: LessonPart
    }
  /** The lesson's Markdown arrived, or why it could not be read. */
  | {
      readonly type: 'reader-loaded'
      readonly lessonId: string
      readonly text?: string
      readonly error?: string
    }
  | { readonly type: 'reader-close' }
  | { readonly type: 'reader-scroll'; readonly delta: number }
  | { readonly type: 'reader-part'; readonly part: LessonPart }
  /** Leave the app; `interrupted` for Ctrl+C, which exits with the SIGINT status. */
  | { readonly type: 'quit'; readonly interrupted?: boolean }
  /** One line for Home, such as a failure to save progress. */
  | { readonly type: 'notice'; readonly text: string }
  /** The terminal is lent to another program (the policy editor) and back. */
  | { readonly type: 'suspend'; readonly suspended: boolean }
  | { readonly type: 'scenario-opening'; readonly scenarioId: string; readonly lessonId: string }
  | {
      readonly type: 'scenario-opened'
      readonly snapshot: SessionSnapshot
      readonly resumed: number
    }
  | { readonly type: 'busy' }
  /** A scenario or free-play step ran; its outcome may wait for a prediction. */
  | { readonly type: 'stepped'; readonly snapshot: SessionSnapshot }
  /**
   * Steps were taken back; the outcome of the new last step shows as it was.
   * `restart` when every step was: the play-through's score starts over too.
   */
  | { readonly type: 'rewound'; readonly snapshot: SessionSnapshot; readonly restart?: boolean }
  | { readonly type: 'message'; readonly message: Message }
  | { readonly type: 'answer'; readonly verdict: 'allowed' | 'denied' }
  | { readonly type: 'pick-move'; readonly delta: number }
  | { readonly type: 'pick'; readonly skip: boolean }
  | { readonly type: 'reveal' }
  | { readonly type: 'predict-toggle' }
  | { readonly type: 'hint' }
  | { readonly type: 'panel'; readonly panel: PanelId }
  | { readonly type: 'panel-cycle'; readonly delta: number }
  | { readonly type: 'scroll'; readonly delta: number }
  /** The panel was laid out: it scrolls no further than this. */
  | { readonly type: 'scroll-limit'; readonly limit: number }
  /** Shows the step's next (or previous) decision in the Policy panel. */
  | { readonly type: 'decision-cycle'; readonly delta: number }
  | { readonly type: 'prompt-open' }
  | { readonly type: 'prompt-close' }
  | { readonly type: 'prompt-type'; readonly text: string }
  | { readonly type: 'prompt-erase' }
  | { readonly type: 'prompt-browse'; readonly delta: number }
  | { readonly type: 'prompt-sent'; readonly text: string }
  | { readonly type: 'draft'; readonly draft?: { readonly keyRef: string; readonly file: string } }
