// Did-you-mean suggestions, shared by every place that reads words a person typed.

/**
 * The candidate a misspelt word most likely meant, or undefined when none is
 * close: same letters in another case, or a few edits (a swap counts as one).
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase()
  const sameLetters = candidates.find((candidate) => candidate.toLowerCase() === lower)
  if (sameLetters !== undefined) return sameLetters

  const allowed = Math.max(1, Math.floor(word.length / 3))
  let best: string | undefined
  let bestDistance = allowed + 1
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }

  return best
}

function editDistance(a: string, b: string): number {
  const width = b.length + 1
  const cells = Array.from({ length: (a.length + 1) * width }, (_, cell) => {
    const [i, j] = [Math.floor(cell / width), cell % width]
    return i === 0 ? j : j === 0 ? i : 0
  })
  const at = (i: number, j: number): number => cells[i * width + j] ?? Number.POSITIVE_INFINITY

  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1)
      }
      cells[i * width + j] = best
    }
  }

  return at(a.length, b.length)
}
