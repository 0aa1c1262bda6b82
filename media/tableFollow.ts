// Whether the record table follows the newest row, how many rows came while it did not, and how many a paused table shows.

export class TableFollow {
  private followingNewest = true;
  private unseenRows = 0;
  private isPaused = false;
  private pausedRows = 0;

  /** The view stays at the bottom as rows arrive. */
  get following(): boolean {
    return this.followingNewest;
  }

  get paused(): boolean {
    return this.isPaused;
  }

  /** What the "N new" button counts: rows added while the view did not follow (none while it follows). */
  get unseen(): number {
    return this.followingNewest ? 0 : this.unseenRows;
  }

  /** Of the model's `modelRows` rows, how many the table shows: a paused table keeps to the rows it had. */
  shownRows(modelRows: number): number {
    return this.isPaused ? Math.min(this.pausedRows, modelRows) : modelRows;
  }

  /** After model.sync: counts rows the user has not seen and keeps a paused view on the same rows. */
  rowsChanged(change: { added: number; removed: number }): void {
    if (this.isPaused) this.pausedRows = Math.max(0, this.pausedRows - change.removed);
    else if (!this.followingNewest) this.unseenRows += change.added;
  }

  /** After model.refilter: the rows are new, so nothing is "unseen" and a paused view shows the new set. */
  refiltered(modelRows: number): void {
    this.unseenRows = 0;
    if (this.isPaused) this.pausedRows = modelRows;
  }

  /** After the records were cleared or replaced. */
  reset(): void {
    this.unseenRows = 0;
    this.pausedRows = 0;
    this.followingNewest = true;
  }

  /** False when the table already was (or was not) paused. */
  setPaused(paused: boolean, modelRows: number): boolean {
    if (paused === this.isPaused) return false;
    this.isPaused = paused;
    if (paused) this.pausedRows = modelRows;
    else if (!this.followingNewest) this.unseenRows += modelRows - this.pausedRows;
    return true;
  }

  followAgain(): void {
    this.followingNewest = true;
    this.unseenRows = 0;
  }

  stop(): void {
    this.followingNewest = false;
  }
}
