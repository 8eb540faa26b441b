import { measureElement, type DOMElement } from 'ink'
import { useEffect, useRef, useState, type RefObject } from 'react'

/** A ref for a box and its height in rows as last laid out; 0 before the first layout. */
export function useMeasuredHeight(): readonly [RefObject<DOMElement | null>, number] {
  const ref = useRef<DOMElement | null>(null)
  const [height, setHeight] = useState(0)

  // After every render: the box's height follows the terminal and the rows above it.
  useEffect(() => {
    if (!ref.current) return

    const measured = measureElement(ref.current).height
    if (measured !== height) setHeight(measured)
  })

  return [ref, height]
}
