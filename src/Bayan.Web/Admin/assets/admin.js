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

// Moderation: the bulk buttons say how many comments are ticked and stay off while none is, so a
// click never acts on nothing. Without this script the server refuses an empty bulk action itself.
(function () {
  var bulk = document.querySelector("[data-bulk]");
  if (!bulk) return;
  var form = bulk.form;
  var output = bulk.querySelector("[data-ticked]");
  function update() {
    var ticked = form.querySelectorAll("input[name=ids]:checked").length;
    output.textContent = ticked;
    bulk.querySelectorAll("button").forEach(function (button) { button.disabled = ticked === 0; });
  }
  form.addEventListener("change", update);
  update();
})();
