// The statistics charts, drawn from the tables under them (so a chart never says anything its
// table does not); a click on a bar or a point opens that count's drill-down, like the table's link.
(function () {
  var charts = [];
  function rows(table) {
    var heads = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
    var body = Array.prototype.map.call(table.querySelectorAll('tbody tr'), function (tr) {
      var cells = tr.querySelectorAll('td');
      return {
        label: tr.querySelector('th').textContent.trim(),
        values: Array.prototype.map.call(cells, function (td) { return Number(td.textContent.trim()) || 0; }),
        links: Array.prototype.map.call(cells, function (td) { var a = td.querySelector('a'); return a ? a.href : null; })
      };
    });
    return { heads: heads.slice(1), rows: body };
  }
  function draw() {
    charts.forEach(function (c) { c.dispose(); });
    charts = [];
    if (!window.echarts) { return; }
    var large = document.documentElement.classList.contains('large-text');
    document.querySelectorAll('.chart[data-table]').forEach(function (box) {
      var table = document.getElementById(box.dataset.table);
      if (!table) { box.hidden = true; return; }
      var data = rows(table);
      var line = box.dataset.chart === 'line';
      // a line per figure of the trend (the first four: the counters of receptions and
      // visits are on another scale); bars of opinions and resolved per row
      var count = line ? Math.min(4, data.heads.length) : 2;
      var series = [];
      for (var i = 0; i < count; i++) {
        series.push({ name: data.heads[i], type: line ? 'line' : 'bar', data: data.rows.map(function (r) { return r.values[i]; }) });
      }
      var labels = data.rows.map(function (r) { return r.label; });
      var chart = echarts.init(box, null, { renderer: 'canvas' });
      var font = large ? 16 : 12;
      chart.setOption({
        animation: false,
        textStyle: { fontSize: font },
        tooltip: { trigger: 'axis' },
        legend: { top: 0, textStyle: { fontSize: font } },
        grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
        xAxis: line ? { type: 'category', data: labels, axisLabel: { fontSize: font } } : { type: 'value', axisLabel: { fontSize: font } },
        yAxis: line ? { type: 'value', axisLabel: { fontSize: font } } : { type: 'category', data: labels, inverse: true, axisLabel: { fontSize: font, width: 90, overflow: 'truncate' } },
        color: ['#a8071a', '#1d39c4', '#135200', '#874d00'],
        series: series
      });
      chart.on('click', function (p) {
        var r = data.rows[p.dataIndex];
        var href = r && r.links[p.seriesIndex];
        if (href) { window.location.href = href; }
      });
      charts.push(chart);
    });
  }
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  document.addEventListener('DOMContentLoaded', draw);
  document.addEventListener('htmx:afterSettle', draw);
})();
