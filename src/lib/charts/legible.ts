/**
 * Keeps a chart's text legible on a phone: an SVG drawn in a fixed viewBox shrinks with its
 * container, and its text with it. On a narrow screen (≤ `narrowPx`), when the smallest text
 * would render below `minPx`, the SVG gets a minimum width at which it does not, and its
 * container scrolls sideways instead (the page itself never does; the container takes the
 * keyboard focus so it can be scrolled without a mouse). Wider screens keep the chart as drawn.
 * Used as an attachment: `<svg {@attach legibleText()}>`.
 */
export function legibleText(minPx = 11, narrowPx = 700) {
  return (svg: SVGSVGElement) => {
    const parent = svg.parentElement;
    if (!parent || typeof ResizeObserver === 'undefined' || typeof matchMedia === 'undefined') return;
    const narrow = matchMedia(`(max-width: ${narrowPx}px)`);
    let madeScrollable = false;
    const fit = () => {
      const box = svg.viewBox.baseVal;
      if (!box || !box.width || (!narrow.matches && !svg.style.minWidth)) return;
      let smallest = Infinity;
      for (const t of svg.querySelectorAll('text')) {
        const size = parseFloat(getComputedStyle(t).fontSize);
        if (size > 0 && size < smallest) smallest = size;
      }
      const needed = Number.isFinite(smallest) ? Math.ceil((box.width * minPx) / smallest) : 0;
      const isTooNarrow = narrow.matches && needed > 0 && parent.clientWidth < needed;
      const minWidth = isTooNarrow ? `${needed}px` : '';
      if (svg.style.minWidth !== minWidth) svg.style.minWidth = minWidth;
      if (isTooNarrow && !madeScrollable && getComputedStyle(parent).overflowX === 'visible') {
        parent.style.overflowX = 'auto';
        if (parent.tabIndex < 0) parent.tabIndex = 0;
        madeScrollable = true;
      }
    };
    const resize = new ResizeObserver(fit);
    resize.observe(parent);
    const redraw = new MutationObserver(fit);
    redraw.observe(svg, { childList: true, subtree: true });
    narrow.addEventListener('change', fit);
    fit();
    return () => {
      narrow.removeEventListener('change', fit);
      resize.disconnect();
      redraw.disconnect();
    };
  };
}

/**
 * Rough width of a label, px, in type of `px` size, for placing labels without measuring the DOM:
 * CJK characters are square (one em), Latin ones a little over half an em.
 * @example labelWidth('风险') // 22 (two CJK characters at 11px)
 */
export function labelWidth(text: string, px = 11): number {
  let w = 0;
  for (const ch of text) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? px : px * 0.58;
  return w;
}
