/**
 * Past this many file events since the last kept scan, a build scans every
 * seed again instead of trusting the reports. Note: Linux queues up to 16,384
 * inotify events by default and drops the rest in silence; a burst that big
 * (a `git checkout` of thousands of seeds, a sync tool's temporary files)
 * reaches this first, and a full scan of 100,000 seeds costs about as much as
 * looking at a few thousand one by one.
 */
export const maxTrustedEvents = 4096

/** What a journal says changed since it was last settled (see `ChangeJournal.take`). */
export interface ReportedChanges {
  /** Absolute paths reported since the last kept scan, sorted; undefined when reports may have been missed. */
  readonly files: readonly string[] | undefined
  /** Where the journal stood, to settle it up to here once a scan made after this is kept. */
  readonly notes: number
  readonly events: number
}

/**
 * The paths a file watch reported changed (added, written, removed, or a
 * folder made or gone), so that a long-running process (the dev server) can
 * look again at only those seeds instead of every one. A build takes what it
 * reports before it scans, and settles the journal up to that point once its
 * scan is kept: a path reported while the scan ran stays for the next build,
 * which looks at it again (harmless), so no change falls between two builds.
 */
export class ChangeJournal {
  /** Paths noted so far; each path keeps the number of its latest note. */
  private notes = 0
  private readonly changed = new Map<string, number>()
  /** Every event the watch got, reported or left out (a hidden file's), since each fills the system's queue. */
  private events = 0
  /** Where the journal stood when the last kept scan began. */
  private settled = {notes: 0, events: 0}
  /** Whether reports may have been missed, so that no report can be trusted any more. */
  private lost = false

  /** The watch got an event, whether or not it reports it. */
  heard(): void {
    this.events++
  }

  /** `file` (absolute) may have changed. */
  note(file: string): void {
    this.notes++
    this.changed.set(file, this.notes)
  }

  /**
   * Changes may have gone unreported (a folder could not be listed or
   * watched, so folders made since are not watched): from now on every scan
   * looks at every seed.
   */
  lose(): void {
    this.lost = true
  }

  /** What was reported since the last kept scan began. */
  take(): ReportedChanges {
    const trusted = !this.lost && this.events - this.settled.events < maxTrustedEvents
    return {files: trusted ? [...this.changed.keys()].sort() : undefined, notes: this.notes, events: this.events}
  }

  /** A scan made after `take` gave `taken` is kept: forget what was reported before it. */
  settle(taken: ReportedChanges): void {
    if (taken.notes < this.settled.notes) return
    this.settled = {notes: taken.notes, events: taken.events}
    for (const [file, note] of this.changed) if (note <= taken.notes) this.changed.delete(file)
  }
}
