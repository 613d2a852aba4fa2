'use strict';
// 知识库: the entries (expired ones marked), the create/edit form and deletion.
(() => {
  const { api, el, say, time } = Console;
  const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const field = id => document.getElementById(id);
  let editing = null;

  function fill(entry) {
    editing = entry ? entry.id : null;
    field('form-title').textContent = entry ? `编辑条目 ${entry.id}` : '新建条目';
    field('k-id').value = entry ? entry.id : '';
    field('k-id').readOnly = !!entry;
    field('k-question').value = entry ? entry.question : '';
    field('k-answer').value = entry ? entry.answer : '';
    field('k-source').value = entry ? entry.source : '';
    field('k-valid').value = entry && entry.validUntil ? entry.validUntil : '';
    field('k-tags').value = entry ? entry.tags.join('，') : '';
  }

  async function remove(entry) {
    if (!confirm(`确定删除条目“${entry.question}”吗？删除后居民将不再得到这条回答。`)) return;
    try {
      await api(`/api/knowledge/${encodeURIComponent(entry.id)}`, { method: 'DELETE' });
      say('msg', `已删除条目 ${entry.id}。`);
      if (editing === entry.id) fill(null);
      await load();
    } catch (e) { say('msg', e.message, true); }
  }

  async function load() {
    const entries = await api('/api/knowledge');
    const head = ['ID', '问题', '来源', '有效期至', '更新', '操作'];
    const now = today();
    document.getElementById('entries').replaceChildren(el('thead', {}, el('tr', {}, head.map(h => el('th', {}, h)))), el('tbody', {}, entries.length
      ? entries.map(e => el('tr', { 'data-id': e.id },
        el('td', {}, e.id), el('td', { class: 'wrap' }, e.question), el('td', { class: 'wrap' }, e.source),
        el('td', { class: 'valid' }, e.validUntil || '长期', e.validUntil && e.validUntil < now ? el('span', { class: 'badge warn' }, '已过期') : ''),
        el('td', {}, `${time(e.updatedAt)} ${e.updatedBy}`),
        el('td', {}, el('div', { class: 'row' },
          el('button', { type: 'button', class: 'secondary edit', onclick: () => { fill(e); field('editor-card').scrollIntoView(); } }, '编辑'),
          el('button', { type: 'button', class: 'secondary delete', onclick: () => remove(e) }, '删除')))))
      : [el('tr', {}, el('td', { colspan: head.length }, '知识库为空'))]));
  }

  field('new').addEventListener('click', () => { fill(null); field('k-id').focus(); });
  field('entry').addEventListener('submit', async ev => {
    ev.preventDefault();
    const id = field('k-id').value.trim();
    const body = {
      question: field('k-question').value, answer: field('k-answer').value, source: field('k-source').value,
      validUntil: field('k-valid').value || null, tags: field('k-tags').value.split(/[,，、;；]/).map(t => t.trim()).filter(t => t),
    };
    try {
      await api(`/api/knowledge/${encodeURIComponent(id)}`, { method: 'PUT', json: body });
      say('msg', `已保存条目 ${id}，下一个问题起生效。`);
      fill(null);
      await load();
    } catch (e) { say('msg', e.message, true); }
  });

  Console.ready.then(() => load().catch(e => say('msg', e.message, true)));
})();
