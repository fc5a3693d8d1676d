// Evaluation charts: a cycle's score distribution by team (stacked bands), teams compared by their mean, the people
// ranked, results versus effort (scatter with the quadrants), and a person's or a team's history. The data comes from
// the page's JSON block #evaluation-chart-data (no inline script); each chart is role="img" with a label, and the same
// figures are in a table next to it for screen readers. Drawn on load and after an htmx swap (the cycle page loads
// the results-versus-effort panel).
(function () {
  var N = window.RumboNumbers;
  var BANDS = ['#dc3545', '#fd7e14', '#ffc107', '#20c997', '#198754'];
  var ACTIONS = { REWARD: '#198754', COACH: '#0d6efd', IMPROVE: '#fd7e14', CONFRONT: '#dc3545' };

  function init(el, option) {
    if (el.dataset.drawn) return;
    el.dataset.drawn = '1';
    var chart = echarts.init(el);
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function bandName(floors, i) {
    return i < floors.length - 1 ? N.number(floors[i]) + '–' + N.number(floors[i + 1]) : '≥ ' + N.number(floors[i]);
  }

  function distribution(el, d) {
    var teams = d.teams.map(function (t) { return t.unitName; });
    init(el, {
      tooltip: { trigger: 'axis' }, legend: { top: 0 },
      grid: { left: 40, right: 16, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'category', data: teams, axisLabel: { interval: 0, rotate: teams.length > 4 ? 20 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: d.bandFloors.map(function (f, i) {
        return { name: bandName(d.bandFloors, i), type: 'bar', stack: 'bands', itemStyle: { color: BANDS[i] },
          data: d.teams.map(function (t) { return t.bands[i]; }) };
      })
    });
  }

  function teams(el, d) {
    var sorted = d.teams.slice().reverse();
    init(el, {
      tooltip: { trigger: 'axis', valueFormatter: N.number },
      grid: { left: 8, right: 24, bottom: 8, top: 28, containLabel: true },
      xAxis: { type: 'value', min: 0, max: d.scaleMax, axisLabel: { formatter: N.number } },
      yAxis: { type: 'category', data: sorted.map(function (t) { return t.unitName; }) },
      series: [{ name: el.dataset.meanLabel, type: 'bar', data: sorted.map(function (t) { return t.mean; }),
        itemStyle: { color: '#0d6efd' }, label: { show: true, position: 'right', formatter: function (p) { return N.number(p.value); } },
        markLine: { symbol: 'none', lineStyle: { type: 'dashed', color: '#495057' }, label: { position: 'end', formatter: function () { return el.dataset.everyoneLabel + ' ' + N.number(d.everyone.mean); } },
          data: [{ xAxis: d.everyone.mean, name: el.dataset.everyoneLabel }] } }]
    });
  }

  function ranking(el, d) {
    var top = d.ranking.slice(0, 15).reverse();
    init(el, {
      tooltip: { trigger: 'axis', valueFormatter: N.number },
      grid: { left: 8, right: 24, bottom: 8, top: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, axisLabel: { formatter: N.number } },
      yAxis: { type: 'category', data: top.map(function (r) { return r.rank + '. ' + r.name; }) },
      series: [{ name: el.dataset.scoreLabel, type: 'bar', data: top.map(function (r) {
        return { value: r.score, itemStyle: { color: r.ruleScore != null ? '#6f42c1' : '#0d6efd' } };
      }) }]
    });
  }

  function quadrant(el, q) {
    var labels = { REWARD: el.dataset.actionReward, COACH: el.dataset.actionCoach, IMPROVE: el.dataset.actionImprove,
      CONFRONT: el.dataset.actionConfront };
    var series = Object.keys(ACTIONS).map(function (a) {
      return { name: labels[a] || a, type: 'scatter', symbolSize: 12, itemStyle: { color: ACTIONS[a] },
        data: q.people.filter(function (p) { return p.action === a; }).map(function (p) { return [p.effort, p.results, p.name]; }) };
    });
    series[0].markLine = { symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: '#495057' }, label: { show: false },
      data: [{ xAxis: q.threshold }, { yAxis: q.threshold }] };
    function top(key) {
      var max = q.people.reduce(function (m, p) { return Math.max(m, Number(p[key])); }, Number(q.threshold) + 20);
      return Math.ceil(max / 10) * 10;
    }
    init(el, {
      tooltip: { formatter: function (p) { return p.value[2] + '<br>' + el.dataset.effortLabel + ': ' + N.percent(p.value[0])
        + '<br>' + el.dataset.resultsLabel + ': ' + N.percent(p.value[1]); } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, bottom: 36, top: 40, containLabel: true },
      xAxis: { type: 'value', name: el.dataset.effortLabel, nameLocation: 'middle', nameGap: 28, min: 0, max: top('effort'), axisLabel: { formatter: N.percent } },
      yAxis: { type: 'value', name: el.dataset.resultsLabel, min: 0, max: top('results'), axisLabel: { formatter: N.percent } },
      series: series
    });
  }

  function history(el, h) {
    var points = h.cycles || [];
    init(el, {
      tooltip: { trigger: 'axis', valueFormatter: N.number }, legend: { top: 0 },
      grid: { left: 8, right: 24, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'category', data: points.map(function (c) { return c.cycleName; }) },
      yAxis: { type: 'value', min: 0, axisLabel: { formatter: N.number } },
      series: [{ name: el.dataset.scoreLabel, type: 'line', symbolSize: 10, itemStyle: { color: '#0d6efd' },
        data: points.map(function (c) { return c.score != null ? c.score : c.mean; }) }]
        .concat(points.length && points[0].min != null ? [
          { name: el.dataset.minLabel, type: 'line', lineStyle: { type: 'dashed' }, itemStyle: { color: '#dc3545' }, data: points.map(function (c) { return c.min; }) },
          { name: el.dataset.maxLabel, type: 'line', lineStyle: { type: 'dashed' }, itemStyle: { color: '#198754' }, data: points.map(function (c) { return c.max; }) }] : [])
    });
  }

  var DRAW = { distribution: function (el, d) { distribution(el, d.distribution); }, teams: function (el, d) { teams(el, d.distribution); },
    ranking: function (el, d) { ranking(el, d.distribution); }, quadrant: function (el, d) { quadrant(el, d.quadrants); },
    history: history };

  function draw() {
    var dataEl = document.getElementById('evaluation-chart-data');
    if (!window.echarts || !dataEl) return;
    var data = JSON.parse(dataEl.textContent || '{}');
    document.querySelectorAll('[data-evaluation-chart]').forEach(function (el) {
      var f = DRAW[el.dataset.evaluationChart];
      if (f) f(el, data);
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw); else draw();
  document.addEventListener('htmx:afterSettle', draw);
})();
