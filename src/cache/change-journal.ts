/**
 * Past this many reports since the last settled scan, a build scans every
 * seed again instead of trusting the reports. Note: Linux queues up to 16,384
 * inotify events by default and drops the rest in silence; a burst that big
 * (a `git checkout` of thousands of seeds) reaches this first, and a full scan
 * of 100,000 seeds costs about as much as looking at a few thousand one by one.
 */
export const maxTrustedReports = 4096

/** What a journal says changed since it was last settled (see `ChangeJournal.take`). */
export interface ReportedChanges {
  /** Where the journal stood: settle up to here once a scan made after this has been kept. */
  readonly mark: number
  /** Absolute paths reported since the last settled scan, sorted; undefined when reports may have been missed. */
  readonly files: readonly string[] | undefined
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
  /** Reports so far; each path keeps the number of its latest report. */
  private reports = 0
  private readonly changed = new Map<string, number>()
  /** Reports up to this one are reflected in a kept scan. */
  private settledAt = 0
  /** Whether reports may have been missed, so that no report can be trusted any more. */
  private lost = false

  /** `file` (absolute) may have changed. */
  note(file: string): void {
    this.reports++
    this.changed.set(file, this.reports)
  }

  /**
   * Changes may have gone unreported (the watch could not list a folder, so
   * folders made since are not watched): from now on every scan looks at every seed.
   */
  lose(): void {
    this.lost = true
  }

  /** What was reported since the journal was last settled. */
  take(): ReportedChanges {
    const trusted = !this.lost && this.reports - this.settledAt < maxTrustedReports
    return {mark: this.reports, files: trusted ? [...this.changed.keys()].sort() : undefined}
  }

  /** A scan made after `take` gave `mark` is kept: forget what was reported up to then. */
  settle(mark: number): void {
    if (mark <= this.settledAt) return
    this.settledAt = mark
    for (const [file, report] of this.changed) if (report <= mark) this.changed.delete(file)
  }
}
