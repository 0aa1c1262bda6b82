// The inspector webview: renders the record table the extension streams to it.
export {};
