// Command-line front end: `sse-inspector connect <url>` and `sse-inspector mock`.
console.log('sse-inspector');
