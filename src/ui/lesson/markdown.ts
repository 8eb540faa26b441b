// The small part of Markdown the lessons use: headings, paragraphs written one
// sentence per line, bullet lists, fenced code, `code`, **bold** and links.
// Anything else shows as the text it is. A paragraph keeps its lines: each
// sentence starts a row of its own, which reads better in a terminal than a
// block of twenty wrapped rows.

/** A run of text in one style. */
export type Span = { readonly text: string; readonly style: 'plain' | 'code' | 'bold' }

/** A block of a section, in source order. */
export type Block =
  /** One entry per source line: a sentence, as the lessons are written. */
  | { readonly kind: 'paragraph'; readonly lines: readonly (readonly Span[])[] }
  | { readonly kind: 'bullet'; readonly spans: readonly Span[] }
  | { readonly kind: 'code'; readonly lines: readonly string[] }

/** A `##` section; the text before the first one has an empty heading. */
export type Section = { readonly heading: string; readonly blocks: readonly Block[] }

/** A lesson file read into its title and sections. */
export type MarkdownDocument = { readonly title: string; readonly sections: readonly Section[] }

/** Reads a lesson's Markdown. Never throws: what it does not know stays as text. */
export function parseMarkdown(markdown: string): MarkdownDocument {
  let title = ''
  const sections: { heading: string; blocks: Block[] }[] = [{ heading: '', blocks: [] }]
  let paragraph: string[] = []
  let fence: string[] | undefined

  const current = () => sections[sections.length - 1]!
  const endParagraph = () => {
    if (paragraph.length > 0)
      current().blocks.push({ kind: 'paragraph', lines: paragraph.map(parseInline) })
    paragraph = []
  }

  for (const line of markdown.split(/\r?\n/)) {
    if (fence) {
      if (/^\s*```/.test(line)) {
        current().blocks.push({ kind: 'code', lines: fence })
        fence = undefined
      } else fence.push(line)
      continue
    }

    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line)
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line)
    if (heading || bullet || /^\s*```/.test(line) || line.trim() === '') endParagraph()

    if (heading?.[1] === '#' && title === '') title = heading[2] ?? ''
    else if (heading) sections.push({ heading: heading[2] ?? '', blocks: [] })
    else if (bullet) current().blocks.push({ kind: 'bullet', spans: parseInline(bullet[1] ?? '') })
    else if (/^\s*```/.test(line)) fence = []
    else if (line.trim() !== '') paragraph.push(line.trim())
  }

  endParagraph()
  if (fence) current().blocks.push({ kind: 'code', lines: fence })

  return { title, sections: sections.filter((s) => s.heading !== '' || s.blocks.length > 0) }
}

/** `code`, **bold** and [text](url) within a line; an unclosed marker stays as written. */
export function parseInline(text: string): readonly Span[] {
  const spans: Span[] = []
  const pattern = /`([^`]+)`|\*\*(.+?)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g
  let at = 0

  for (const match of text.matchAll(pattern)) {
    if (match.index > at) spans.push({ text: text.slice(at, match.index), style: 'plain' })

    const [, code, bold, label, url] = match
    if (code !== undefined) spans.push({ text: code, style: 'code' })
    else if (bold !== undefined) spans.push({ text: bold, style: 'bold' })
    else spans.push({ text: `${label} (${url})`, style: 'plain' })
    at = match.index + match[0].length
  }

  if (at < text.length) spans.push({ text: text.slice(at), style: 'plain' })

  // A link is plain text here: it joins the plain text around it.
  return spans.reduce<Span[]>((merged, span) => {
    const last = merged.at(-1)
    if (last?.style === span.style)
      merged[merged.length - 1] = { ...last, text: last.text + span.text }
    else merged.push(span)

    return merged
  }, [])
}
