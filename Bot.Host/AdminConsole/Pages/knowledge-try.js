'use strict';
// 知识库 · 试一试: POST /api/knowledge/search → the matching entries and the answer a resident would get.
(() => {
  const { api, el, say } = Console;

  document.getElementById('try').addEventListener('submit', async ev => {
    ev.preventDefault();
    const box = document.getElementById('try-result');
    try {
      const r = await api('/api/knowledge/search', { method: 'POST', json: { question: document.getElementById('try-question').value } });
      const head = ['条目', '问题', '相关度', '覆盖率'];
      box.replaceChildren(
        el('h3', {}, '匹配的条目'),
        r.matches.length
          ? el('div', { class: 'table-wrap' }, el('table', { id: 'try-matches' }, el('thead', {}, el('tr', {}, head.map(h => el('th', {}, h)))),
            el('tbody', {}, r.matches.map(m => el('tr', { 'data-id': m.id, class: r.cited.includes(m.id) ? 'cited' : '' },
              el('td', {}, m.id + (r.cited.includes(m.id) ? '（已引用）' : '')), el('td', { class: 'wrap' }, m.question),
              el('td', {}, m.score.toFixed(2)), el('td', {}, (m.coverage * 100).toFixed(0) + '%'))))))
          : el('p', { class: 'hint' }, '没有匹配的条目。'),
        el('h3', {}, r.answered ? '居民会收到的回答' : '知识库回答不了，居民会收到'),
        el('pre', { class: 'mono', id: 'try-answer' }, r.answer));
    } catch (e) { say('msg', e.message, true); }
  });
})();
