#include "dashboard/web_assets.h"

namespace pcn::dashboard {

std::string_view dashboard_js() {
  return R"js("use strict";
// Draws the chart of each <figure class="chart"> from the table it names: labels from column
// data-labels, one series per column of data-series, numbers from the cells' data-value.
(function () {
  if (typeof Chart === "undefined") return;
  var colours = ["#0b4f9c", "#b3261e", "#1b7a3d", "#7a4b00", "#5b2a86", "#006b75",
                 "#8a1c5b", "#3c4a00", "#9c4f0b", "#2a3f86"];
  function cellText(cell) { return cell ? cell.textContent.trim() : ""; }
  document.querySelectorAll("figure.chart").forEach(function (figure) {
    var table = document.getElementById(figure.dataset.table);
    if (!table) return;
    var labelColumn = parseInt(figure.dataset.labels, 10);
    var series = figure.dataset.series.split(",").map(function (s) { return parseInt(s, 10); });
    var heads = table.querySelectorAll("thead th");
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    var labels = rows.map(function (row) { return cellText(row.children[labelColumn]); });
    var datasets = series.map(function (column, i) {
      var colour = colours[i % colours.length];
      return {
        label: cellText(heads[column]),
        data: rows.map(function (row) {
          var cell = row.children[column];
          return cell && cell.dataset.value !== undefined ? parseFloat(cell.dataset.value) : null;
        }),
        backgroundColor: colour,
        borderColor: colour,
        borderWidth: 2,
        spanGaps: true
      };
    });
    var canvas = figure.querySelector("canvas");
    new Chart(canvas, {
      type: figure.dataset.kind,
      data: { labels: labels, datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: datasets.length > 1, labels: { color: "#1a1a1a" } } },
        scales: {
          x: { ticks: { color: "#1a1a1a" } },
          y: { beginAtZero: true, max: figure.dataset.percent ? 100 : undefined,
               ticks: { color: "#1a1a1a" } }
        }
      }
    });
    figure.classList.add("drawn");
  });
})();
)js";
}

std::string_view dashboard_css() {
  return R"css(* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", Verdana, sans-serif; font-size: 100%; color: #1a1a1a;
       background: #ffffff; line-height: 1.45; }
body { margin: 0; }
a { color: #0b4f9c; }
a:focus, button:focus, input:focus, .table-wrap:focus { outline: 3px solid #b3261e;
       outline-offset: 2px; }
.skip { position: absolute; left: -10000px; }
.skip:focus { left: 1rem; top: 1rem; background: #ffffff; padding: .5rem; z-index: 10; }
header { background: #0b3d6e; color: #ffffff; padding: .75rem 1.25rem; display: flex;
         flex-wrap: wrap; justify-content: space-between; align-items: center; gap: .5rem; }
header .site { margin: 0; font-weight: bold; font-size: 1.15rem; }
header form { display: inline; }
header button { background: #ffffff; color: #0b3d6e; border: 0; padding: .35rem .8rem;
                border-radius: 4px; font: inherit; cursor: pointer; }
nav { background: #e8eef5; padding: .5rem 1.25rem; }
nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
nav a[aria-current="page"] { font-weight: bold; color: #1a1a1a; }
main { padding: 1rem 1.25rem 3rem; max-width: 1400px; margin: 0 auto; }
h1 { font-size: 1.6rem; margin: .5rem 0; }
h2 { font-size: 1.2rem; margin: 0 0 .5rem; }
.range { color: #3d3d3d; margin-top: 0; }
.period fieldset { border: 1px solid #6b6b6b; border-radius: 4px; padding: .5rem 1rem;
                   display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
.period input, .period button, form button, form input { font: inherit; padding: .3rem .5rem; }
.period button, main form button { background: #0b4f9c; color: #ffffff; border: 0;
                                   border-radius: 4px; padding: .4rem 1rem; cursor: pointer; }
.quick { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
main { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0 2rem; }
main > h1, main > .range, main > form, main > p { grid-column: 1 / -1; }
.panel { border-top: 2px solid #0b3d6e; padding: .75rem 0 1rem; min-width: 0; }
.chart { position: relative; height: 260px; margin: 0 0 .5rem; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
caption { text-align: left; position: absolute; left: -10000px; }
th, td { border-bottom: 1px solid #c4c4c4; padding: .25rem .5rem; text-align: left;
         vertical-align: top; }
thead th { background: #e8eef5; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.note, .downloads { font-size: .85rem; color: #3d3d3d; }
.error { color: #8c1d18; font-weight: bold; }
body.narrow main { display: block; max-width: 32rem; }
body.follow main { display: block; max-width: 40rem; text-align: center; font-size: 1.4rem; }
body.follow h1 { font-size: 2.4rem; }
body.follow .label strong { font-size: 3.5rem; display: block; }
body.follow .called { color: #1b5e20; }
body.follow .agency, body.follow .updated { color: #3d3d3d; font-size: 1.1rem; }
@media (max-width: 800px) {
  main { display: block; padding: .75rem; }
  .chart { height: 220px; }
  h1 { font-size: 1.35rem; }
}
)css";
}

}  // namespace pcn::dashboard
