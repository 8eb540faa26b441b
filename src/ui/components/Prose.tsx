import { Text, type TextProps } from 'ink'
import { createContext, useContext } from 'react'
import { wrapWords } from '../format'

/** How many columns prose inside the current box may use. */
export const ProseWidth = createContext(76)

type Props = Omit<TextProps, 'wrap' | 'children'> & {
  /** Plain text; its own line breaks are kept. */
  readonly text: string
}

/** A paragraph wrapped at word boundaries to the width its box gives it. */
export function Prose({ text, ...style }: Props) {
  const width = useContext(ProseWidth)

  return <Text {...style}>{wrapWords(text, width)}</Text>
}
