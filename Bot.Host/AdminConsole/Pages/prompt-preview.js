'use strict';
// The prompt page's preview: sample messages (one per line) → the offline decision beside the model's.
(() => {
  const { api, el, say } = Console;
  const outcomes = { answered: '模型已回答', disabled: '未配置大模型', timeout: '超时', failed: '调用失败', invalidOutput: '输出无效（已忽略）', circuitOpen: '暂停调用（熔断中）' };

  document.getElementById('preview').addEventListener('click', async () => {
    const samples = document.getElementById('samples').value.split('\n').map(s => s.trim()).filter(s => s);
    if (!samples.length) { say('msg', '请至少输入一条样例消息。', true); return; }
    if (samples.length > 20) { say('msg', `最多 20 条样例，现在有 ${samples.length} 条。`, true); return; }
    const chosen = document.getElementById('preview-version').value;
    const table = document.getElementById('preview-results');
    table.replaceChildren(el('tbody', {}, el('tr', {}, el('td', {}, '正在预览……'))));
    try {
      const results = await api(`${PromptPage.base}/preview`, { method: 'POST', json: { version: chosen === '' ? null : Number(chosen), samples } });
      const head = ['样例', '离线结果', '模型结果', '原始输出', '结果'];
      table.replaceChildren(el('thead', {}, el('tr', {}, head.map(h => el('th', {}, h)))), el('tbody', {}, results.map(r => el('tr', {},
        el('td', { class: 'wrap' }, r.sample),
        el('td', { class: 'wrap offline' }, r.offline),
        el('td', { class: 'wrap model' }, r.model || '—'),
        el('td', { class: 'wrap' }, el('pre', { class: 'mono' }, r.raw || '')),
        el('td', { class: 'wrap outcome-' + r.outcome }, (outcomes[r.outcome] || r.outcome) + (r.detail ? `：${r.detail}` : ''))))));
    } catch (e) { table.replaceChildren(); say('msg', e.message, true); }
  });
})();
