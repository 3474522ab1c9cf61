/**
 * Keeps a chart's text legible on a narrow screen: an SVG drawn in a fixed viewBox shrinks with
 * its container, and its text with it. When the smallest text would render below `minPx`, the
 * SVG gets a minimum width at which it does not, and its container scrolls sideways instead
 * (the page itself never does). Used as an attachment: `<svg {@attach legibleText()}>`.
 */
export function legibleText(minPx = 11) {
  return (svg: SVGSVGElement) => {
    const parent = svg.parentElement;
    if (!parent || typeof ResizeObserver === 'undefined') return;
    const fit = () => {
      const box = svg.viewBox.baseVal;
      if (!box || !box.width) return;
      let smallest = Infinity;
      for (const t of svg.querySelectorAll('text')) {
        const size = parseFloat(getComputedStyle(t).fontSize);
        if (size > 0 && size < smallest) smallest = size;
      }
      const needed = Number.isFinite(smallest) ? Math.ceil((box.width * minPx) / smallest) : 0;
      const isTooNarrow = needed > 0 && parent.clientWidth < needed;
      const minWidth = isTooNarrow ? `${needed}px` : '';
      if (svg.style.minWidth !== minWidth) svg.style.minWidth = minWidth;
      if (isTooNarrow && getComputedStyle(parent).overflowX === 'visible') parent.style.overflowX = 'auto';
    };
    const resize = new ResizeObserver(fit);
    resize.observe(parent);
    const redraw = new MutationObserver(fit);
    redraw.observe(svg, { childList: true, subtree: true });
    fit();
    return () => {
      resize.disconnect();
      redraw.disconnect();
    };
  };
}
