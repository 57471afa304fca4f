// Live preview for the lesson editor. Without this file the Preview button does the same on the
// server. The HTML comes from the server, rendered and sanitised exactly as the learner's page;
// the browser never renders Markdown itself.
export function livePreview(form, textarea, preview) {
  const target = form.action.replace(/lesson-save$/, 'lesson-preview');
  const token = form.querySelector('input[name="_csrf"]').value;
  let timer = null;
  let sent = 0;
  let shown = 0;

  async function refresh() {
    const number = ++sent;
    try {
      const response = await fetch(target, {
        method: 'POST',
        headers: { Accept: 'text/html' },
        body: new URLSearchParams({ _csrf: token, markdown: textarea.value }),
        credentials: 'same-origin',
        redirect: 'error',
      });
      if (!response.ok || number < shown) {
        return;
      }
      const html = await response.text();
      shown = number;
      preview.innerHTML = html;
      preview.dataset.updated = String(number);
    } catch (e) {
      // Offline or signed out: the Preview button still works.
    }
  }

  textarea.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  });
}
