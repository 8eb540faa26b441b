import { describe, expect, it } from 'vitest'
import { lessonLines, wrapSpans, type Line } from '../../src/ui/lesson/lesson-lines'
import { parseInline, parseMarkdown } from '../../src/ui/lesson/markdown'

const text = (lines: readonly Line[]) => lines.map((line) => line.spans.map((s) => s.text).join(''))

const lesson = `# Title

## The idea

First sentence of the idea, which is long enough to wrap at a narrow width.
Second sentence.

## Try it

- one bullet that is also long enough to wrap
- two

## What just happened

It happened.
`

describe('lesson Markdown', () => {
  it('reads the title, the sections and their blocks', () => {
    const document = parseMarkdown(lesson)

    expect(document.title).toBe('Title')
    expect(document.sections.map((section) => section.heading)).toEqual([
      'The idea',
      'Try it',
      'What just happened',
    ])
    expect(document.sections[1]?.blocks.map((block) => block.kind)).toEqual(['bullet', 'bullet'])
  })

  it('reads `code`, **bold** and links, and leaves an unclosed mark as written', () => {
    expect(parseInline('use `kms:*`, **not** [this](https://example.com) or `that')).toEqual([
      { text: 'use ', style: 'plain' },
      { text: 'kms:*', style: 'code' },
      { text: ', ', style: 'plain' },
      { text: 'not', style: 'bold' },
      { text: ' this (https://example.com) or `that', style: 'plain' },
    ])
  })

  it('starts each sentence on a row of its own and indents the rest of it', () => {
    const rows = text(lessonLines(parseMarkdown(lesson), 'idea', 40))

    expect(rows.slice(0, 5)).toEqual([
      'The idea',
      'First sentence of the idea, which is',
      '  long enough to wrap at a narrow width.',
      'Second sentence.',
      '',
    ])
  })

  it('hangs a bullet’s later rows under its text, with no blank rows inside a list', () => {
    const rows = text(lessonLines(parseMarkdown(lesson), 'idea', 30))
    const at = rows.indexOf('Try it')

    expect(rows.slice(at, at + 4)).toEqual([
      'Try it',
      '• one bullet that is also long',
      '  enough to wrap',
      '• two',
    ])
  })

  it('keeps "What just happened" for the debrief, with a closing note on the idea', () => {
    const document = parseMarkdown(lesson)

    expect(text(lessonLines(document, 'idea', 60, 'Note.'))).not.toContain('It happened.')
    expect(text(lessonLines(document, 'idea', 60, 'Note.')).at(-1)).toBe('Note.')
    expect(text(lessonLines(document, 'debrief', 60))).toEqual([
      'What just happened',
      'It happened.',
    ])
  })

  it('keeps a code span and the punctuation after it together when wrapping', () => {
    const spans = parseInline('allows `kms:*`, then more words')

    expect(text(wrapSpans(spans, 13))).toEqual(['allows kms:*,', 'then more', 'words'])
  })
})
