// The editor's live preview: posts the Markdown (with the form's antiforgery token) and shows the
// sanitised HTML the public page will show. Without this script the form still saves.
(function () {
  var source = document.querySelector("textarea[data-preview]");
  if (!source) return;
  var target = document.getElementById(source.dataset.preview).querySelector(".body");
  var token = source.form.querySelector("input[name=__RequestVerificationToken]");
  var timer = null;
  function render() {
    var body = new FormData();
    body.append("markdown", source.value);
    if (token) body.append("__RequestVerificationToken", token.value);
    fetch("/admin/preview", { method: "POST", body: body, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) { target.innerHTML = html; })
      .catch(function () { target.textContent = ""; });
  }
  source.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(render, 250);
  });
  render();
})();
