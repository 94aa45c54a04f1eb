// Charts on the console's pages (ADR 0036): Chart.js, bundled into the app at /vendor/chart.min.js
// (never a CDN), drawn in the page's language and the design system's colours. Every chart's
// numbers are also on the page as text (a list or a table) for screen readers, so a chart that
// cannot draw never stops a page: show() then warns in the console and returns null.
const ccCharts = (() => {
  const COLOURS = ['--cc-accent', '--cc-warning', '--cc-success', '--cc-danger', '--cc-brand', '--cc-muted'];

  function colour(i) {
    const value = getComputedStyle(document.documentElement).getPropertyValue(COLOURS[i % COLOURS.length]);
    return value.trim() || '#2b5b8a';
  }

  // Draws the chart on canvas #id, or gives the one already there these labels and datasets.
  function show(id, type, labels, datasets, options = {}) {
    if (typeof Chart === 'undefined') return null;
    const canvas = document.getElementById(id);
    const sets = datasets.map((d, i) => ({ backgroundColor: colour(i), borderColor: colour(i), ...d }));
    try {
      const chart = Chart.getChart(canvas);
      if (chart) {
        chart.data.labels = labels;
        chart.data.datasets = sets;
        chart.update();
        return chart;
      }
      return new Chart(canvas, {
        type,
        data: { labels, datasets: sets },
        options: { maintainAspectRatio: false, animation: false, locale: cc.lang, ...options }
      });
    } catch (e) {
      console.warn('chart ' + id, e);
      return null;
    }
  }

  return { show, colour };
})();
