// Problems a person would see on the laid-out report page; returns a list of strings.
// Run by tests/report/test_browser.py through selenium's execute_script.
const problems = [];
const vw = document.documentElement.clientWidth;
if (document.documentElement.scrollWidth > vw + 1)
  problems.push(`page is ${document.documentElement.scrollWidth}px wide in a ${vw}px window`);
const box = (el) => el.getBoundingClientRect();
const name = (el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}` +
  `${el.className && el.className.baseVal === undefined && el.className ? '.' + el.className : ''}` +
  ` "${(el.textContent || '').trim().slice(0, 30)}"`;
const overlap = (a, b) => {
  const r = box(a), s = box(b);
  return r.width > 0 && s.width > 0 && r.left < s.right - 1 && s.left < r.right - 1 &&
         r.top < s.bottom - 1 && s.top < r.bottom - 1;
};
const pairs = (els, what) => {
  for (let i = 0; i < els.length; i++)
    for (let j = i + 1; j < els.length; j++)
      if (overlap(els[i], els[j])) problems.push(`${what}: ${name(els[i])} overlaps ${name(els[j])}`);
};
pairs([...document.querySelectorAll('main > *, .grid > *')].filter(e => !e.classList.contains('grid')), 'blocks');
document.querySelectorAll('ol.ladder li').forEach(li => pairs([...li.children], 'ladder'));
document.querySelectorAll('tr').forEach(tr => pairs([...tr.children], 'table row'));
document.querySelectorAll('.evidence li').forEach(li => pairs([...li.children], 'evidence'));
document.querySelectorAll('svg.chart').forEach(svg => {
  const texts = [...svg.querySelectorAll(':scope > text')];
  pairs(texts, 'radar labels');
  const frame = box(svg);
  texts.forEach(t => { const r = box(t);
    if (r.left < frame.left - 1 || r.right > frame.right + 1 || r.top < frame.top - 1 || r.bottom > frame.bottom + 1)
      problems.push(`radar label clipped: ${name(t)}`); });
});
document.querySelectorAll('section.card').forEach(card => {
  const frame = box(card);
  card.querySelectorAll('h2, h3, p, li, td, th, svg, table').forEach(el => {
    const r = box(el);
    if (r.width > 0 && (r.right > frame.right + 1 || r.left < frame.left - 1))
      problems.push(`${name(el)} sticks out of its card`);
  });
});
document.querySelectorAll('h1, h2, h3, p, td, th').forEach(el => {
  if (el.scrollWidth > el.clientWidth + 1) problems.push(`text overflows: ${name(el)}`);
});
return problems;
