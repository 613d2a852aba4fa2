'use strict';
// 场地与调解员: GET/POST /api/venues, GET /api/mediators, PUT /api/mediators/{id} (daily cap).
(() => {
  const { api, el, say } = Console;
  const form = document.getElementById('venue-form');
  const kindNames = { mediation: '调解', council: '议事' };
  const table = (id, head, rows, empty) => document.getElementById(id).replaceChildren(
    el('thead', {}, el('tr', {}, head.map(h => el('th', {}, h)))),
    el('tbody', {}, rows.length ? rows : [el('tr', {}, el('td', { colspan: head.length }, empty))]));

  function edit(v) {
    document.getElementById('venue-title').textContent = `修改场地：${v.name}`;
    for (const k of ['id', 'name', 'address', 'openingHours', 'capacity', 'slotMinutes', 'bufferMinutes']) form[k].value = v[k];
    form.closedDates.value = v.closedDates.join('，');
    form.kinds.value = v.kinds.join(',');
    form.active.value = String(v.active);
    form.scrollIntoView({ behavior: 'smooth' });
  }

  async function loadVenues() {
    const venues = await api('/api/venues');
    table('venues', ['名称', '地址', '开放时间', '人数', '每场/间隔', '闭馆日期', '用途', '启用', ''], venues.map(v => el('tr', { 'data-id': String(v.id) },
      [v.name, v.address, v.openingHours, v.capacity, `${v.slotMinutes}/${v.bufferMinutes} 分钟`, v.closedDates.join('，') || '—', v.kinds.map(k => kindNames[k] || k).join('、'), v.active ? '是' : '否']
        .map(x => el('td', {}, String(x))),
      el('td', {}, el('button', { type: 'button', class: 'secondary', onclick: () => edit(v) }, '修改')))), '还没有场地');
  }

  async function loadMediators() {
    const mediators = await api('/api/mediators');
    table('mediators', ['姓名', '专长', '值班时间', '每日上限', ''], mediators.map(m => {
      const cap = el('input', { type: 'number', min: '0', max: '20', value: String(m.dailyCap), style: 'width:5em' });
      const save = async () => {
        try { await api(`/api/mediators/${m.personId}`, { method: 'PUT', json: { dailyCap: Number(cap.value) } }); say('msg', `已保存 ${m.name} 的每日上限：${cap.value} 场`); } catch (e) { say('msg', e.message, true); }
      };
      return el('tr', {}, el('td', {}, m.name + (m.active ? '' : '（停用）')), el('td', {}, m.specialties.join('、') || '—'), el('td', {}, m.availableHours),
        el('td', {}, cap), el('td', {}, el('button', { type: 'button', class: 'secondary', onclick: save }, '保存')));
    }), '名册中没有调解员（在网格名册导入角色为“调解员”的人员）');
  }

  form.addEventListener('submit', async e => {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(form));
    const body = {
      id: f.id ? Number(f.id) : null, name: f.name, address: f.address, openingHours: f.openingHours, capacity: Number(f.capacity),
      slotMinutes: Number(f.slotMinutes), bufferMinutes: Number(f.bufferMinutes), kinds: f.kinds.split(','), active: f.active === 'true',
      closedDates: f.closedDates.split(/[，,;；\s]+/).filter(Boolean),
    };
    try { const saved = await api('/api/venues', { method: 'POST', json: body }); say('msg', `已保存场地：${saved.name}`); form.reset(); form.id.value = ''; await loadVenues(); } catch (err) { say('msg', err.message, true); }
  });
  document.getElementById('venue-new').addEventListener('click', () => { form.id.value = ''; document.getElementById('venue-title').textContent = '新增场地'; });

  Console.ready.then(() => Promise.all([loadVenues(), loadMediators()]).catch(e => say('msg', e.message, true)));
})();
