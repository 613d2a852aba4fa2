'use strict';
// 网格名册: the people table and the CSV import (POST /api/roster/import, all or nothing).
(() => {
  const { api, el, say } = Console;

  async function load() {
    const [people, compounds] = await Promise.all([api('/api/roster/people'), api('/api/roster/compounds')]);
    const names = Object.fromEntries(compounds.map(c => [c.id, c.name]));
    const head = ['姓名', '角色', '小区', '企业微信', '电话', '值班时间', '在岗', '状态'];
    document.getElementById('people').replaceChildren(el('thead', {}, el('tr', {}, head.map(h => el('th', {}, h)))), el('tbody', {}, people.length
      ? people.map(p => el('tr', {}, [p.name, p.roleName, names[p.compoundId] || '—', p.weComUserId || '—', p.phone || '—', p.dutyHours, p.onDuty ? '是' : '否', p.active ? '在职' : '停用'].map(v => el('td', {}, v))))
      : [el('tr', {}, el('td', { colspan: head.length }, '名册为空，请导入'))]));
  }

  document.getElementById('import').addEventListener('submit', async e => {
    e.preventDefault();
    const file = document.getElementById('file').files[0];
    if (!file) return;
    try {
      const r = await api('/api/roster/import', { method: 'POST', body: await file.arrayBuffer(), contentType: 'text/csv' });
      say('msg', `导入成功：新建小区 ${r.compoundsCreated} 个、楼栋 ${r.buildingsCreated} 个，新增人员 ${r.peopleCreated} 人，更新 ${r.peopleUpdated} 人。`);
      await load();
    } catch (err) { say('msg', err.message, true); }
  });

  Console.ready.then(() => load().catch(e => say('msg', e.message, true)));
})();
