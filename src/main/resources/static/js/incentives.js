// An incentive plan: for each component, what it pays (money) against attainment % of a reference quota or against
// the measure's value. Data comes from the page's JSON block (no inline script); the tiers are also a table beside
// each chart, the chart being role="img" with a label.
(function () {
  var N = window.RumboNumbers;

  function draw() {
    var dataEl = document.getElementById('incentive-curves-data');
    if (!window.echarts || !dataEl) return;
    var curves = JSON.parse(dataEl.textContent || '[]');
    document.querySelectorAll('[data-incentive-curve]').forEach(function (el) {
      var data = curves[Number(el.dataset.index)];
      if (!data) return;
      var chart = echarts.init(el);
      var xFormat = data.percent ? function (v) { return N.percent(v); } : N.number;
      chart.setOption({
        tooltip: { trigger: 'axis', valueFormatter: N.money },
        grid: { left: 8, right: 16, bottom: 8, top: 16, containLabel: true },
        xAxis: { type: 'category', data: data.x || [], axisLabel: { formatter: xFormat } },
        yAxis: { type: 'value', min: 0, axisLabel: { formatter: N.moneyAxis } },
        series: [{ name: el.dataset.label, type: 'line', step: false, symbol: 'none', data: data.amount || [],
          itemStyle: { color: '#198754' }, areaStyle: { opacity: 0.1 } }]
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw); else draw();
})();
