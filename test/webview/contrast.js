// Measures, in the preview page, the contrast of every piece of visible text against what is behind it (the WCAG 2
// ratio, with transparency and opacity blended in), and evaluates to the ten lowest, worst first, so a theme test can
// name the text that would be hard to read. Plain JavaScript, evaluated in the page as it is.
(() => {
  const parse = (css) => {
    const m = /rgba?\(([^)]+)\)/.exec(css);
    if (!m) return [0, 0, 0, 0];
    const parts = m[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return [parts[0], parts[1], parts[2], parts[3] ?? 1];
  };
  const over = (top, bottom) => {
    const a = top[3];
    return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
  };
  const luminance = (c) => {
    const channel = (v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
  };
  const backgroundOf = (element) => {
    const layers = [];
    for (let e = element; e; e = e.parentElement) {
      const bg = parse(getComputedStyle(e).backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1) break;
    }
    let result = [255, 255, 255, 1];
    for (const layer of layers.reverse()) result = over(layer, result);
    return result;
  };
  const opacityOf = (element) => {
    let opacity = 1;
    for (let e = element; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
    return opacity;
  };
  const results = [];
  for (const element of document.querySelectorAll('body *')) {
    const ownText = Array.from(element.childNodes).some(
      (n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== '',
    );
    if (!ownText || element.closest('[hidden], option, script, style, title')) continue;
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    const style = getComputedStyle(element);
    const isSvg = element instanceof SVGElement;
    const background = backgroundOf(isSvg ? element.closest('svg').parentElement : element);
    const colour = parse(isSvg ? style.fill : style.color);
    const text = over([colour[0], colour[1], colour[2], colour[3] * opacityOf(element)], background);
    const [l1, l2] = [luminance(text), luminance(background)].sort((a, b) => b - a);
    results.push({
      text: element.textContent.trim().slice(0, 40),
      ratio: Math.round(((l1 + 0.05) / (l2 + 0.05)) * 100) / 100,
      color: isSvg ? style.fill : style.color,
      background: `rgb(${background.slice(0, 3).map(Math.round).join(', ')})`,
    });
  }
  return results.sort((a, b) => a.ratio - b.ratio).slice(0, 10);
})();
