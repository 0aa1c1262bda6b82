// Whether the record table follows the newest row, how many rows came while it did not, and how many a paused table shows.

export class TableFollow {
  // The table reads these three; only the methods below change them.
  /** The view stays at the bottom as rows arrive. */
  following = true;
  /** Rows added while the view did not follow, for the "N new" button. */
  unseen = 0;
  /** Paused: rows are still received and counted, but the table shows only those it had. */
  paused = false;
  private pausedRows = 0;

  /** Of the model's `modelRows` rows, how many the table shows: a paused table keeps to the rows it had. */
  shownRows(modelRows: number): number {
    return this.paused ? Math.min(this.pausedRows, modelRows) : modelRows;
  }

  /** After model.sync: counts rows the user has not seen and keeps a paused view on the same rows. */
  rowsChanged(change: { added: number; removed: number }): void {
    if (this.paused) this.pausedRows = Math.max(0, this.pausedRows - change.removed);
    else if (!this.following) this.unseen += change.added;
  }

  /** After model.refilter: the rows are new, so nothing is "unseen" and a paused view shows the new set. */
  refiltered(modelRows: number): void {
    this.unseen = 0;
    if (this.paused) this.pausedRows = modelRows;
  }

  /** After the records were cleared or replaced. */
  reset(): void {
    this.unseen = 0;
    this.pausedRows = 0;
    this.following = true;
  }

  /** False when the table already was (or was not) paused. */
  setPaused(paused: boolean, modelRows: number): boolean {
    if (paused === this.paused) return false;
    this.paused = paused;
    if (paused) this.pausedRows = modelRows;
    else if (!this.following) this.unseen += modelRows - this.pausedRows;
    return true;
  }

  followAgain(): void {
    this.following = true;
    this.unseen = 0;
  }

  stop(): void {
    this.following = false;
  }
}
