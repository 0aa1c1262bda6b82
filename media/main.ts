// The inspector webview's entry point: builds the UI in #app, routes the extension's messages to it, then says `ready`.

import type { ExtensionToWebview } from '../src/shared/protocol';
import { InspectorView } from './inspectorView';
import { connectToExtension } from './vscodeApi';

const channel = connectToExtension();
const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('div'));
const view = new InspectorView(root, channel);

// VS Code delivers the extension's messages as `message` events on the window; only the extension talks here.
window.addEventListener('message', (event: MessageEvent<ExtensionToWebview>) => view.handle(event.data));
channel.post({ type: 'ready' });
