// Builds the page into dist/: the page's own files plus teams-js from node_modules (no CDN at run time).
import { cpSync, mkdirSync, rmSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'dist');
const require = createRequire(import.meta.url);
const teams = require.resolve('@microsoft/teams-js'); // dist/umd/MicrosoftTeams.min.js

rmSync(out, { recursive: true, force: true });
cpSync(join(here, 'src'), out, { recursive: true });
mkdirSync(join(out, 'lib'), { recursive: true });
copyFileSync(teams, join(out, 'lib', 'MicrosoftTeams.min.js'));
console.log('panel built: ' + out);
