// Runs every benchmark module in bench/ (each exports `run()`), or only those named on the command line.

import { readdirSync } from 'node:fs';
import path from 'node:path';

interface BenchModule {
  run(): Promise<void>;
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const names = readdirSync(__dirname)
    .filter((file) => file.endsWith('.ts') && file !== 'run.ts')
    .map((file) => file.slice(0, -'.ts'.length))
    .filter((name) => wanted.length === 0 || wanted.includes(name))
    .sort();
  if (names.length === 0) {
    console.error(
      `No benchmark named ${wanted.join(', ')}; there are: ${readdirSync(__dirname)
        .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
        .join(', ')}`,
    );
    process.exitCode = 2;
    return;
  }
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}`);
  for (const name of names) {
    console.log(`\n## ${name}`);
    const module = (await import(path.join(__dirname, `${name}.ts`))) as BenchModule;
    await module.run();
  }
}

void main();
