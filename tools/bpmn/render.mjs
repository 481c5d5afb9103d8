// Renders every bpmn/*.bpmn to docs/diagrams/<name>.png with bpmn-js in headless Chromium.
// Usage: node render.mjs [chromium-path]   (default /usr/bin/chromium, or $CHROMIUM)
import { readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { dirname, join, basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const require = createRequire(import.meta.url);
const bpmnJs = dirname(require.resolve('bpmn-js/package.json'));
const executablePath = process.argv[2] || process.env.CHROMIUM || '/usr/bin/chromium';

const css = ['dist/assets/diagram-js.css', 'dist/assets/bpmn-js.css']
  .map((f) => readFileSync(join(bpmnJs, f), 'utf8')).join('\n');
const viewer = readFileSync(join(bpmnJs, 'dist/bpmn-viewer.production.min.js'), 'utf8');

const page = `<!doctype html><html><head><meta charset="utf-8"><style>${css}
  html, body { margin: 0; background: #fff; }
  #canvas { position: absolute; inset: 0; }
  .djs-container svg text, .djs-label { font-family: 'Loma', 'Garuda', 'Norasi', 'Sarabun', sans-serif !important; }
</style><script>${viewer}</script></head><body><div id="canvas"></div></body></html>`;

const out = join(root, 'docs/diagrams');
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = 0;
try {
  for (const file of readdirSync(join(root, 'bpmn')).filter((f) => f.endsWith('.bpmn')).sort()) {
    const xml = readFileSync(join(root, 'bpmn', file), 'utf8');
    const context = await browser.newContext({ viewport: { width: 800, height: 600 }, deviceScaleFactor: 1.5 });
    const tab = await context.newPage();
    await tab.setContent(page);
    const result = await tab.evaluate(async (diagram) => {
      const viewer = new BpmnJS({ container: '#canvas' });
      const { warnings } = await viewer.importXML(diagram);
      const box = viewer.get('canvas').getActiveLayer().getBBox();
      window.viewer = viewer;
      return { warnings: warnings.map((w) => w.message), box: { x: box.x, y: box.y, width: box.width, height: box.height } };
    }, xml);
    const margin = 40;
    const width = Math.ceil(result.box.width + 2 * margin);
    const height = Math.ceil(result.box.height + 2 * margin);
    await tab.setViewportSize({ width, height });
    await tab.evaluate(({ box, margin, width, height }) => {
      const canvas = window.viewer.get('canvas');
      canvas.resized();
      canvas.viewbox({ x: box.x - margin, y: box.y - margin, width, height });
    }, { box: result.box, margin, width, height });
    await document_fonts_ready(tab);
    const png = join(out, basename(file, '.bpmn') + '.png');
    await tab.screenshot({ path: png, fullPage: false });
    console.log(`${file} -> docs/diagrams/${basename(png)} (${width}x${height})` +
      (result.warnings.length ? `\n  import warnings: ${result.warnings.join('; ')}` : ''));
    if (result.warnings.length) failed++;
    await context.close();
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);

async function document_fonts_ready(tab) {
  await tab.evaluate(() => document.fonts.ready);
}
