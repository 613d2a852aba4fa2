'use strict';
// 账号管理 (admins): create, change role and grid, reset password, disable or enable.
(() => {
  const { api, el, time, say } = Console;
  const roles = { admin: '管理员', staff: '工作人员', grid_leader: '网格长' };
  const form = document.getElementById('create');
  let compounds = [];

  const gridSelect = (value) => el('select', {}, el('option', { value: '' }, '—'),
    compounds.map(c => { const o = el('option', { value: c.id }, c.name); o.selected = c.id === value; return o; }));

  async function change(username, body, done) {
    try { await api('/api/console/accounts/' + encodeURIComponent(username), { method: 'PUT', json: body }); say('msg', done); await load(); }
    catch (e) { say('msg', e.message, true); }
  }

  function row(a) {
    const role = el('select', {}, Object.entries(roles).map(([k, v]) => { const o = el('option', { value: k }, v); o.selected = k === a.role; return o; }));
    const grid = gridSelect(a.gridCompoundId);
    const save = el('button', { type: 'button', onclick: () => change(a.username, { role: role.value, gridCompoundId: grid.value ? Number(grid.value) : null }, '已保存。') }, '保存');
    const reset = el('button', { type: 'button', class: 'secondary', onclick: () => {
      const password = prompt(`为 ${a.username} 设置新密码（至少 8 位）：`);
      if (password) change(a.username, { password }, '密码已重置。');
    } }, '重置密码');
    const toggle = el('button', { type: 'button', class: 'secondary', onclick: () => change(a.username, { disabled: !a.disabled }, a.disabled ? '已启用。' : '已停用。') }, a.disabled ? '启用' : '停用');
    const state = a.disabled ? '已停用' : a.locked ? '已锁定' : '正常';
    return el('tr', {}, el('td', {}, a.username), el('td', {}, role), el('td', {}, grid), el('td', {}, state), el('td', {}, time(a.createdAt)), el('td', {}, save, ' ', reset, ' ', toggle));
  }

  async function load() {
    const accounts = await api('/api/console/accounts');
    document.getElementById('accounts').replaceChildren(el('thead', {}, el('tr', {}, ['用户名', '角色', '网格', '状态', '创建时间', '操作'].map(h => el('th', {}, h)))),
      el('tbody', {}, accounts.map(row)));
  }

  form.addEventListener('submit', async e => {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(form));
    try {
      await api('/api/console/accounts', { method: 'POST', json: { username: f.username, password: f.password, role: f.role, gridCompoundId: f.gridCompoundId ? Number(f.gridCompoundId) : null } });
      form.reset(); say('msg', '账号已创建。'); await load();
    } catch (err) { say('msg', err.message, true); }
  });

  Console.ready.then(async () => {
    compounds = await api('/api/roster/compounds');
    form.elements.gridCompoundId.append(...compounds.map(c => el('option', { value: c.id }, c.name)));
    await load();
  }).catch(e => say('msg', e.message, true));
})();
