/* global document, window, HTMLFormElement */
// newsdesk editors' UI: small progressive enhancements; every screen works without this file.
// 1. A form sends once: a double click on Publish or Capture does not send a second request.
// 2. The capture form says that fetching is under way.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  if (form.dataset.sent === '1') {
    event.preventDefault();
    return;
  }
  form.dataset.sent = '1';
  const busy = form.querySelector('.ed-busy');
  if (busy) busy.hidden = false;
  // Disable after the submitter's value has been captured for this submission.
  setTimeout(() => form.querySelectorAll('button[type="submit"]').forEach((b) => { b.disabled = true; }), 0);
});
// Coming back with the browser's Back button: let the form be used again.
window.addEventListener('pageshow', () => {
  document.querySelectorAll('form[data-sent="1"]').forEach((f) => {
    delete f.dataset.sent;
    f.querySelectorAll('button[type="submit"]').forEach((b) => { b.disabled = false; });
  });
});
