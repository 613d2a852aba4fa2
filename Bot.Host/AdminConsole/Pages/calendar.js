'use strict';
// 日历: GET /api/console/calendar for the shown days, filtered here by venue, mediator and kind; a click opens the details.
(() => {
  const { api, el, say, time } = Console;
  const V = CalendarView;
  const form = document.getElementById('filters');
  const params = new URLSearchParams(location.search);
  let anchor = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') || '') ? params.get('date') : V.today();
  if (params.get('view') === 'week') form.view.value = 'week';
  let items = [];

  function fill(select, options) {
    for (const [value, name] of options) select.append(el('option', { value: String(value) }, name));
  }

  function details(item) {
    document.getElementById('details-title').textContent = `${item.kindName}｜${item.title}`;
    const facts = [['时间', `${time(item.start)} – ${V.clock(item.end)}`], ['地点', item.place], ['状态', item.stateName]];
    if (item.mediator) facts.push(['调解员', item.mediator]);
    if (item.resident) facts.push(['居民', item.resident]);
    if (item.topic) facts.push(['事由', item.topic]);
    if (item.seats !== null) facts.push(['席位', `${item.taken}/${item.seats}`]);
    if (item.registrations !== null) facts.push(['报名', `${item.registrations} 人`]);
    if (item.reason) facts.push(['调整原因', item.reason]);
    document.getElementById('details-facts').replaceChildren(...facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
    document.getElementById('details').showModal();
  }

  function draw() {
    const f = Object.fromEntries(new FormData(form));
    const shown = items.filter(i => (!f.venue || String(i.venueId) === f.venue) && (!f.mediator || String(i.mediatorId) === f.mediator) && (!f.kind || i.kind === f.kind));
    const box = document.getElementById('calendar');
    if (f.view === 'week') V.week(box, anchor, shown, V.today(), details); else V.month(box, anchor, shown, V.today(), details);
  }

  async function load() {
    const { from, to } = V.range(form.view.value, anchor);
    document.getElementById('period').textContent = form.view.value === 'week' ? `${from} 至 ${to}` : `${anchor.slice(0, 4)}年${+anchor.slice(5, 7)}月`;
    try { items = await api(`/api/console/calendar?from=${from}&to=${to}`); say('msg', ''); draw(); } catch (e) { say('msg', e.message, true); }
  }

  const step = n => { anchor = form.view.value === 'week' ? V.addDays(anchor, 7 * n) : V.addMonths(anchor, n); load(); };
  document.getElementById('prev').addEventListener('click', () => step(-1));
  document.getElementById('next').addEventListener('click', () => step(1));
  document.getElementById('today').addEventListener('click', () => { anchor = V.today(); load(); });
  form.view.addEventListener('change', load);
  form.venue.addEventListener('change', draw);
  form.mediator.addEventListener('change', draw);
  form.kind.addEventListener('change', draw);

  Console.ready.then(async () => {
    try {
      const [venues, mediators] = await Promise.all([api('/api/venues'), api('/api/mediators')]);
      fill(form.venue, venues.map(v => [v.id, v.name]));
      fill(form.mediator, mediators.map(m => [m.personId, m.name]));
    } catch (e) { say('msg', e.message, true); }
    await load();
  });
})();
