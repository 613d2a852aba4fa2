'use strict';
// 工单详情: facts, the full history and the actions (改派, 升级, 结案) through /api/console/tickets/{number}.
(() => {
  const { api, el, time, colour, say } = Console;
  const number = decodeURIComponent(location.pathname.split('/').pop());
  const base = '/api/console/tickets/' + encodeURIComponent(number);

  async function load() {
    try {
      const { ticket: t, history } = await api(base);
      document.getElementById('title').textContent = `工单 ${t.number}`;
      const facts = [['状态', el('strong', { id: 'state' }, t.stateName)], ['颜色', colour(t.colour)], ['分类', t.categoryName], ['责任部门', t.department],
        ['网格', t.grid || '未分网格'], ['地点', t.place || '—'], ['发生时间', t.since || '—'], ['来源', t.origin], ['受理时间', time(t.createdAt)],
        ['响应期限', time(t.responseDueAt) || '—'], ['评价', t.rating ? `${t.rating} 分 ${t.ratingComment || ''}` : '—'], ['诉求内容', t.text]];
      document.getElementById('facts').replaceChildren(...facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
      document.getElementById('timeline').replaceChildren(...history.map(h => el('li', {},
        el('time', {}, time(h.at)), ' ', el('strong', {}, Codes.states[h.to] || h.to), ' · ', h.actor, el('div', {}, h.note))));
      say('msg', '');
    } catch (e) { say('msg', e.message, true); }
  }

  async function act(action, body) {
    try {
      await api(`${base}/${action}`, { method: 'POST', json: body });
      document.getElementById('note').value = '';
      await load();
      say('msg', '操作成功。');
    } catch (e) { say('msg', e.message, true); }
  }

  const note = () => document.getElementById('note').value.trim();
  document.getElementById('reassign').addEventListener('click', () => act('reassign', { personId: Number(document.getElementById('person').value), note: note() }));
  document.getElementById('escalate').addEventListener('click', () => act('escalate', { note: note() }));
  document.getElementById('close').addEventListener('click', () => {
    if (!note()) { say('msg', '结案须填写说明。', true); return; }
    act('close', { note: note() });
  });

  Console.ready.then(async () => {
    await load();
    const people = await api('/api/roster/people').catch(() => []);
    document.getElementById('person').replaceChildren(...people.filter(p => p.active).map(p => el('option', { value: p.id }, `${p.roleName} ${p.name}${p.onDuty ? '' : '（不在岗）'}`)));
  });
})();
