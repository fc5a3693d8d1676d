// An improvement plan: for each goal, its progress at each check-in and today against the pace (where it should be),
// both in %. Data comes from the page's JSON block (no inline script); the figures are also in a table after each
// chart for screen readers, the chart being role="img" with a label.
(function () {
  var N = window.RumboNumbers;

  function draw() {
    var dataEl = document.getElementById('improvement-charts-data');
    if (!window.echarts || !dataEl) return;
    var charts = JSON.parse(dataEl.textContent || '[]');
    document.querySelectorAll('[data-improvement-chart]').forEach(function (el) {
      var data = charts[Number(el.dataset.index)];
      if (!data) return;
      var chart = echarts.init(el);
      chart.setOption({
        tooltip: { trigger: 'axis', valueFormatter: N.percent },
        legend: { top: 0 },
        grid: { left: 8, right: 16, bottom: 8, top: 32, containLabel: true },
        xAxis: { type: 'category', data: data.days || [] },
        yAxis: { type: 'value', min: 0, axisLabel: { formatter: N.percent } },
        series: [
          { name: el.dataset.progressLabel, type: 'line', data: data.progress || [], itemStyle: { color: '#0d6efd' } },
          { name: el.dataset.paceLabel, type: 'line', data: data.pace || [], symbol: 'none',
            lineStyle: { type: 'dashed', width: 2, color: '#495057' }, itemStyle: { color: '#495057' } }
        ]
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw); else draw();
})();
