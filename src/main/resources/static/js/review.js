// A plan review: the waterfall from the base (plan or last year) through the volume, mix and price effects to the
// actual, and each target market's coverage month by month. Data comes from the page's JSON blocks (no inline
// script); the same figures are in the tables next to the charts, which are role="img" with a label.
(function () {
  var N = window.RumboNumbers;

  function waterfall() {
    var el = document.getElementById('waterfall');
    var dataEl = document.getElementById('review-waterfall-data');
    if (!window.echarts || !el || !dataEl) return;
    var steps = JSON.parse(dataEl.textContent || '[]');
    var invisible = [], bars = [], running = 0;
    steps.forEach(function (s) {
      var v = Number(s.value);
      if (s.total) {
        invisible.push(0);
        bars.push({ value: v, itemStyle: { color: '#495057' } });
        running = v;
      } else {
        var low = v < 0 ? running + v : running;
        invisible.push(low);
        bars.push({ value: Math.abs(v), real: v, itemStyle: { color: v < 0 ? '#b02a37' : '#198754' } });
        running += v;
      }
    });
    var chart = echarts.init(el);
    chart.setOption({
      grid: { left: 8, right: 16, bottom: 8, top: 16, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: function (params) {
        var p = params.filter(function (x) { return x.seriesIndex === 1; })[0];
        if (!p) return '';
        var real = p.data.real !== undefined ? p.data.real : p.data.value;
        return p.name + ': ' + N.money(real);
      } },
      xAxis: { type: 'category', data: steps.map(function (s) { return s.label; }) },
      yAxis: { type: 'value', axisLabel: { formatter: N.moneyAxis } },
      series: [
        { type: 'bar', stack: 'w', silent: true, itemStyle: { color: 'transparent' }, data: invisible },
        { type: 'bar', stack: 'w', data: bars, label: { show: true, position: 'top', fontSize: 10,
          formatter: function (p) { return N.moneyAxis(p.data.real !== undefined ? p.data.real : p.data.value); } } }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function coverage() {
    var dataEl = document.getElementById('review-coverage-data');
    if (!window.echarts || !dataEl) return;
    var all = JSON.parse(dataEl.textContent || '[]');
    document.querySelectorAll('[data-coverage-chart]').forEach(function (el) {
      var c = all[Number(el.dataset.index)];
      if (!c) return;
      var months = c.months || [];
      var chart = echarts.init(el);
      chart.setOption({
        tooltip: { trigger: 'axis', valueFormatter: N.number },
        legend: { top: 0 },
        grid: { left: 8, right: 16, bottom: 8, top: 32, containLabel: true },
        xAxis: { type: 'category', data: months.map(function (m) { return m.label || m.start.substring(0, 7); }) },
        yAxis: { type: 'value', min: 0 },
        series: [
          { name: el.dataset.targetsLabel, type: 'line', symbol: 'none', lineStyle: { type: 'dashed' },
            itemStyle: { color: '#495057' }, data: months.map(function (m) { return m.targets; }) },
          { name: el.dataset.visitedLabel, type: 'line', itemStyle: { color: '#0d6efd' },
            data: months.map(function (m) { return m.visited; }) },
          { name: el.dataset.boughtLabel, type: 'line', itemStyle: { color: '#198754' },
            data: months.map(function (m) { return m.bought; }) }
        ]
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  function draw() { waterfall(); coverage(); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw); else draw();
})();
