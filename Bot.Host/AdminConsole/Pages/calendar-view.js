'use strict';
// 日历 rendering: dates are China-time day keys ('2026-11-26'); the month grid starts on Monday, the week list Monday–Sunday.
const CalendarView = (() => {
  const { el } = Console;
  const dayKey = iso => new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const clock = iso => new Date(iso).toLocaleTimeString('zh-CN', { hour12: false, hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' });
  const parse = key => new Date(key + 'T00:00:00Z');
  const key = date => date.toISOString().slice(0, 10);
  const addDays = (k, n) => { const d = parse(k); d.setUTCDate(d.getUTCDate() + n); return key(d); };
  const monday = k => addDays(k, -((parse(k).getUTCDay() + 6) % 7));
  const monthStart = k => k.slice(0, 8) + '01';
  const addMonths = (k, n) => { const d = parse(monthStart(k)); d.setUTCMonth(d.getUTCMonth() + n); return key(d); };
  const weekdays = ['一', '二', '三', '四', '五', '六', '日'];

  // The days shown: whole weeks covering the month, or one week.
  function range(view, anchor) {
    if (view === 'week') { const from = monday(anchor); return { from, to: addDays(from, 6) }; }
    const first = monthStart(anchor);
    const from = monday(first);
    const last = addDays(addMonths(first, 1), -1);
    return { from, to: addDays(monday(last), 6) };
  }

  function chip(item, onOpen, long) {
    const label = long ? `${clock(item.start)}–${clock(item.end)} ${item.kindName}｜${item.title}｜${item.place}` : `${clock(item.start)} ${item.kindName} ${item.mediator || item.place}`;
    return el('button', { type: 'button', class: `item ${item.kind} ${item.state}`, 'data-id': item.id, title: label, onclick: () => onOpen(item) }, label);
  }

  function byDay(items) {
    const days = {};
    for (const i of items) (days[dayKey(i.start)] ||= []).push(i);
    return days;
  }

  function month(box, anchor, items, today, onOpen) {
    const { from, to } = range('month', anchor);
    const days = byDay(items);
    const cells = weekdays.map(w => el('div', { class: 'dow' }, '周' + w));
    for (let k = from; k <= to; k = addDays(k, 1)) {
      const cls = ['day', k.slice(0, 7) !== anchor.slice(0, 7) ? 'other' : '', k === today ? 'today' : ''].join(' ');
      cells.push(el('div', { class: cls, 'data-date': k }, el('div', { class: 'num' }, String(+k.slice(8))), (days[k] || []).map(i => chip(i, onOpen, false))));
    }
    box.replaceChildren(el('div', { class: 'month' }, cells));
  }

  function week(box, anchor, items, today, onOpen) {
    const { from } = range('week', anchor);
    const days = byDay(items);
    const list = [];
    for (let n = 0; n < 7; n++) {
      const k = addDays(from, n);
      list.push(el('section', { class: 'week-day', 'data-date': k }, el('h3', {}, `${+k.slice(5, 7)}月${+k.slice(8)}日 周${weekdays[n]}${k === today ? '（今天）' : ''}`),
        (days[k] || []).length ? days[k].map(i => chip(i, onOpen, true)) : el('div', { class: 'empty' }, '无安排')));
    }
    box.replaceChildren(...list);
  }

  return { range, month, week, dayKey, clock, addDays, addMonths, today: () => dayKey(new Date().toISOString()) };
})();
