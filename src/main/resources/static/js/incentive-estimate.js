// The estimator ("My earnings"): the plan's total against attainment from 0 to 150 %, with a marker at the
// attainment asked. Data comes from the fragment's JSON block (no inline script), redrawn after each htmx swap; the
// slider writes its value into the attainment field, whose change asks the server for the what-if.
(function () {
  var N = window.RumboNumbers;

  function draw() {
    var el = document.querySelector('[data-estimate-chart]');
    var dataEl = document.getElementById('estimate-chart-data');
    if (!window.echarts || !el || !dataEl) return;
    var data = JSON.parse(dataEl.textContent || '{}');
    var chart = echarts.getInstanceByDom(el) || echarts.init(el);
    var at = Number(data.at);
    chart.setOption({
      tooltip: { trigger: 'axis', valueFormatter: N.money },
      grid: { left: 8, right: 16, bottom: 8, top: 16, containLabel: true },
      xAxis: { type: 'value', min: 0, max: Math.max(150, at), axisLabel: { formatter: function (v) { return N.percent(v); } } },
      yAxis: { type: 'value', min: 0, axisLabel: { formatter: N.moneyAxis } },
      series: [
        { name: el.dataset.label, type: 'line', symbol: 'none', itemStyle: { color: '#198754' }, areaStyle: { opacity: 0.1 },
          data: (data.x || []).map(function (x, i) { return [Number(x), Number(data.amount[i])]; }) },
        { name: el.dataset.atLabel, type: 'scatter', symbolSize: 12, itemStyle: { color: '#0d6efd' },
          data: [[at, Number(data.whatIf)]] }
      ]
    }, true);
  }

  function wire() {
    var slider = document.querySelector('[data-estimate-slider]');
    var field = document.getElementById('attainment');
    if (slider && field && !slider.dataset.wired) {
      slider.dataset.wired = 'true';
      slider.addEventListener('input', function () {
        field.value = N.number ? N.number(Number(slider.value)) : slider.value;
      });
    }
    draw();
  }

  // A what-if the server refused (an attainment that is not a number) carries the reason: shown at the field, which
  // is not swapped so that the typing goes on undisturbed; a good one clears it.
  function markField() {
    var section = document.getElementById('estimate-whatif');
    var field = document.getElementById('attainment');
    var error = document.getElementById('attainment-error');
    if (!section || !field || !error) return;
    var reason = section.getAttribute('data-attainment-error');
    error.textContent = reason || '';
    field.classList.toggle('is-invalid', !!reason);
    if (reason) {
      field.setAttribute('aria-invalid', 'true');
      field.setAttribute('aria-describedby', 'attainment-help attainment-error');
    } else {
      field.removeAttribute('aria-invalid');
      field.setAttribute('aria-describedby', 'attainment-help');
    }
  }

  document.addEventListener('htmx:afterSwap', function () { markField(); draw(); });
  window.addEventListener('resize', function () {
    var el = document.querySelector('[data-estimate-chart]');
    var chart = el && window.echarts && echarts.getInstanceByDom(el);
    if (chart) chart.resize();
  });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wire); else wire();
})();
