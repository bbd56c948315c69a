#!/usr/bin/env node
// Prints, as JSON, the install lines the package READMEs give an adopter: the `yarn --cwd ... add`
// commands and the `backend.add(import(...))` lines, so the fresh-app check adds exactly those.
const fs = require('node:fs');
const path = require('node:path');

const plugins = path.resolve(__dirname, '../../plugins');
const adds = [];
const backendLines = [];
for (const dir of fs.readdirSync(plugins).sort()) {
  const readme = path.join(plugins, dir, 'README.md');
  if (!fs.existsSync(readme)) continue;
  const text = fs.readFileSync(readme, 'utf8');
  for (const m of text.matchAll(
    /^yarn --cwd (packages\/(?:app|backend)) add ((?:@backstage-vsphere\/[\w-]+ ?)+)$/gm,
  )) {
    adds.push({ cwd: m[1], packages: m[2].trim().split(/\s+/), readme });
  }
  // prettier wraps long lines inside the README's code blocks; the statement is the same
  for (const m of text.matchAll(
    /backend\.add\(\s*import\('(@backstage-vsphere\/[\w-]+)'\),?\s*\);/g,
  )) {
    backendLines.push(`backend.add(import('${m[1]}'));`);
  }
}
console.log(
  JSON.stringify({ adds, backendLines: [...new Set(backendLines)] }, null, 2),
);
