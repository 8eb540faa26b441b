import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { packageRoot } from '../../content/package-root'
import type { LessonPart } from '../lesson/lesson-lines'
import type { CommandContext } from './command-context'

/** What to open: a lesson's text, from Home or from one of its scenarios. */
export type LessonTarget = {
  readonly lessonId: string
  readonly from: 'home' | 'scenario'
  readonly part: LessonPart
}

/**
 * Opens a lesson's text. The Markdown is read the first time it is shown,
 * not at launch, and kept for the rest of the run.
 */
export async function openLesson(context: CommandContext, target: LessonTarget): Promise<void> {
  const { store, lessonTexts } = context
  const lesson = store.getState().lessons.find((candidate) => candidate.id === target.lessonId)
  if (!lesson) return

  const { lessonId, from, part } = target
  store.dispatch({ type: 'reader-open', lessonId, from, part })
  const loaded = (text: string) =>
    store.dispatch({ type: 'reader-loaded', lessonId: lesson.id, text })

  const cached = lessonTexts.get(lesson.file)
  if (cached !== undefined) return loaded(cached)

  try {
    const text = await context.readLesson(lesson.file)
    lessonTexts.set(lesson.file, text)
    loaded(text)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    const message = `Failed to read lessons/${lesson.file}: ${code}`
    store.dispatch({ type: 'reader-loaded', lessonId: lesson.id, error: message })
  }
}

/** Reads a lesson file that ships with the package, from its lessons/ folder. */
export function readShippedLesson(file: string): Promise<string> {
  return readFile(join(packageRoot(), 'lessons', file), 'utf8')
}
