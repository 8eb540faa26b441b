import { isDebriefOpen, maxReaderScroll, readerLines } from '../lesson/reader-view'
import type { Action } from './actions'
import type { AppState, LessonReader } from './app-state'
import { clamp } from './clamp'

/** The lesson reader's share of the reducer; undefined for actions it does not handle. */
export function reduceReader(state: AppState, action: Action): AppState | undefined {
  switch (action.type) {
    case 'reader-open': {
      const { type: _type, ...target } = action
      const part =
        target.part === 'debrief' && !debriefOpen(state, target.lessonId) ? 'idea' : target.part

      return { ...state, help: false, reader: { ...target, part, scroll: 0 } }
    }

    case 'reader-loaded': {
      const reader = state.reader
      if (reader?.lessonId !== action.lessonId) return state

      const { type: _type, lessonId: _id, ...loaded } = action

      return { ...state, reader: { ...reader, ...loaded } }
    }

    case 'reader-close':
      return { ...state, reader: undefined }
    case 'reader-scroll':
      return state.reader ? withReader(state, scrolled(state, state.reader, action.delta)) : state
    case 'reader-part': {
      const reader = state.reader
      if (!reader || (action.part === 'debrief' && !debriefOpen(state, reader.lessonId)))
        return state

      return withReader(state, { ...reader, part: action.part, scroll: 0 })
    }

    default:
      return undefined
  }
}

function debriefOpen(state: AppState, lessonId: string): boolean {
  const lesson = state.lessons.find((candidate) => candidate.id === lessonId)

  return isDebriefOpen(lesson, state.progress)
}

// Clamped to the text as laid out for the terminal, so scrolling back never starts past the end.
function scrolled(state: AppState, reader: LessonReader, delta: number): LessonReader {
  const lesson = state.lessons.find((candidate) => candidate.id === reader.lessonId)
  const lines = readerLines(reader, lesson, state.progress, state.viewport)
  const scroll = clamp(reader.scroll + delta, 0, maxReaderScroll(lines, state.viewport))

  return { ...reader, scroll }
}

function withReader(state: AppState, reader: LessonReader): AppState {
  return { ...state, reader }
}
