/** Runs jobs one after another, each after the previous one settled. */
export type SerialQueue = {
  readonly push: (job: () => Promise<void> | void) => void
  /** Settles once every job pushed so far has run. */
  readonly idle: () => Promise<void>
}

/** A queue whose failing job is reported and does not stop the jobs after it. */
export function createSerialQueue(onError: (error: unknown) => void): SerialQueue {
  let tail: Promise<void> = Promise.resolve()

  return {
    push(job) {
      tail = tail.then(job).catch(onError)
    },
    idle: () => tail,
  }
}
