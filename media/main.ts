// The inspector webview's entry point: builds the UI in #app, routes the extension's messages to it, then says `ready`.

import type { ExtensionToWebview } from '../src/shared/protocol';
import { BatchFeeder } from './batchFeeder';
import { InspectorView } from './inspectorView';
import { connectToExtension } from './vscodeApi';

const channel = connectToExtension();
const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('div'));
const view = new InspectorView(root, channel);

// A MessageChannel task, unlike setTimeout, is neither clamped nor throttled in a hidden webview.
const tasks = new MessageChannel();
const steps: Array<() => void> = [];
tasks.port1.onmessage = () => steps.shift()?.();
const feeder = new BatchFeeder({
  apply: (message) => view.handle(message),
  applied: (batch) => channel.post({ type: 'applied', batch }),
  // While a batch is only partly in the table, assistive technology (and anyone reading the DOM) can tell.
  busyChanged: (busy) => root.setAttribute('aria-busy', String(busy)),
  later: (step) => {
    steps.push(step);
    tasks.port2.postMessage(null);
  },
  now: () => performance.now(),
});

// VS Code delivers the extension's messages as `message` events on the window; only the extension talks here.
window.addEventListener('message', (event: MessageEvent<ExtensionToWebview>) => feeder.push(event.data));
channel.post({ type: 'ready' });
