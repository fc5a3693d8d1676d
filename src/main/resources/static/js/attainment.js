// "My targets": for each measure card, the cumulative actual against the cumulative quota line, month by month.
// Data comes from the page's JSON block (no inline script, so the content security policy holds); numbers and months
// are written in the page's language (js/numbers.js). Each chart is followed by its figures as a table that screen
// readers read, the chart itself being role="img" with a label.
(function () {
  var N = window.RumboNumbers;

  function describe(el, months, series, format) {
    // Hidden by a wrapper: a table ignores a width smaller than its content, so a hidden table of its own would
    // still widen a narrow page.
    var wrapper = document.createElement('div');
    wrapper.className = 'visually-hidden';
    wrapper.id = el.id + '-figures-text';
    var table = document.createElement('table');
    table.id = el.id + '-figures';
    wrapper.appendChild(table);
    table.createCaption().textContent = el.getAttribute('aria-label') || '';
    var head = table.createTHead().insertRow();
    head.appendChild(document.createElement('th'));
    series.forEach(function (s) {
      var th = document.createElement('th'); th.scope = 'col'; th.textContent = s.name; head.appendChild(th);
    });
    var body = table.createTBody();
    months.forEach(function (label, i) {
      var row = body.insertRow();
      var th = document.createElement('th'); th.scope = 'row'; th.textContent = label; row.appendChild(th);
      series.forEach(function (s) { row.insertCell().textContent = format(s.data[i]); });
    });
    var old = document.getElementById(wrapper.id);
    if (old) old.remove();
    el.insertAdjacentElement('afterend', wrapper);
  }

  function draw() {
    var dataEl = document.getElementById('attainment-charts-data');
    if (!window.echarts || !dataEl) return;
    var charts = JSON.parse(dataEl.textContent || '[]');
    document.querySelectorAll('[data-attainment-chart]').forEach(function (el) {
      var data = charts[Number(el.dataset.index)];
      if (!data) return;
      var format = data.money ? N.money : N.number;
      var months = (data.months || []).map(N.month);
      var series = [
        { name: el.dataset.actualLabel, type: 'bar', data: data.actual || [], itemStyle: { color: '#0d6efd' } },
        { name: el.dataset.quotaLabel, type: 'line', data: data.quota || [], symbol: 'none',
          lineStyle: { type: 'dashed', width: 2, color: '#495057' }, itemStyle: { color: '#495057' } }
      ];
      describe(el, months, series, format);
      var chart = echarts.init(el);
      chart.setOption({
        tooltip: { trigger: 'axis', valueFormatter: format },
        legend: { top: 0 },
        grid: { left: 8, right: 16, bottom: 8, top: 32, containLabel: true },
        xAxis: { type: 'category', data: months },
        yAxis: { type: 'value', axisLabel: { formatter: data.money ? N.moneyAxis : N.number } },
        series: series
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw); else draw();
})();
