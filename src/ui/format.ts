// Small text helpers the screens share. Presentation only: no KMS rules here.

/** A key as the learner knows it: the scenario's ref, else the end of its key ID. */
export function keyLabel(
  arnOrId: string | undefined,
  keyRefs: ReadonlyMap<string, string>,
): string {
  if (!arnOrId) return '?'

  const ref = keyRefs.get(arnOrId)
  if (ref) return ref

  const id = arnOrId.split('/').at(-1) ?? arnOrId

  return `key ${id.slice(0, 8)}…`
}

/** A grant by the scenario's ref, else the start of its ID. */
export function grantLabel(grantId: string, grantRefs: ReadonlyMap<string, string>): string {
  return grantRefs.get(grantId) ?? `grant ${grantId.slice(0, 8)}…`
}

/**
 * A deciding ref as the learner reads it: `key-policy:<Sid>` as it is, a
 * grant as `grant:<the scenario's ref>` or `grant:<start of its ID>…`.
 */
export function decidedByLabel(ref: string, grantRefs: ReadonlyMap<string, string>): string {
  if (!ref.startsWith('grant:')) return ref

  const id = ref.slice('grant:'.length)

  return `grant:${grantRefs.get(id) ?? `${id.slice(0, 8)}…`}`
}

/** `2026-01-01T00:05:00.000Z` → `2026-01-01 00:05 UTC`. */
export function timeLabel(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
}

/**
 * Narration as a paragraph: the author's single line breaks become spaces,
 * blank lines stay paragraph breaks. Saves rows on a small terminal.
 */
export function toParagraphs(text: string | undefined): string {
  return (text ?? '')
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' '))
    .join('\n')
}

/**
 * Greedy word wrap to a width, keeping the text's own line breaks. Ink's own
 * wrapping starts a line with a space when the previous one ends exactly at
 * the edge; text wrapped here first never reaches that case.
 */
export function wrapWords(text: string, width: number): string {
  const size = Math.max(10, width)

  return text
    .split('\n')
    .flatMap((paragraph) => wrapParagraph(paragraph, size))
    .join('\n')
}

function wrapParagraph(paragraph: string, width: number): readonly string[] {
  const lines: string[] = []
  let line = ''

  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    for (const piece of chunks(word, width)) {
      const joined = line === '' ? piece : `${line} ${piece}`
      if ([...joined].length <= width) line = joined
      else {
        lines.push(line)
        line = piece
      }
    }
  }

  return [...lines, line]
}

// A word longer than the line is cut, as a terminal would.
function chunks(word: string, width: number): readonly string[] {
  const characters = [...word]
  const pieces: string[] = []
  for (let at = 0; at < characters.length; at += width)
    pieces.push(characters.slice(at, at + width).join(''))

  return pieces
}
