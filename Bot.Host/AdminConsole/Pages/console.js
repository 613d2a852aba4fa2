'use strict';
// Shared by every console page: the header and navigation, API calls with the antiforgery header, small helpers.
const Console = (() => {
  const csrf = document.querySelector('meta[name="csrf"]').content;
  const pages = [['/admin', '数据看板'], ['/admin/tickets', '民生实事账本'], ['/admin/roster', '网格名册'],
    ['/admin/calendar', '日历', 'admin,staff'], ['/admin/venues', '场地与排班', 'admin,staff'], ['/admin/groups', '群与机器人', 'admin,staff'],
    ['/admin/conversations', '对话抽查', 'admin,staff'], ['/admin/prompts', '提示词', 'admin,staff'], ['/admin/knowledge', '知识库', 'admin,staff'],
    ['/admin/accounts', '账号管理', 'admin']];

  async function api(path, options = {}) {
    const headers = { 'X-CSRF-TOKEN': csrf };
    let body = options.body;
    if (options.json !== undefined) { headers['Content-Type'] = 'application/json'; body = JSON.stringify(options.json); }
    if (options.contentType) headers['Content-Type'] = options.contentType;
    const res = await fetch(path, { method: options.method || 'GET', headers, body, credentials: 'same-origin' });
    if (res.status === 401) { location.href = '/admin/login?returnUrl=' + encodeURIComponent(location.pathname + location.search); throw new Error('请先登录'); }
    const data = (res.headers.get('content-type') || '').includes('json') ? await res.json() : await res.text();
    if (!res.ok) {
      const rows = data && data.errors ? '：' + data.errors.map(e => `第${e.row}行 ${e.message}`).join('；') : '';
      throw new Error(((data && (data.detail || data.title)) || `请求失败（${res.status}）`) + rows);
    }
    return data;
  }

  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'class') node.className = v; else if (k.startsWith('on')) node.addEventListener(k.slice(2), v); else node.setAttribute(k, v);
    }
    for (const c of children.flat()) node.append(c instanceof Node ? c : document.createTextNode(c ?? ''));
    return node;
  }

  const time = iso => iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }) : '';
  const percent = r => r === null || r === undefined ? '—' : (r * 100).toFixed(1) + '%';
  const colourNames = { red: '红色', orange: '橙色', yellow: '黄色', green: '绿色' };
  const colour = code => el('span', { class: 'colour ' + code }, colourNames[code] || code);
  const say = (id, text, isError) => { const box = document.getElementById(id); box.textContent = text; box.classList.toggle('error', !!isError); };

  function header(me) {
    const nav = el('nav', { id: 'nav' }, pages.filter(p => !p[2] || p[2].split(',').includes(me.role)).map(([href, name]) =>
      el('a', { href, class: location.pathname === href || (href !== '/admin' && location.pathname.startsWith(href)) ? 'active' : '' }, name)));
    const logout = el('form', { method: 'post', action: '/admin/logout' }, el('input', { type: 'hidden', name: '__csrf', value: csrf }), el('button', { class: 'secondary' }, '退出'));
    const toggle = el('button', { class: 'menu-toggle', type: 'button', onclick: () => nav.classList.toggle('open') }, '☰ 菜单');
    const who = el('span', { id: 'who' }, `${me.roleName} ${me.username}` + (me.gridName ? `（${me.gridName}）` : ''));
    document.body.prepend(el('header', { class: 'top' }, el('a', { class: 'brand', href: '/admin' }, '睦邻助手 · 管理控制台'), toggle, nav, who, logout));
  }

  const ready = api('/api/console/me').then(me => { header(me); return me; });
  return { api, el, time, percent, colour, colourNames, say, ready };
})();
