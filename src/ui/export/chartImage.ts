/**
 * Chart export (loaded on demand): the chart's own <svg>, cloned with its computed styles inlined, framed with
 * a white background, a title and a caption of the assumptions, as SVG text or as a PNG drawn at 2× through a
 * canvas. The legend is already SVG (ChartLegend), so it comes along; hit areas marked data-export="skip" do not.
 *
 * Serialising the SVG ourselves avoids DOM-screenshot libraries, which lose CSS variables and fonts in SVG.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Presentation properties that decide how SVG looks; copying them makes the clone independent of the page's CSS. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

export interface ChartImageMeta {
  title: string;
  captionLines: string[];
}

export interface ChartImage {
  svg: string;
  width: number;
  height: number;
}

function inlineStyles(original: Element, clone: Element): void {
  const computed = getComputedStyle(original);
  const style = (clone as SVGElement).style;
  for (const property of STYLE_PROPERTIES) {
    const value = computed.getPropertyValue(property);
    if (value !== '') style.setProperty(property, value);
  }
  const originals = original.children;
  const clones = clone.children;
  for (let i = 0; i < originals.length && i < clones.length; i++) inlineStyles(originals[i]!, clones[i]!);
}

/** Splits a caption line into lines of at most `max` characters at spaces. */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

function text(x: number, y: number, content: string, size: number, weight: number, fill: string): SVGTextElement {
  const element = document.createElementNS(SVG_NS, 'text');
  element.setAttribute('x', String(x));
  element.setAttribute('y', String(y));
  element.setAttribute('font-family', FONT);
  element.setAttribute('font-size', String(size));
  element.setAttribute('font-weight', String(weight));
  element.setAttribute('fill', fill);
  element.textContent = content;
  return element;
}

/**
 * `overlays` are <svg>s laid over the chart in its coordinates (the SLA line's layer): their content is drawn on top
 * of the chart's in the image.
 */
export function chartToSvg(chartSvg: SVGSVGElement, meta: ChartImageMeta, overlays: SVGSVGElement[] = []): ChartImage {
  const width = Math.round(chartSvg.getBoundingClientRect().width) || Number(chartSvg.getAttribute('width')) || 800;
  const chartHeight =
    Math.round(chartSvg.getBoundingClientRect().height) || Number(chartSvg.getAttribute('height')) || 500;
  const clone = chartSvg.cloneNode(true) as SVGSVGElement;
  inlineStyles(chartSvg, clone);
  for (const overlay of overlays) {
    const layer = overlay.cloneNode(true) as SVGSVGElement;
    inlineStyles(overlay, layer);
    const group = document.createElementNS(SVG_NS, 'g');
    group.append(...layer.childNodes);
    clone.append(group);
  }
  clone.querySelectorAll('[data-export="skip"], .recharts-tooltip-cursor, title, desc').forEach((e) => e.remove());
  for (const attribute of ['role', 'tabindex', 'style', 'class']) clone.removeAttribute(attribute);

  // Text wraps to the image width (about 6.6 px a character at 11 px, 9.5 px at 16 px bold).
  const titleLines = wrapText(meta.title, Math.max(20, Math.floor((width - 48) / 9.5)));
  const titleHeight = 16 + titleLines.length * 20;
  const captionLines = meta.captionLines.flatMap((l) => wrapText(l, Math.max(30, Math.floor((width - 48) / 6.6))));
  const captionHeight = captionLines.length * 15 + 16;
  const height = titleHeight + chartHeight + captionHeight;

  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('font-family', FONT);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  root.append(background, ...titleLines.map((line, i) => text(24, 24 + i * 20, line, 16, 600, '#1d1f23')));
  clone.setAttribute('x', '0');
  clone.setAttribute('y', String(titleHeight));
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(chartHeight));
  clone.setAttribute('overflow', 'visible');
  root.append(clone);
  captionLines.forEach((line, i) =>
    root.append(text(24, titleHeight + chartHeight + 18 + i * 15, line, 11, 400, '#444444')),
  );
  return { svg: new XMLSerializer().serializeToString(root), width, height };
}

/** Draws the SVG on a canvas at `scale` × (2× by default) and returns a PNG. */
export async function svgToPng(image: ChartImage, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([image.svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    // Chrome's canvas limit is 16,384 px a side.
    const s = Math.min(scale, 16_384 / image.width, 16_384 / image.height);
    canvas.width = Math.round(image.width * s);
    canvas.height = Math.round(image.height * s);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas available');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.scale(s, s);
    context.drawImage(img, 0, 0, image.width, image.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
