// Draws the page's charts from JSON data blocks (no inline script, so the content security policy holds).
// Each chart is an element with data-chart="<kind>" and a <script type="application/json" id="<element id>-data">.
(function () {
  var kinds = {
    // Planned against filled headcount per unit (vacancies page).
    headcount: function (data, el) {
      return {
        xAxis: { type: 'category', data: data.units || [], axisLabel: { rotate: 30, interval: 0 } },
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
        xAxis: { type: 'category', data: data.months || [] },
        yAxis: { type: 'value' },
        series: [
          { name: el.dataset.netLabel, type: 'bar', data: data.net || [] },
          { name: el.dataset.marginLabel, type: 'line', data: data.margin || [] }
        ]
      };
    },
    // Target, actual and forecast by month (plan versus actual).
    plan: function (data, el) {
      return {
        xAxis: { type: 'category', data: data.months || [] },
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
        xAxis: { type: 'category', data: data.names || [], axisLabel: { interval: 0 } },
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

  function draw() {
    if (!window.echarts) return;
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var build = kinds[el.dataset.chart];
      var dataEl = document.getElementById(el.id + '-data');
      if (!build || !dataEl) return;
      var option = build(JSON.parse(dataEl.textContent || '{}'), el);
      option.tooltip = { trigger: 'axis' };
      option.legend = { top: 0 };
      option.grid = { left: 8, right: 16, bottom: 8, top: 36, containLabel: true };
      var chart = echarts.init(el);
      chart.setOption(option);
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw); else draw();
})();
