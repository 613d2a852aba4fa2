'use strict';
// 民生实事账本: filters, paging and the quarterly CSV, from GET /api/console/tickets.
(() => {
  const { api, el, time, colour, say } = Console;
  const form = document.getElementById('filters');
  let page = 1;
  let total = 0;
  const size = 20;

  const fill = (name, codes) => Object.entries(codes).forEach(([k, v]) => form.elements[name].append(el('option', { value: k }, v)));
  fill('state', Codes.states); fill('colour', Codes.colours); fill('category', Codes.categories);
  new URLSearchParams(location.search).forEach((v, k) => { if (form.elements[k]) form.elements[k].value = v; });

  async function load() {
    const query = new URLSearchParams(new FormData(form));
    for (const [k, v] of [...query]) if (!v) query.delete(k);
    query.set('page', page); query.set('pageSize', size);
    try {
      const d = await api('/api/console/tickets?' + query);
      total = d.total;
      const head = ['工单号', '受理时间', '颜色', '分类', '网格', '状态', '内容'];
      document.getElementById('list').replaceChildren(el('thead', {}, el('tr', {}, head.map(h => el('th', {}, h)))), el('tbody', {}, d.items.length
        ? d.items.map(t => el('tr', { 'data-number': t.number }, el('td', {}, el('a', { href: '/admin/tickets/' + t.number }, t.number)), el('td', {}, time(t.createdAt)),
          el('td', {}, colour(t.colour)), el('td', {}, t.categoryName), el('td', {}, t.grid || '未分网格'), el('td', { class: 'state' }, t.stateName),
          el('td', { class: 'wrap' }, t.text.length > 40 ? t.text.slice(0, 40) + '…' : t.text)))
        : [el('tr', {}, el('td', { colspan: head.length }, '没有符合条件的工单'))]));
      document.getElementById('pageinfo').textContent = `第 ${d.page} 页 / 共 ${Math.max(1, Math.ceil(total / size))} 页（${total} 件）`;
      say('msg', '');
    } catch (e) { say('msg', e.message, true); }
  }

  form.addEventListener('submit', e => { e.preventDefault(); page = 1; load(); });
  document.getElementById('prev').addEventListener('click', () => { if (page > 1) { page--; load(); } });
  document.getElementById('next').addEventListener('click', () => { if (page * size < total) { page++; load(); } });

  const quarter = document.getElementById('quarter');
  const now = new Date();
  for (let i = 0, y = now.getFullYear(), q = Math.floor(now.getMonth() / 3) + 1; i < 8; i++) {
    quarter.append(el('option', { value: `${y}Q${q}` }, `${y} 年第 ${q} 季度`));
    if (--q === 0) { q = 4; y--; }
  }
  const link = () => { document.getElementById('export').href = '/api/console/tickets/export?quarter=' + quarter.value; };
  quarter.addEventListener('change', link); link();
  Console.ready.then(load);
})();
