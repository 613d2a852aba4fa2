'use strict';
// A line-based diff (longest common subsequence), no library: [{ type: 'same' | 'add' | 'del', text }].
const PromptDiff = (() => {
  function lines(before, after) {
    const a = before.split('\n'), b = after.split('\n');
    const n = a.length, m = b.length;
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
    const out = [];
    let i = 0, j = 0;
    while (i < n && j < m) {
      if (a[i] === b[j]) { out.push({ type: 'same', text: a[i] }); i++; j++; }
      else if (lcs[i + 1][j] >= lcs[i][j + 1]) out.push({ type: 'del', text: a[i++] });
      else out.push({ type: 'add', text: b[j++] });
    }
    while (i < n) out.push({ type: 'del', text: a[i++] });
    while (j < m) out.push({ type: 'add', text: b[j++] });
    return out;
  }

  const marks = { same: '  ', add: '+ ', del: '- ' };
  /** The diff as spans for a <pre>; unchanged lines far from a change are folded. */
  function render(before, after) {
    const diff = lines(before, after);
    const near = diff.map((d, k) => diff.slice(Math.max(0, k - 2), k + 3).some(x => x.type !== 'same'));
    const out = [];
    let folded = 0;
    diff.forEach((d, k) => {
      if (d.type === 'same' && !near[k]) { folded++; return; }
      if (folded) { out.push(Console.el('span', { class: 'same' }, `  …（${folded} 行相同）`)); folded = 0; }
      out.push(Console.el('span', { class: d.type }, marks[d.type] + d.text));
    });
    if (folded) out.push(Console.el('span', { class: 'same' }, `  …（${folded} 行相同）`));
    return { nodes: out, changed: diff.some(d => d.type !== 'same') };
  }

  return { lines, render };
})();
