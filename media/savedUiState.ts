// The view's state as the webview last saved it: each change is saved at once, and never with a credential value.

import { redactRequest } from '../src/shared/redact';
import type { FilterSettings } from './rowFilter';
import type { UiState } from './uiState';
import type { ExtensionChannel } from './vscodeApi';

export class SavedUiState {
  private current: UiState;

  constructor(private readonly channel: Pick<ExtensionChannel, 'loadUiState' | 'saveUiState'>) {
    this.current = channel.loadUiState();
  }

  get state(): UiState {
    return this.current;
  }

  /** The filter box, its switches and the chips as they were left. */
  get filter(): FilterSettings {
    const { filterText, regex, hiddenChips, showCommentsAndRetry } = this.current;
    return { text: filterText, regex, hiddenChips, showCommentsAndRetry };
  }

  save(change: Partial<UiState>): void {
    this.current = { ...this.current, ...change };
    // VS Code keeps this state on disk in the clear: no token from the URL or the headers goes there.
    const { request } = this.current;
    this.channel.saveUiState(request === undefined ? this.current : { ...this.current, request: redactRequest(request) });
  }

  saveFilter(settings: FilterSettings): void {
    this.save({
      filterText: settings.text,
      regex: settings.regex,
      hiddenChips: [...settings.hiddenChips],
      showCommentsAndRetry: settings.showCommentsAndRetry,
    });
  }
}
