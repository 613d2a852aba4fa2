'use strict';
// 活动安排: GET/POST /api/events/schedules — edit title, place, time and whether it runs (hosts, rounds and robots kept).
(() => {
  const { api, el, say, time } = Console;
  const form = document.getElementById('schedule-form');
  const kindNames = { night_market: '民情夜市', visit_day: '民意5来听走访日' };
  let current = null;

  function edit(s) {
    current = s;
    form.hidden = false;
    document.getElementById('schedule-title').textContent = `修改安排：${s.title}`;
    for (const k of ['id', 'title', 'place', 'cron', 'durationMinutes']) form[k].value = s[k];
    form.weekday.value = ''; form.startTime.value = ''; form.endTime.value = '';
    form.active.value = String(s.active);
    form.scrollIntoView({ behavior: 'smooth' });
  }

  async function load() {
    const schedules = await api('/api/events/schedules');
    const head = ['类型', '标题', '地点', '时间规则', '时长', '接下来', '群机器人', '启用', ''];
    document.getElementById('schedules').replaceChildren(el('thead', {}, el('tr', {}, head.map(h => el('th', {}, h)))), el('tbody', {}, schedules.length
      ? schedules.map(s => el('tr', { 'data-id': String(s.id) },
          [kindNames[s.kind] || s.kind, s.title, s.place, s.cron, `${s.durationMinutes} 分钟`, s.next.map(o => time(o.start) + (o.cancelled ? '（取消）' : '')).join('；') || '—', `${s.robotCount} 个`, s.active ? '是' : '否']
            .map(x => el('td', { class: 'wrap' }, x)),
          el('td', {}, el('button', { type: 'button', class: 'secondary', onclick: () => edit(s) }, '修改'))))
      : [el('tr', {}, el('td', { colspan: head.length }, '还没有活动安排'))]));
  }

  form.addEventListener('submit', async e => {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(form));
    const body = {
      id: current.id, kind: current.kind, title: f.title, place: f.place, compoundId: current.compoundId, hostIds: current.hostIds,
      visits: current.visits, active: f.active === 'true',
    };
    if (f.weekday) Object.assign(body, { weekday: Number(f.weekday), startTime: f.startTime, endTime: f.endTime });
    else Object.assign(body, { cron: f.cron, durationMinutes: Number(f.durationMinutes) });
    try { const saved = await api('/api/events/schedules', { method: 'POST', json: body }); say('msg', `已保存安排：${saved.title}`); form.hidden = true; await load(); } catch (err) { say('msg', err.message, true); }
  });

  Console.ready.then(() => load().catch(e => say('msg', e.message, true)));
})();
