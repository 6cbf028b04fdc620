// Follows a desktop's progress and opens it once ready. Polls the JSON twin of this page once a
// second; the connect URL comes from the server, never from the address bar.
(function () {
  var main = document.querySelector("main.desktop-status");
  if (!main) {
    return;
  }
  var statusUrl = main.getAttribute("data-status-url");
  var state = document.getElementById("desktop-state");
  var message = document.getElementById("desktop-message");
  var connect = document.getElementById("connect");
  var order = ["requested", "provisioning", "ready"];

  function show(desktop) {
    state.textContent = desktop.state;
    state.setAttribute("data-state", desktop.state);
    message.textContent = desktop.message || "";
    order.forEach(function (step, i) {
      var item = document.getElementById("step-" + step);
      if (item) {
        item.className = i <= order.indexOf(desktop.state) ? "done" : "";
      }
    });
  }

  function poll() {
    fetch(statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) {
        if (!r.ok) {
          throw new Error("status " + r.status);
        }
        return r.json();
      })
      .then(function (desktop) {
        show(desktop);
        if (desktop.ready && desktop.connectUrl) {
          connect.hidden = false;
          window.location.assign(desktop.connectUrl);
          return;
        }
        if (desktop.state !== "failed" && desktop.state !== "terminating") {
          setTimeout(poll, 1000);
        }
      })
      .catch(function () {
        message.textContent = "Lost contact with the portal; retrying.";
        setTimeout(poll, 3000);
      });
  }

  show({ state: state.getAttribute("data-state"), message: message.textContent });
  if (state.getAttribute("data-state") === "ready") {
    window.location.assign(connect.getAttribute("href"));
  } else {
    poll();
  }
})();
