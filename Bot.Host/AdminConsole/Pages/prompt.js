'use strict';
// One prompt: load any version into the editor, save a new version, the history with diffs, activation and rollback.
const PromptPage = (() => {
  const { api, el, say, time } = Console;
  const id = location.pathname.split('/').slice(3, 5).map(decodeURIComponent).join('/');
  const base = `/api/prompts/${id}`;
  const label = v => v === 0 ? '默认文件' : `版本 ${v}`;
  const state = { detail: null, isAdmin: false };

  const content = async v => v === 0 ? state.detail.defaultContent : (await api(`${base}/versions/${v}`)).content;
  const all = () => [{ version: 0, author: '文件', note: 'prompts 文件夹中的默认内容', createdAt: null }, ...state.detail.storedVersions];

  async function loadInto(version) {
    document.getElementById('editor').value = await content(version);
    document.getElementById('loaded').textContent = `已载入${label(version)}`;
  }

  function options(select, withActive) {
    const opts = all().map(v => el('option', { value: String(v.version) }, label(v.version) + (v.version === state.detail.prompt.activeVersion ? '（启用中）' : '')));
    select.replaceChildren(...(withActive ? [el('option', { value: '' }, '当前启用的版本')] : []), ...opts);
  }

  async function showDiff(version) {
    const active = state.detail.prompt.activeVersion;
    const { nodes, changed } = PromptDiff.render(await content(active), await content(version));
    document.getElementById('diff-title').textContent = `${label(version)} 与启用中的${label(active)}的差异（- 启用中，+ ${label(version)}）`;
    document.getElementById('diff').replaceChildren(...(changed ? nodes : [el('span', { class: 'same' }, '内容相同')]));
    document.getElementById('diff-card').hidden = false;
  }

  async function activate(version) {
    if (!confirm(`确定启用${label(version)}吗？下一条居民消息起生效。`)) return;
    try {
      await api(`${base}/versions/${version}/activate`, { method: 'POST', json: {} });
      say('msg', `已启用${label(version)}。`);
      await refresh();
    } catch (e) { say('msg', e.message, true); }
  }

  function history() {
    const active = state.detail.prompt.activeVersion;
    const head = ['版本', '作者', '说明', '时间', '状态', '操作'];
    const rows = all().slice().reverse().map(v => el('tr', { 'data-version': String(v.version) },
      el('td', {}, label(v.version)), el('td', {}, v.author), el('td', { class: 'wrap' }, v.note || ''), el('td', {}, time(v.createdAt) || '—'),
      el('td', {}, v.version === active ? el('span', { class: 'badge' }, '启用中') : ''),
      el('td', {}, el('div', { class: 'row' },
        el('button', { type: 'button', class: 'secondary diff', onclick: () => showDiff(v.version).catch(e => say('msg', e.message, true)) }, '对比启用版本'),
        el('button', { type: 'button', class: 'secondary load', onclick: () => loadInto(v.version).catch(e => say('msg', e.message, true)) }, '载入'),
        state.isAdmin && v.version !== active
          ? el('button', { type: 'button', class: 'activate', 'data-version': String(v.version), onclick: () => activate(v.version) }, v.version < active ? (v.version === 0 ? '回滚到默认文件' : '回滚到此版本') : '启用')
          : ''))));
    document.getElementById('versions').replaceChildren(el('thead', {}, el('tr', {}, head.map(h => el('th', {}, h)))), el('tbody', {}, rows));
  }

  async function refresh() {
    state.detail = await api(base);
    const p = state.detail.prompt;
    document.getElementById('title').textContent = `提示词 ${p.id}（启用中：${label(p.activeVersion)}）`;
    document.getElementById('description').textContent = p.description || '';
    options(document.getElementById('load-version'), false);
    options(document.getElementById('preview-version'), true);
    history();
  }

  async function save(activateNow) {
    const body = { content: document.getElementById('editor').value, note: document.getElementById('note').value, activate: activateNow };
    try {
      const r = await api(`${base}/versions`, { method: 'POST', json: body });
      say('msg', `已保存为版本 ${r.version}` + (r.active ? '并已启用。' : '（未启用）。'));
      document.getElementById('note').value = '';
      await refresh();
    } catch (e) { say('msg', e.message, true); }
  }

  document.getElementById('save').addEventListener('click', () => save(false));
  document.getElementById('save-activate').addEventListener('click', () => save(true));
  document.getElementById('load').addEventListener('click', () =>
    loadInto(Number(document.getElementById('load-version').value)).catch(e => say('msg', e.message, true)));

  Console.ready.then(async me => {
    state.isAdmin = me.role === 'admin';
    document.querySelectorAll('.admin-only').forEach(n => { n.hidden = !state.isAdmin; });
    document.querySelectorAll('.staff-only').forEach(n => { n.hidden = state.isAdmin; });
    await refresh();
    await loadInto(state.detail.prompt.activeVersion);
  }).catch(e => say('msg', e.message, true));

  return { id, base, label };
})();
