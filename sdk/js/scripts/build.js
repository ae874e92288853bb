// Bundles src/ into dist/icewatch.js (readable) and dist/icewatch.min.js (minified), both ESM.
import { build } from 'esbuild';

const common = { entryPoints: ['src/index.js'], bundle: true, format: 'esm', target: 'es2019', logLevel: 'warning' };
await build({ ...common, outfile: 'dist/icewatch.js' });
await build({ ...common, outfile: 'dist/icewatch.min.js', minify: true });
