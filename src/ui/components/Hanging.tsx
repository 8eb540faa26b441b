import { Text, type TextProps } from 'ink'
import { useContext } from 'react'
import { wrapWords } from '../format'
import { ProseWidth } from './Prose'

type Props = Omit<TextProps, 'wrap' | 'children'> & {
  /** Starts the first line, such as `  · `; later lines are indented to match it. */
  readonly prefix: string
  /** Plain text, wrapped at word boundaries after the prefix. */
  readonly text: string
}

/** A list item wrapped to the box's width, continuation lines indented under its text. */
export function Hanging({ prefix, text, ...style }: Props) {
  const width = useContext(ProseWidth)
  const indent = ' '.repeat([...prefix].length)
  const lines = wrapWords(text, width - indent.length).split('\n')

  return (
    <Text {...style}>{lines.map((line, i) => (i === 0 ? prefix : indent) + line).join('\n')}</Text>
  )
}
