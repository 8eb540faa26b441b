import type { Block, MarkdownDocument, Section, Span } from './markdown'

/** The two halves of a lesson: before a scenario, and after one ("What just happened"). */
export type LessonPart = 'idea' | 'debrief'

/** One terminal row of a lesson. */
export type Line = { readonly spans: readonly Span[]; readonly tone?: 'heading' | 'note' }

/**
 * The sections of a part. "What just happened" and the sections after it are
 * the debrief, offered once a scenario is played; everything before it is
 * the idea. A lesson without that heading is all idea.
 */
export function partSections(document: MarkdownDocument, part: LessonPart): readonly Section[] {
  const at = document.sections.findIndex((section) => /^what just happened$/i.test(section.heading))
  if (at < 0) return part === 'idea' ? document.sections : []

  return part === 'idea' ? document.sections.slice(0, at) : document.sections.slice(at)
}

/** Whether a lesson has a debrief to offer. */
export function hasDebrief(document: MarkdownDocument): boolean {
  return partSections(document, 'debrief').length > 0
}

/**
 * A part of a lesson as terminal rows at a width: headings, each sentence of
 * a paragraph wrapped at word boundaries from a row of its own, bullets with
 * their continuation indented, and a blank row between blocks. `note` closes
 * it in dim text.
 */
export function lessonLines(
  document: MarkdownDocument,
  part: LessonPart,
  width: number,
  note?: string,
): readonly Line[] {
  const lines: Line[] = []
  const gap = () => {
    if (lines.length > 0 && lines.at(-1)?.spans.length !== 0) lines.push({ spans: [] })
  }

  for (const section of partSections(document, part)) {
    gap()
    if (section.heading) lines.push({ spans: [plain(section.heading)], tone: 'heading' })

    for (const [i, block] of section.blocks.entries()) {
      // A list reads as one block: no blank rows between its bullets.
      const listGoesOn = block.kind === 'bullet' && section.blocks[i - 1]?.kind === 'bullet'
      if (!listGoesOn && (i > 0 || !section.heading)) gap()
      lines.push(...blockLines(block, width))
    }
  }

  if (note) {
    gap()
    lines.push(
      ...wrapSpans([plain(note)], width).map((line) => ({ ...line, tone: 'note' as const })),
    )
  }

  return lines
}

function blockLines(block: Block, width: number): readonly Line[] {
  switch (block.kind) {
    case 'paragraph':
      // A sentence's later rows are indented, so each sentence's start stands out.
      return block.lines.flatMap((spans) => wrapSpans(spans, width, '', '  '))
    case 'bullet':
      return wrapSpans(block.spans, width, '• ')
    case 'code':
      return block.lines.map((text) => ({ spans: [{ text: `  ${text}`, style: 'code' }] }))
  }
}

const plain = (text: string): Span => ({ text, style: 'plain' })

/**
 * Greedy word wrap over styled text. A word is everything between spaces, so
 * `kms:*`, followed by a comma, stays together. Continuation rows start
 * with `indent`: by default as far in as the prefix reaches.
 */
export function wrapSpans(
  spans: readonly Span[],
  width: number,
  prefix = '',
  indent = ' '.repeat(prefix.length),
): readonly Line[] {
  const room = Math.max(10, width - Math.max(prefix.length, indent.length))
  const lines: Span[][] = []
  let line: Span[] = []
  let used = 0

  for (const word of toWords(spans)) {
    for (const piece of cut(word, room)) {
      const size = lengthOf(piece)
      if (used > 0 && used + 1 + size > room) {
        lines.push(line)
        line = []
        used = 0
      }

      if (used > 0) line.push(plain(' '))
      line.push(...piece)
      used += (used > 0 ? 1 : 0) + size
    }
  }

  lines.push(line)

  return lines.map((spansOfLine, i) => ({
    spans: merge([plain(i === 0 ? prefix : indent), ...spansOfLine]),
  }))
}

type Word = readonly Span[]

function toWords(spans: readonly Span[]): readonly Word[] {
  const words: Span[][] = []
  let word: Span[] = []

  for (const span of spans) {
    for (const part of span.text.split(/(\s+)/)) {
      if (/^\s+$/.test(part)) {
        if (word.length > 0) words.push(word)
        word = []
      } else if (part !== '') word.push({ text: part, style: span.style })
    }
  }

  if (word.length > 0) words.push(word)

  return words
}

// A word longer than the row is cut, as a terminal would.
function cut(word: Word, room: number): readonly Word[] {
  if (lengthOf(word) <= room) return [word]

  const characters = word.flatMap((span) =>
    [...span.text].map((text) => ({ text, style: span.style })),
  )
  const pieces: Span[][] = []
  for (let at = 0; at < characters.length; at += room)
    pieces.push(merge(characters.slice(at, at + room)))

  return pieces
}

function lengthOf(word: Word): number {
  return word.reduce((sum, span) => sum + [...span.text].length, 0)
}

function merge(spans: readonly Span[]): Span[] {
  const merged: Span[] = []

  for (const span of spans) {
    const last = merged.at(-1)
    if (span.text === '') continue
    if (last && last.style === span.style)
      merged[merged.length - 1] = { ...last, text: last.text + span.text }
    else merged.push(span)
  }

  return merged
}
