// Renders every bpmn/*.bpmn to docs/diagrams/<name>.png with bpmn-js in headless Chromium.
// Usage: node render.mjs   (Chromium: $CHROMIUM, default /usr/bin/chromium; see render.sh)
//
// One page per model: bpmn-js' prebuilt viewer imports the XML, the viewport is sized to the
// diagram's bounding box plus a margin and the view box set to exactly that box, so one CSS
// pixel is one BPMN unit; the screenshot is taken at device scale factor 1.5. Labels use a
// font stack with a Thai font (Debian's fonts-thai-tlwg) for both text layout and drawing.
// A PNG whose pixels did not change is left untouched (Chromium's output is not byte-stable).
import { readFileSync, readdirSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const require = createRequire(import.meta.url);
const bpmnJs = dirname(require.resolve('bpmn-js/package.json'));
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const MARGIN = 40; // BPMN units (= CSS px) around the diagram
const SCALE = 1.5; // device scale factor
// Arial as in Camunda Modeler (Liberation Sans on Debian) for Latin; Thai glyphs from a TLWG font.
const FONT = "Arial, 'Liberation Sans', Loma, Garuda, Sarabun, Waree, sans-serif";

// The viewer needs only these two style sheets; bpmn-font is for the modeler's palette icons.
const css = ['dist/assets/diagram-js.css', 'dist/assets/bpmn-js.css']
  .map((f) => readFileSync(join(bpmnJs, f), 'utf8')).join('\n');
const viewerJs = readFileSync(join(bpmnJs, 'dist/bpmn-viewer.production.min.js'), 'utf8');
const page = `<!doctype html><html><head><meta charset="utf-8"><style>${css}
  html, body { margin: 0; background: #fff; overflow: hidden; }
  #canvas { position: absolute; inset: 0; }
</style><script>${viewerJs}</script></head><body><div id="canvas"></div></body></html>`;

const out = join(root, 'docs/diagrams');
mkdirSync(out, { recursive: true });
const models = readdirSync(join(root, 'bpmn')).filter((f) => f.endsWith('.bpmn')).sort();
const browser = await chromium.launch({
  executablePath, // playwright-core downloads no browser; it gets a fresh temporary profile
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = 0;
try {
  for (const file of models) {
    const xml = readFileSync(join(root, 'bpmn', file), 'utf8');
    const context = await browser.newContext({ viewport: { width: 800, height: 600 }, deviceScaleFactor: SCALE });
    const tab = await context.newPage();
    await tab.setContent(page);
    const { warnings, box } = await tab.evaluate(async ({ diagram, font }) => {
      const style = { fontFamily: font };
      window.viewer = new BpmnJS({ container: '#canvas', textRenderer: { defaultStyle: style, externalStyle: style } });
      await document.fonts.ready;
      const { warnings } = await window.viewer.importXML(diagram);
      const b = window.viewer.get('canvas').getActiveLayer().getBBox();
      return { warnings: warnings.map((w) => w.message), box: { x: b.x, y: b.y, width: b.width, height: b.height } };
    }, { diagram: xml, font: FONT });
    const width = Math.ceil(box.width + 2 * MARGIN);
    const height = Math.ceil(box.height + 2 * MARGIN);
    await tab.setViewportSize({ width, height });
    await tab.evaluate(({ box, margin, width, height }) => {
      const canvas = window.viewer.get('canvas');
      canvas.resized();
      canvas.viewbox({ x: box.x - margin, y: box.y - margin, width, height });
    }, { box, margin: MARGIN, width, height });
    const shot = await tab.screenshot({ fullPage: false });
    const png = join(out, basename(file, '.bpmn') + '.png');
    const unchanged = existsSync(png) && await samePixels(tab, readFileSync(png), shot);
    if (!unchanged) writeFileSync(png, shot);
    console.log(`${file} -> docs/diagrams/${basename(png)} (${width}x${height} CSS px, ` +
      `${Math.round(width * SCALE)}x${Math.round(height * SCALE)} px${unchanged ? ', unchanged' : ''})` +
      (warnings.length ? `\n  import warnings: ${warnings.join('; ')}` : ''));
    if (warnings.length) failed++;
    await context.close();
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);

// Compares two PNGs pixel by pixel in the page (no PNG decoder needed in Node).
async function samePixels(tab, a, b) {
  if (a.equals(b)) return true;
  return tab.evaluate(async ([a, b]) => {
    const load = async (b64) => createImageBitmap(await (await fetch('data:image/png;base64,' + b64)).blob());
    const [ia, ib] = [await load(a), await load(b)];
    if (ia.width !== ib.width || ia.height !== ib.height) return false;
    const pixels = (img) => {
      const c = new OffscreenCanvas(img.width, img.height).getContext('2d');
      c.drawImage(img, 0, 0);
      return c.getImageData(0, 0, img.width, img.height).data; // RGBA bytes
    };
    const [pa, pb] = [pixels(ia), pixels(ib)];
    // Chromium's software rasteriser is not fully deterministic either: single pixels can differ
    // by a few levels between runs. A real change to a model moves whole strokes or glyphs.
    for (let i = 0; i < pa.length; i++) if (Math.abs(pa[i] - pb[i]) > 16) return false;
    return true;
  }, [a.toString('base64'), b.toString('base64')]);
}
