'use strict';
// 提示词: every prompt grouped by skill, with its active version and how many versions were saved.
(() => {
  const { api, el, say } = Console;
  const skillNames = { engine: '意图识别', complaints: '诉求分类', scheduling: '预约时间', handoff: '转人工摘要', knowledge: '办事咨询' };

  async function load() {
    const prompts = await api('/api/prompts');
    const bySkill = new Map();
    for (const p of prompts) (bySkill.get(p.skill) || bySkill.set(p.skill, []).get(p.skill)).push(p);
    const head = ['提示词', '说明', '启用版本', '已保存版本'];
    document.getElementById('skills').replaceChildren(...[...bySkill].map(([skill, list]) =>
      el('section', { class: 'card' }, el('h2', {}, `${skillNames[skill] || skill}（${skill}）`),
        el('div', { class: 'table-wrap' }, el('table', {},
          el('thead', {}, el('tr', {}, head.map(h => el('th', {}, h)))),
          el('tbody', {}, list.map(p => el('tr', { 'data-id': p.id },
            el('td', {}, el('a', { href: `/admin/prompts/${p.id}` }, p.id)),
            el('td', { class: 'wrap' }, p.description || ''),
            el('td', { class: 'active-version' }, p.activeVersion === 0 ? '默认文件' : `版本 ${p.activeVersion}`),
            el('td', {}, String(p.versions))))))))));
  }

  Console.ready.then(() => load().catch(e => say('msg', e.message, true)));
})();
