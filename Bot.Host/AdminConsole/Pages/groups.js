'use strict';
// 群与机器人: GET/POST /api/groups (register), POST /api/groups/notices (a notice through the robots), GET /api/groups/notices (log).
(() => {
  const { api, el, say, time } = Console;
  const scopeNames = { community: '全社区', compound: '小区', building: '楼栋' };
  const statusNames = { pending: '待发送', sending: '发送中', sent: '已发送', failed: '失败', deferred: '暂缓', no_robot: '无机器人' };
  const groupForm = document.getElementById('group-form');
  const noticeForm = document.getElementById('notice-form');
  let places = { compound: [], building: [] };
  const names = {};

  const table = (id, head, rows, empty) => document.getElementById(id).replaceChildren(
    el('thead', {}, el('tr', {}, head.map(h => el('th', {}, h)))),
    el('tbody', {}, rows.length ? rows : [el('tr', {}, el('td', { colspan: head.length }, empty))]));

  function fillPlaces() {
    const options = places[groupForm.scope.value] || [];
    groupForm.place.replaceChildren(el('option', { value: '' }, '—'), ...options.map(([id, name]) => el('option', { value: String(id) }, name)));
  }

  async function loadGroups() {
    const groups = await api('/api/groups');
    table('groups', ['群名称', 'chatid', '范围', '小区/楼栋', '机器人', '启用'], groups.map(g => el('tr', { 'data-id': String(g.id) },
      [g.name, g.chatId, scopeNames[g.scope] || g.scope, names['b' + g.buildingId] || names['c' + g.compoundId] || '—', g.hasRobot ? g.webhookKey : '无', g.active ? '是' : '否']
        .map(x => el('td', {}, x)))), '还没有登记的群');
    noticeForm.target.replaceChildren(el('option', { value: '' }, '所有群'),
      ...places.compound.map(([id, name]) => el('option', { value: 'c' + id }, `${name}（含楼栋群）`)),
      ...groups.map(g => el('option', { value: 'g' + g.id }, `群：${g.name}`)));
  }

  async function loadNotices() {
    const notices = await api('/api/groups/notices?max=20');
    table('notices', ['时间', '内容', '各群状态'], notices.map(n => el('tr', {}, el('td', {}, time(n.createdAt)), el('td', { class: 'wrap' }, n.text),
      el('td', { class: 'wrap' }, (n.deliveries || []).map(d => `${d.groupName || d.groupId}：${statusNames[d.status] || d.status}`).join('；')))), '还没有发布过通知');
  }

  groupForm.scope.addEventListener('change', fillPlaces);
  groupForm.addEventListener('submit', async e => {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(groupForm));
    const body = { chatId: f.chatId, name: f.name, scope: f.scope, webhookKey: f.webhookKey || null };
    if (f.scope === 'compound') body.compoundId = Number(f.place); else if (f.scope === 'building') body.buildingId = Number(f.place);
    try { await api('/api/groups', { method: 'POST', json: body }); say('msg', `已登记群：${f.name}`); groupForm.reset(); fillPlaces(); await loadGroups(); } catch (err) { say('msg', err.message, true); }
  });

  noticeForm.addEventListener('submit', async e => {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(noticeForm));
    const body = { text: f.text };
    if (f.target.startsWith('c')) body.compoundId = Number(f.target.slice(1)); else if (f.target.startsWith('g')) body.groupIds = [Number(f.target.slice(1))];
    try { await api('/api/groups/notices', { method: 'POST', json: body }); say('msg', '通知已排队发送'); noticeForm.reset(); await loadNotices(); } catch (err) { say('msg', err.message, true); }
  });

  Console.ready.then(async () => {
    try {
      const compounds = await api('/api/roster/compounds');
      places = { compound: compounds.map(c => [c.id, c.name]), building: compounds.flatMap(c => (c.buildings || []).map(b => [b.id, c.name + b.name])) };
      for (const [id, name] of places.compound) names['c' + id] = name;
      for (const [id, name] of places.building) names['b' + id] = name;
      fillPlaces();
      await Promise.all([loadGroups(), loadNotices()]);
    } catch (e) { say('msg', e.message, true); }
  });
})();
