// An import's progress page: asks the job's status address every second and shows where the import stands,
// then its report, without reloading the page. Without this script the page shows the state it was loaded
// with, and a link that loads it again.
(function () {
  var job = document.getElementById("import-job");
  if (!job || job.dataset.ended === "true") return;

  function field(name, value) {
    job.querySelectorAll('[data-field="' + name + '"]').forEach(function (element) { element.textContent = value || ""; });
  }

  // The same shape as the server's: a line, and the indented lines under it as its list.
  function report(lines) {
    var box = job.querySelector("[data-report]");
    box.textContent = "";
    lines.forEach(function (line, i) {
      if (line.indexOf("  ") === 0) return;
      var items = [];
      for (var next = i + 1; next < lines.length && lines[next].indexOf("  ") === 0; next++) items.push(lines[next].trim());
      var head = document.createElement(items.length ? "h2" : "p");
      head.textContent = line;
      box.appendChild(head);
      if (!items.length) return;
      var list = document.createElement("ul");
      items.forEach(function (item) {
        var li = document.createElement("li");
        li.textContent = item;
        list.appendChild(li);
      });
      box.appendChild(list);
    });
  }

  function show(status) {
    ["stateText", "stepText", "counts", "rateText", "finishedAt", "error"].forEach(function (name) { field(name, status[name]); });
    job.querySelector('[data-field="error"]').hidden = !status.error;
    job.className = "import-job import-" + status.state;
    var bar = job.querySelector("progress");
    if (status.total > 0) {
      bar.max = status.total;
      bar.value = Math.min(status.done, status.total);
    } else if (status.ended) {
      bar.max = 1;
      bar.value = 1;
    } else {
      bar.removeAttribute("value");
    }
    if (status.ended) {
      report(status.report);
      job.dataset.ended = "true";
    }
  }

  function poll() {
    fetch(job.dataset.status, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (status) {
        show(status);
        if (!status.ended) setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 5000); });
  }

  setTimeout(poll, 1000);
})();
