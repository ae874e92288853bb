// Prints the size of the minified bundle, raw and gzipped, and fails above the budget.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET = 8 * 1024;
const min = readFileSync(new URL('../dist/icewatch.min.js', import.meta.url));
const gz = gzipSync(min, { level: 9 }).length;
console.log(`dist/icewatch.min.js: ${min.length} bytes minified, ${gz} bytes min+gzip (budget ${BUDGET})`);
if (gz > BUDGET) process.exit(1);
