// Release pages are kept in a cache shared by every reader, so their comment form comes without
// the reader's own antiforgery token. This fetches one (with its cookie) when the reader starts
// writing, and at the latest when they send. Without this script the first sending comes back
// with the text kept, a token, and a request to send again; nothing is lost or saved twice.
(function () {
  var form = document.querySelector("form.comment-form[data-token-url]");
  if (!form || !window.fetch) return;
  var field = form.querySelector("input[name=__RequestVerificationToken]");
  if (!field) return;
  var pending = null;

  function fetchToken() {
    if (field.value) return Promise.resolve();
    if (!pending) {
      pending = fetch(form.getAttribute("data-token-url"), { credentials: "same-origin", cache: "no-store" })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.text();
        })
        .then(function (token) { field.value = token; })
        .catch(function () { pending = null; });
    }
    return pending;
  }

  form.addEventListener("focusin", fetchToken);
  form.addEventListener("submit", function (event) {
    if (field.value) return;
    event.preventDefault();
    // submit() skips this handler and the browser's checks, which have just passed.
    fetchToken().then(function () { form.submit(); });
  });
})();
