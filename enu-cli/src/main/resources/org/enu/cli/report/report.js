// enu report: the T-maze animation. Everything it needs is in the page (the script element
// enu-data); it loads nothing.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("enu-data").textContent);
  var NS = "http://www.w3.org/2000/svg";

  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) { e.setAttribute(k, attrs[k]); }
    if (parent) { parent.appendChild(e); }
    return e;
  }

  function setup(player) {
    var run = data.runs[Number(player.getAttribute("data-maze"))];
    var m = run && run.maze;
    if (!m) { return; }
    var svg = player.querySelector("svg.maze");
    var n = m.map.length;
    svg.setAttribute("viewBox", "0 0 " + n + " " + n);
    for (var r = 0; r < n; r++) {
      for (var c = 0; c < n; c++) {
        el("rect", { x: c, y: r, width: 1.02, height: 1.02, fill: m.map[r][c] === "#" ? "#4a4a4a" : "#fff" }, svg);
      }
    }
    var foodColour = m.poison === "green" ? "red" : "green";
    function item(colour) {
      var g = el("g", {}, svg);
      el("circle", { r: 0.28, cx: 0.5, cy: 0.38, fill: colour === "green" ? "#2ca02c" : "#d62728" }, g);
      var t = el("text", { x: 0.5, y: 0.93, "font-size": 0.24, "text-anchor": "middle", fill: "#000" }, g);
      t.textContent = colour === m.poison ? "poison" : "food";
      return g;
    }
    var green = item("green"), red = item("red");
    var ring = el("circle", { r: 0.46, cx: 0.5, cy: 0.5, fill: "none", "stroke-width": 0.1 }, svg);
    var agent = el("g", { "class": "agent" }, svg);
    if (m.layout === "direct") {
      el("circle", { r: 0.33, cx: 0, cy: 0, fill: "#1f4e9c" }, agent);
    } else {
      el("polygon", { points: "0,-0.38 0.27,0.25 -0.27,0.25", fill: "#1f4e9c" }, agent);
    }
    var dead = el("path", { d: "M-0.3,-0.3L0.3,0.3M-0.3,0.3L0.3,-0.3", stroke: "#777", "stroke-width": 0.12 }, svg);

    // the cursor on the neuron chart: the steps of the current action
    var chartSvg = player.querySelector(".maze-chart svg");
    var ch = m.chart, cursor = null;
    if (chartSvg && ch) {
      cursor = el("rect", { y: ch.top, height: ch.bottom - ch.top, width: 1, fill: "rgba(31,78,156,0.25)",
        stroke: "#1f4e9c", "stroke-width": 1, "class": "cursor" }, chartSvg);
    }
    var counter = player.querySelector(".frame-counter");
    var info = player.querySelector(".frame-info");
    var scrub = player.querySelector(".scrub");
    var playBtn = player.querySelector(".play");
    var frames = m.frames, index = 0, timer = null;
    scrub.max = String(frames.length - 1);

    function show(i) {
      index = Math.max(0, Math.min(frames.length - 1, i));
      var f = frames[index];
      function place(g, at) {
        if (at) { g.setAttribute("transform", "translate(" + at[1] + "," + at[0] + ")"); g.style.display = ""; }
        else { g.style.display = "none"; }
      }
      place(green, f.green);
      place(red, f.red);
      if (f.ate) {
        ring.setAttribute("cx", f.ate[1] + 0.5);
        ring.setAttribute("cy", f.ate[0] + 0.5);
        ring.setAttribute("stroke", f.reward > 0 ? "#f0a000" : "#000");
        ring.style.display = "";
      } else {
        ring.style.display = "none";
      }
      var angle = m.layout === "direct" ? 0 : f.heading * 90;
      agent.setAttribute("transform", "translate(" + (f.col + 0.5) + "," + (f.row + 0.5) + ") rotate(" + angle + ")");
      agent.style.display = f.alive ? "" : "none";
      dead.setAttribute("transform", "translate(" + (f.col + 0.5) + "," + (f.row + 0.5) + ")");
      dead.style.display = f.alive ? "none" : "";
      player.setAttribute("data-frame", String(index));
      player.setAttribute("data-agent", f.row + "," + f.col + "," + f.heading);
      counter.textContent = "frame " + index + " / " + (frames.length - 1) +
        (f.action < 0 ? " (start)" : " (action " + (f.action + 1) + ")");
      var lines = [];
      if (f.action >= 0) { lines.push("chose: " + f.chosen + (f.event ? " → " + f.event : "")); }
      lines.push("sensors on: " + (f.sensed || "none") + "; energy " + f.energy);
      lines.push("food eaten " + f.foods + ", poison eaten " + f.poisons + ", swaps " + f.swaps);
      lines.push("food is " + foodColour + ", poison is " + m.poison +
        (m.firstPoison >= 0 && f.action >= m.firstPoison ? " (the first poison has been tasted)" : ""));
      info.textContent = lines.join("\n");
      info.style.whiteSpace = "pre-line";
      scrub.value = String(index);
      if (cursor) {
        var a = Math.max(f.action, 0), spa = m.stepsPerAction;
        var x0 = ch.x0 + (ch.x1 - ch.x0) * (a * spa) / ch.steps;
        var x1 = ch.x0 + (ch.x1 - ch.x0) * ((a + 1) * spa) / ch.steps;
        cursor.setAttribute("x", x0);
        cursor.setAttribute("width", Math.max(1, x1 - x0));
      }
    }

    function stop() {
      if (timer !== null) { clearInterval(timer); timer = null; }
      playBtn.textContent = "▶ play";
    }
    function play() {
      if (index >= frames.length - 1) { show(0); }
      playBtn.textContent = "❚❚ pause";
      timer = setInterval(function () {
        if (index >= frames.length - 1) { stop(); return; }
        show(index + 1);
      }, 280);
    }
    playBtn.addEventListener("click", function () { if (timer === null) { play(); } else { stop(); } });
    player.querySelector(".next").addEventListener("click", function () { stop(); show(index + 1); });
    player.querySelector(".prev").addEventListener("click", function () { stop(); show(index - 1); });
    scrub.addEventListener("input", function () { stop(); show(Number(scrub.value)); });
    show(0);
  }

  var players = document.querySelectorAll("[data-maze]");
  for (var i = 0; i < players.length; i++) { setup(players[i]); }
})();
