// The search page's suggestions (ADR 0035): the page is server-rendered without React on the client, so this small
// script does what the App Router's SearchBox does with React: while one types, the policy library's suggestions
// (document numbers, titles, agencies) from /api/suggest fill the search box's datalist. Without it the page and
// the form work the same, only without suggestions. Loaded with `defer`, so the form is in the DOM.
(() => {
  const input = document.querySelector('form[role="search"] input[list]');
  const list = input && document.getElementById(input.getAttribute('list'));
  if (!list) return;
  let timer;
  let asked = '';

  /** Replaces the datalist's options with the answer for `q`, unless a newer query was asked meanwhile. */
  const show = (q, items) => {
    if (q !== asked) return;
    list.replaceChildren(
      ...items.slice(0, 8).map((s) => {
        const option = document.createElement('option');
        option.value = s.text;
        return option;
      }),
    );
  };

  const suggest = () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 1 || q.length > 50) return;
    timer = setTimeout(() => {
      asked = q;
      fetch(`/api/suggest?q=${encodeURIComponent(q)}`)
        .then((r) => (r.ok ? r.json() : { items: [] }))
        .then((body) => show(q, body.items ?? []))
        .catch(() => show(q, []));
    }, 200);
  };

  input.addEventListener('input', suggest);
  suggest(); // like the SearchBox: the query the page was opened with gets its suggestions too
})();
