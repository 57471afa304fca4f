// The compliance trend as a line chart, drawn from the accessible table that follows it (which stays
// on the page: the chart repeats the table's figures, it does not replace them). Chart.js comes from
// its WebJar, served at /vendor.

/** Reads the table: series names from the header, one label and one value per row. */
export function readTable(table) {
  const names = Array.from(table.tHead.rows[0].cells).slice(1).map((cell) => cell.textContent.trim());
  const labels = [];
  const values = names.map(() => []);
  for (const row of table.tBodies[0].rows) {
    labels.push(row.cells[0].textContent.trim());
    Array.from(row.cells).slice(1).forEach((cell, i) => {
      const number = parseFloat(cell.textContent);
      values[i].push(Number.isNaN(number) ? null : number);
    });
  }
  return { labels, datasets: names.map((label, i) => ({ label, data: values[i], spanGaps: true })) };
}

export function drawTrend(container, table) {
  import('../vendor/chart.umd.min.js').then(() => {
    const Chart = globalThis.Chart;
    if (!Chart) {
      return; // the table is still there
    }
    container.hidden = false;
    const colours = ['#1d70b8', '#00703c', '#d4351c', '#f47738', '#4c2c92', '#505a5f'];
    const data = readTable(table);
    data.datasets.forEach((dataset, i) => {
      dataset.borderColor = colours[i % colours.length];
      dataset.backgroundColor = colours[i % colours.length];
      dataset.borderWidth = 3;
    });
    new Chart(container.querySelector('canvas'), {
      type: 'line',
      data,
      options: {
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { min: 0, max: 100, title: { display: true, text: 'Per cent compliant' } } },
        plugins: { legend: { position: 'bottom' } },
      },
    });
    container.dataset.drawn = 'true';
  });
}
