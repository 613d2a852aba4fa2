'use strict';
// 数据看板: charts and tables from GET /api/console/dashboard.
(() => {
  const { api, el, percent, colour, say } = Console;
  const palette = ['#b7312c', '#1c7ed6', '#2f9e44', '#f08c00', '#7048e8', '#0c8599', '#e64980', '#5c940d', '#868e96', '#d9480f', '#364fc7', '#a61e4d'];
  const colourHex = { red: '#d9363e', orange: '#f08c00', yellow: '#f5c400', green: '#2f9e44' };
  const charts = {};

  function draw(id, type, labels, datasets, extra = {}) {
    if (charts[id]) charts[id].destroy();
    charts[id] = new Chart(document.getElementById(id), {
      type, data: { labels, datasets },
      options: Object.assign({ responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: type !== 'bar' } } }, extra),
    });
  }

  function table(id, head, rows) {
    const t = document.getElementById(id);
    t.replaceChildren(el('thead', {}, el('tr', {}, head.map(h => el('th', {}, h)))), el('tbody', {}, rows.length
      ? rows.map(r => el('tr', {}, r.map(c => el('td', {}, c))))
      : [el('tr', {}, el('td', { colspan: head.length }, '暂无数据'))]));
  }

  async function load() {
    try {
      const d = await api('/api/console/dashboard?period=' + document.getElementById('period').value);
      window.dashboardData = d;
      document.getElementById('total').textContent = `本期共受理诉求 ${d.total} 件。`;
      draw('chart-category', 'bar', d.byCategory.map(c => c.name), [{ label: '件数', data: d.byCategory.map(c => c.count), backgroundColor: palette }]);
      draw('chart-colour', 'doughnut', d.byColour.map(c => c.name), [{ data: d.byColour.map(c => c.count), backgroundColor: d.byColour.map(c => colourHex[c.key]) }]);
      draw('chart-state', 'bar', d.byState.map(c => c.name), [{ label: '件数', data: d.byState.map(c => c.count), backgroundColor: '#1c7ed6' }]);
      draw('chart-weeks', 'line', d.weeks.map(w => w.week), [
        { label: '受理', data: d.weeks.map(w => w.filed), borderColor: '#b7312c', backgroundColor: '#b7312c' },
        { label: '办结', data: d.weeks.map(w => w.closed), borderColor: '#2f9e44', backgroundColor: '#2f9e44' }]);
      table('grids', ['网格', '件数', '响应率', '解决率', '满意率'], d.grids.map(g => [g.grid, String(g.tickets), percent(g.responseRate), percent(g.resolutionRate), percent(g.satisfactionRate)]));
      table('breaches', ['工单', '分类', '颜色', '网格', '状态', '情况'], d.breaches.map(b =>
        [el('a', { href: '/admin/tickets/' + b.number }, b.number), b.category, colour(b.colour), b.grid || '未分网格', b.state, b.kind]));
      say('msg', '');
    } catch (e) { say('msg', e.message, true); }
  }

  document.getElementById('period').addEventListener('change', load);
  Console.ready.then(load);
})();
