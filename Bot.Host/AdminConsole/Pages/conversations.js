'use strict';
// 对话抽查: GET /api/console/conversations — the latest turns, already masked by the server.
(() => {
  const { api, el, say, time } = Console;
  const form = document.getElementById('filters');
  let intentsFilled = false;

  async function load() {
    const query = new URLSearchParams([...new FormData(form)].filter(([, v]) => v !== ''));
    try {
      const page = await api('/api/console/conversations?' + query);
      if (!intentsFilled) {
        for (const i of page.intents) form.intent.append(el('option', { value: i }, i));
        intentsFilled = true;
      }
      const head = ['时间', '居民', '渠道', '意图', '居民消息', '机器人回复'];
      document.getElementById('list').replaceChildren(el('thead', {}, el('tr', {}, head.map(h => el('th', {}, h)))), el('tbody', {}, page.items.length
        ? page.items.map(t => el('tr', { 'data-id': String(t.id) },
            el('td', {}, time(t.receivedAt)), el('td', { class: 'resident' }, t.resident), el('td', {}, t.channel), el('td', {}, t.intent || '—'),
            el('td', { class: 'wrap message-text' }, t.message),
            el('td', { class: 'wrap' }, t.replies.length ? t.replies.map(r => el('div', {}, r)) : '（无回复）')))
        : [el('tr', {}, el('td', { colspan: head.length }, '没有符合条件的对话'))]));
      say('msg', '');
    } catch (e) { say('msg', e.message, true); }
  }

  form.addEventListener('submit', e => { e.preventDefault(); load(); });
  Console.ready.then(load);
})();
