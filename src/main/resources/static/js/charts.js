// Draws the charts of a page from JSON data blocks (no inline script, so the content security policy holds).
(function () {
  function draw() {
    var el = document.querySelector('[data-chart="headcount"]');
    var dataEl = document.getElementById('headcount-chart-data');
    if (!el || !dataEl || !window.echarts) return;
    var data = JSON.parse(dataEl.textContent || '{}');
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: data.units || [], axisLabel: { rotate: 30, interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: el.dataset.plannedLabel, type: 'bar', data: data.planned || [] },
        { name: el.dataset.filledLabel, type: 'bar', data: data.filled || [] }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw); else draw();
})();

// Booked net amount and margin by month on the order list.
(function () {
  function draw() {
    var el = document.querySelector('[data-chart="monthly"]');
    var dataEl = document.getElementById('monthly-chart-data');
    if (!el || !dataEl || !window.echarts) return;
    var data = JSON.parse(dataEl.textContent || '{}');
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, bottom: 8, top: 32, containLabel: true },
      xAxis: { type: 'category', data: data.months || [] },
      yAxis: { type: 'value' },
      series: [
        { name: el.dataset.netLabel, type: 'bar', data: data.net || [] },
        { name: el.dataset.marginLabel, type: 'line', data: data.margin || [] }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw); else draw();
})();
