// Draws the page's charts from JSON data blocks (no inline script, so the content security policy holds).
// Each chart is an element with data-chart="<kind>" and a <script type="application/json" id="<element id>-data">.
// Numbers and months are written in the page's language (js/numbers.js); each chart is followed by its figures as a
// table that screen readers read (the chart itself is role="img" with a label saying so).
(function () {
  var N = window.RumboNumbers;
  // Names under the bars slant and are cut at a fixed width: a long name slanted to the left would otherwise run off
  // the chart's left edge. The tooltip and the figures table keep the whole name.
  function slanted() {
    return { rotate: 30, interval: 0, width: 120, overflow: 'truncate' };
  }
  var kinds = {
    // Plain numbers per row, not money (recruitment figures: days to fill, candidates per hire, open requisitions;
    // branch people-recruit).
    plainBars: function (data, el) {
      return {
        counts: true,
        xAxis: { type: 'category', data: data.labels || [], axisLabel: slanted() },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ name: el.dataset.seriesLabel, type: 'bar', data: data.values || [] }]
      };
    },
    // Planned against filled headcount per unit (vacancies page).
    headcount: function (data, el) {
      return {
        counts: true,
        xAxis: { type: 'category', data: data.units || [], axisLabel: slanted() },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: el.dataset.plannedLabel, type: 'bar', data: data.planned || [] },
          { name: el.dataset.filledLabel, type: 'bar', data: data.filled || [] }
        ]
      };
    },
    // Booked net amount and margin by month (order list).
    monthly: function (data, el) {
      return {
        xAxis: { type: 'category', data: (data.months || []).map(N.month) },
        yAxis: { type: 'value' },
        series: [
          { name: el.dataset.netLabel, type: 'bar', data: data.net || [] },
          { name: el.dataset.marginLabel, type: 'line', data: data.margin || [] }
        ]
      };
    },
    // One measure per row of the Metrics page's table (people, units, lines, months or quarters).
    metrics: function (data, el) {
      return {
        counts: data.counts,
        xAxis: { type: 'category', data: data.labels || [], axisLabel: slanted() },
        yAxis: { type: 'value' },
        series: [{ name: el.dataset.seriesLabel, type: 'bar', data: data.values || [] }]
      };
    },
    // Target, actual and forecast by month (plan versus actual).
    plan: function (data, el) {
      return {
        xAxis: { type: 'category', data: (data.months || []).map(N.month) },
        yAxis: { type: 'value' },
        series: [
          { name: el.dataset.targetLabel, type: 'bar', data: data.target || [] },
          { name: el.dataset.actualLabel, type: 'bar', data: data.actual || [] },
          { name: el.dataset.forecastLabel, type: 'line', data: data.forecast || [] }
        ]
      };
    },
    // A percentage per person (the manager's home page: revenue attainment); the axis reads plain numbers.
    percentBars: function (data, el) {
      return {
        counts: true,
        xAxis: { type: 'category', data: data.labels || [], axisLabel: slanted() },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ name: el.dataset.seriesLabel, type: 'bar', data: data.values || [] }]
      };
    },
    // Target, actual and forecast by region (the director's home page).
    planUnits: function (data, el) {
      return {
        xAxis: { type: 'category', data: data.labels || [], axisLabel: slanted() },
        yAxis: { type: 'value' },
        series: [
          { name: el.dataset.targetLabel, type: 'bar', data: data.target || [] },
          { name: el.dataset.actualLabel, type: 'bar', data: data.actual || [] },
          { name: el.dataset.forecastLabel, type: 'line', data: data.forecast || [] }
        ]
      };
    },
    // Expected revenue of each strategy against the revenue of the orders tagged with it.
    strategies: function (data, el) {
      return {
        xAxis: { type: 'category', data: data.names || [], axisLabel: slanted() },
        yAxis: { type: 'value' },
        series: [
          { name: el.dataset.expectedLabel, type: 'bar', data: data.expected || [] },
          { name: el.dataset.actualLabel, type: 'bar', data: data.actual || [] }
        ]
      };
    },
    // A customer's net sales and margin by year (customer page).
    yearly: function (data, el) {
      return {
        xAxis: { type: 'category', data: data.years || [] },
        yAxis: { type: 'value' },
        series: [
          { name: el.dataset.netLabel, type: 'bar', data: data.net || [] },
          { name: el.dataset.marginLabel, type: 'bar', data: data.margin || [] }
        ]
      };
    }
  };

  // The chart's figures as a table only screen readers see: the text alternative of the picture.
  function describe(el, option, format) {
    var table = document.createElement('table');
    table.className = 'visually-hidden';
    table.id = el.id + '-figures';
    var caption = table.createCaption();
    caption.textContent = el.getAttribute('aria-label') || '';
    var head = table.createTHead().insertRow();
    head.appendChild(document.createElement('th'));
    option.series.forEach(function (s) {
      var th = document.createElement('th'); th.scope = 'col'; th.textContent = s.name || ''; head.appendChild(th);
    });
    var body = table.createTBody();
    (option.xAxis.data || []).forEach(function (label, i) {
      var row = body.insertRow();
      var th = document.createElement('th'); th.scope = 'row'; th.textContent = label; row.appendChild(th);
      option.series.forEach(function (s) { row.insertCell().textContent = format(s.data[i]); });
    });
    // Hidden through a div: a table grows to its content whatever its width, so a hidden table itself still
    // widened the page on a phone (390 px); a block box keeps the 1 px width and clips.
    table.className = '';
    var box = document.createElement('div');
    box.className = 'visually-hidden';
    box.id = el.id + '-figures-box';
    box.appendChild(table);
    var old = document.getElementById(box.id);
    if (old) old.remove();
    el.insertAdjacentElement('afterend', box);
  }

  function draw() {
    if (!window.echarts) return;
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var build = kinds[el.dataset.chart];
      var dataEl = document.getElementById(el.id + '-data');
      // Charts that came with an htmx swap (the home page's panels) are drawn once, when they arrive.
      if (!build || !dataEl || echarts.getInstanceByDom(el)) return;
      var option = build(JSON.parse(dataEl.textContent || '{}'), el);
      var format = option.counts ? N.number : N.money;
      delete option.counts;
      option.yAxis.axisLabel = { formatter: option.yAxis.minInterval === 1 ? N.number : N.moneyAxis };
      describe(el, option, format);
      option.tooltip = { trigger: 'axis', valueFormatter: format };
      option.legend = { top: 0 };
      option.grid = { left: 8, right: 16, bottom: 8, top: 36, containLabel: true };
      var chart = echarts.init(el);
      chart.setOption(option);
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw); else draw();
  document.addEventListener('htmx:afterSettle', draw);
})();
