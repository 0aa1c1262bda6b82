// Remembers the text made for the last value: records from one body chunk share t, at, Δ and often the type, so
// the CLI's formatters turn each into text once per run of equal values rather than once per row.

export class LastText<T> {
  private value: T | undefined;
  private text = '';
  private empty = true;

  constructor(private readonly format: (value: T) => string) {}

  of(value: T): string {
    if (this.empty || value !== this.value) {
      this.value = value;
      this.text = this.format(value);
      this.empty = false;
    }
    return this.text;
  }
}
