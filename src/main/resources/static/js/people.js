// The gap report's heat map (people, units or job roles x qualifications, the number of gaps in each cell), drawn
// from the page's JSON block #gap-heatmap-data (no inline script). The same figures are in the table below it.
(function () {
  function draw() {
    var el = document.querySelector('[data-people-chart="heatmap"]');
    var block = document.getElementById('gap-heatmap-data');
    if (!el || !block || el.dataset.drawn || typeof echarts === 'undefined') return;
    el.dataset.drawn = '1';
    var d = JSON.parse(block.textContent || '{}');
    var rows = d.rows || [];
    var columns = d.columns || [];
    if (rows.length > 14) el.style.height = (6 + rows.length * 1.4) + 'rem';
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: {
        position: 'top',
        // ECharts writes the tooltip as HTML: the names (people, units, qualifications) are escaped.
        formatter: function (p) {
          var esc = echarts.format.encodeHTML;
          return esc(String(rows[p.value[1]])) + '<br>' + esc(String(columns[p.value[0]])) + ': ' + esc(String(p.value[2]));
        }
      },
      grid: { left: 8, right: 16, top: 8, bottom: 70, containLabel: true },
      xAxis: { type: 'category', data: columns, splitArea: { show: true },
        axisLabel: { rotate: 30, interval: 0, width: 140, overflow: 'truncate' } },
      yAxis: { type: 'category', data: rows, splitArea: { show: true },
        axisLabel: { width: 180, overflow: 'truncate' } },
      visualMap: { min: 0, max: Math.max(1, d.max || 1), calculable: true, orient: 'horizontal', left: 'center',
        bottom: 0, inRange: { color: ['#fff5eb', '#fd8d3c', '#a63603'] } },
      series: [{ name: el.dataset.seriesLabel, type: 'heatmap', data: d.cells || [],
        label: { show: true }, emphasis: { itemStyle: { shadowBlur: 6 } } }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  document.addEventListener('DOMContentLoaded', draw);
  document.addEventListener('htmx:afterSettle', draw);
})();
