// A base for owners of resources: whatever they register is disposed with them, newest first.

export interface DisposableLike {
  dispose(): unknown;
}

export abstract class Disposable implements DisposableLike {
  private readonly owned: DisposableLike[] = [];
  private disposed = false;

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  /** Takes ownership of `resource`; registering after disposal frees it at once, so nothing leaks. */
  protected register<T extends DisposableLike>(resource: T): T {
    if (this.disposed) {
      resource.dispose();
    } else {
      this.owned.push(resource);
    }
    return resource;
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    // Reverse order: later resources may depend on earlier ones (a listener on a panel, say).
    const errors: unknown[] = [];
    for (const resource of this.owned.splice(0).reverse()) {
      try {
        resource.dispose();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) {
      throw new AggregateError(errors, `${errors.length} resource(s) failed to dispose`);
    }
  }
}
