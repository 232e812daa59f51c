// Keeps the header clock current without reloading the page; without this script the page
// still shows the time it was served at. The server writes the same "HH:mm" in the same digits.
(function () {
  var clock = document.querySelector("time[data-clock]");
  if (!clock || !window.Intl) return;
  var lang = document.documentElement.lang || "en";
  var format;
  try {
    format = new Intl.DateTimeFormat(lang + "-u-nu-" + (clock.dataset.numbering || "latn"), {
      hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: clock.dataset.zone
    });
  } catch (e) {
    return; // An unknown zone: keep the server's time.
  }
  function tick() {
    var now = new Date();
    clock.textContent = format.format(now).replace(/[\u200e\u200f\u061c]/g, "");
    clock.setAttribute("datetime", now.toISOString());
    setTimeout(tick, 60000 - (now.getTime() % 60000) + 20);
  }
  tick();
})();
