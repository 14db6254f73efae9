// Writes a brotli (.br, quality 11) and a gzip (.gz, level 9) copy beside every compressible
// file below the given directories, for the server to send to browsers that accept them
// (tower-http's precompressed ServeDir). Existing copies are rewritten; a copy that would not
// be smaller is not written.
//
//   node scripts/precompress.mjs DIR...
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|mjs|wasm|css|html|json|svg|txt)$/;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

for (const dir of process.argv.slice(2)) {
  for (const path of files(dir).filter((p) => COMPRESSIBLE.test(p))) {
    const data = readFileSync(path);
    const variants = {
      br: brotliCompressSync(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
      gz: gzipSync(data, { level: 9 }),
    };
    for (const [ext, packed] of Object.entries(variants)) {
      if (packed.length < data.length) writeFileSync(`${path}.${ext}`, packed);
      else rmSync(`${path}.${ext}`, { force: true });
    }
  }
}
