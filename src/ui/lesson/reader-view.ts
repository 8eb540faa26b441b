import { frameSize } from '../layout'
import { isCompleted, type Progress } from '../progress/progress'
import type { CatalogLesson, LessonReader, Viewport } from '../state/app-state'
import { hasDebrief, lessonLines, type Line } from './lesson-lines'
import { parseMarkdown, type MarkdownDocument } from './markdown'

/** Rows of lesson text on screen: the frame less its title bar (two rows) and status line. */
export function readerPageRows(viewport: Viewport): number {
  return Math.max(1, frameSize(viewport).height - 3)
}

/** Columns of lesson text: the frame less a column of padding each side. */
export function readerWidth(viewport: Viewport): number {
  return Math.max(10, viewport.columns - 2)
}

/** Whether "What just happened" may show: once any of the lesson's scenarios was finished. */
export function isDebriefOpen(lesson: CatalogLesson | undefined, progress: Progress): boolean {
  return lesson?.scenarios.some((scenario) => isCompleted(progress, scenario.id)) ?? false
}

/** The reader's part as rows at the viewport's width; empty while the file loads. */
export function readerLines(
  reader: LessonReader,
  lesson: CatalogLesson | undefined,
  progress: Progress,
  viewport: Viewport,
): readonly Line[] {
  if (reader.text === undefined) return []

  const document = parsed(reader.text)
  const note =
    reader.part === 'idea' && hasDebrief(document)
      ? isDebriefOpen(lesson, progress)
        ? 'Press tab for "What just happened".'
        : `"What just happened" opens here once you finish one of this lesson's scenarios.`
      : undefined

  return lessonLines(document, reader.part, readerWidth(viewport), note)
}

/** The furthest the reader can scroll: its last row at the bottom of the page. */
export function maxReaderScroll(lines: readonly Line[], viewport: Viewport): number {
  return Math.max(0, lines.length - readerPageRows(viewport))
}

// One lesson is open at a time; scrolling asks for its rows on every key.
let last: { readonly text: string; readonly document: MarkdownDocument } | undefined

function parsed(text: string): MarkdownDocument {
  if (last?.text !== text) last = { text, document: parseMarkdown(text) }

  return last.document
}
