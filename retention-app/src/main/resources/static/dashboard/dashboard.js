// The retention dashboard: every view reads the public API with the key the user entered (kept in session storage,
// never in a URL) and draws its charts with ECharts. Numbers shown carry their exact API value in data-value.
(() => {
  'use strict';

  const KEY = 'retention.apiKey';
  const SELECTORS = 'retention.selectors';
  const main = document.getElementById('view');
  const charts = [];
  let renderCount = 0;

  // ---- the API ----

  class Problem extends Error {
    constructor(status, title, detail, errors) {
      super(title);
      this.status = status;
      this.title = title;
      this.detail = detail;
      this.errors = errors || [];
    }
  }

  function apiKey() {
    return sessionStorage.getItem(KEY);
  }

  async function api(path, params = {}) {
    const url = new URL(path, window.location.origin);
    Object.entries(params).forEach(([name, value]) => {
      if (value !== null && value !== undefined && value !== '') {
        url.searchParams.set(name, value);
      }
    });
    let response;
    try {
      response = await fetch(url, {headers: {Authorization: 'Bearer ' + apiKey(), Accept: 'application/json'}});
    } catch (failure) {
      throw new Problem(0, 'The service cannot be reached', String(failure.message || failure));
    }
    if (!response.ok) {
      let body = {};
      try {
        body = await response.json();
      } catch (notJson) {
        body = {};
      }
      throw new Problem(response.status, body.title || response.statusText || 'HTTP ' + response.status,
          body.detail || '', body.errors);
    }
    return response.json();
  }

  /** Like api(), with null for 404: a customer without a prediction, score or account. */
  async function optional(path, params) {
    try {
      return await api(path, params);
    } catch (problem) {
      if (problem.status === 404) {
        return null;
      }
      throw problem;
    }
  }

  // ---- selectors ----

  function firstOfMonth(date) {
    return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
  }

  function isoDate(date) {
    return date.toISOString().slice(0, 10);
  }

  /** The start of the UTC day a year before today: the customer page shows the events since. */
  function yearAgo() {
    return isoDate(new Date(Date.now() - 365 * 86400000)) + 'T00:00:00Z';
  }

  function defaultSelectors() {
    const next = firstOfMonth(new Date());
    next.setUTCMonth(next.getUTCMonth() + 1);
    const from = new Date(next);
    from.setUTCMonth(from.getUTCMonth() - 13);
    return {from: isoDate(from), to: isoDate(next), granularity: 'MONTH', churnModel: 'CONTRACTUAL', zone: 'UTC'};
  }

  function selectors() {
    const stored = sessionStorage.getItem(SELECTORS);
    return stored ? JSON.parse(stored) : defaultSelectors();
  }

  function showSelectors() {
    const current = selectors();
    for (const name of ['from', 'to', 'granularity', 'churnModel', 'zone']) {
      document.getElementById(name).value = current[name];
    }
  }

  function readSelectors() {
    const current = {};
    for (const name of ['from', 'to', 'granularity', 'churnModel', 'zone']) {
      current[name] = document.getElementById(name).value.trim();
    }
    sessionStorage.setItem(SELECTORS, JSON.stringify(current));
  }

  /** The parameters every period report takes from the selectors. */
  function periodParams(extra = {}) {
    const current = selectors();
    return Object.assign({
      from: current.from, to: current.to, granularity: current.granularity, zone: current.zone,
    }, extra);
  }

  function retentionParams(extra = {}) {
    const current = selectors();
    return periodParams(Object.assign({
      churnModel: current.churnModel,
      inactivityDays: current.churnModel === 'INACTIVITY' ? 90 : null,
    }, extra));
  }

  // ---- formatting and elements ----

  const counts = new Intl.NumberFormat('en', {maximumFractionDigits: 0});
  const amounts = new Intl.NumberFormat('en', {minimumFractionDigits: 2, maximumFractionDigits: 2});
  const format = {
    count: value => counts.format(value),
    money: value => amounts.format(value),
    percent: value => amounts.format(value) + ' %',
    probability: value => amounts.format(value * 100) + ' %',
    days: value => counts.format(value) + ' days',
    text: value => String(value),
  };

  function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes).forEach(([name, value]) => {
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (name === 'onclick') {
        node.addEventListener('click', value);
      } else {
        node.setAttribute(name, value === true ? '' : value);
      }
    });
    children.flat().forEach(child => {
      if (child !== null && child !== undefined) {
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
      }
    });
    return node;
  }

  /** A number as shown, with its exact API value in data-value (absent values show a dash). */
  function number(value, kind, test) {
    if (value === null || value === undefined) {
      return element('span', {'data-test': test, 'data-value': '', title: 'not defined for this period'}, '–');
    }
    return element('span', {'data-test': test, 'data-value': String(value)}, format[kind](value));
  }

  function loading() {
    return element('div', {class: 'loading', 'data-test': 'loading'}, 'Loading…');
  }

  function empty(text) {
    return element('div', {class: 'empty', 'data-test': 'empty'}, text);
  }

  function problemBox(problem) {
    const details = [problem.detail].concat((problem.errors || []).map(e => e.field + ': ' + e.message))
        .filter(Boolean).join(' ');
    return element('div', {class: 'problem', role: 'alert', 'data-test': 'problem'},
        element('strong', {}, problem.title || 'Something went wrong'), details);
  }

  function card(title, ...children) {
    return element('section', {class: 'card'}, title ? element('h3', {}, title) : null, ...children);
  }

  function table(columns, rows, onRow) {
    const head = element('tr', {}, columns.map(c => element('th', {class: c.kind && c.kind !== 'text' ? 'number' : null},
        c.title)));
    const body = rows.map(row => element('tr', {
      class: onRow ? 'clickable' : null,
      'data-test': 'row',
      onclick: onRow ? () => onRow(row) : null,
    }, columns.map(c => element('td', {class: c.kind && c.kind !== 'text' ? 'number' : null},
        c.kind ? number(c.value(row), c.kind, c.test) : c.value(row)))));
    return element('div', {class: 'table-scroll'}, element('table', {}, element('thead', {}, head),
        element('tbody', {}, body)));
  }

  // ---- charts ----

  function chart(container, option) {
    const instance = echarts.init(container, null, {renderer: 'canvas'});
    instance.setOption(Object.assign({animation: false}, option));
    charts.push(instance);
    return instance;
  }

  function chartBox(test, tall) {
    return element('div', {class: tall ? 'chart tall' : 'chart', 'data-chart': test});
  }

  function disposeCharts() {
    while (charts.length) {
      charts.pop().dispose();
    }
  }

  window.addEventListener('resize', () => charts.forEach(instance => instance.resize()));

  function lineOption(categories, series, percent) {
    return {
      tooltip: {trigger: 'axis'},
      legend: {top: 0},
      grid: {left: 60, right: 20, top: 40, bottom: 40},
      xAxis: {type: 'category', data: categories},
      yAxis: {type: 'value', axisLabel: {formatter: percent ? '{value} %' : '{value}'}, scale: true},
      series: series.map(s => Object.assign({type: 'line', connectNulls: false, showSymbol: true}, s)),
    };
  }

  // ---- views ----

  const TILES = [
    {test: 'customers', title: 'Customers', value: p => p.endCustomers, kind: 'count', relative: true},
    {test: 'crr', title: 'Customer retention rate', value: p => p.crr, kind: 'percent'},
    {test: 'churnRate', title: 'Churn rate', value: p => p.churnRate, kind: 'percent', lowerIsBetter: true},
    {test: 'revenue', title: 'Revenue', value: p => p.revenue, kind: 'money', relative: true},
    {test: 'clv', title: 'Customer lifetime value', value: p => p.clv, kind: 'money', relative: true},
  ];

  function change(tile, latest, previous) {
    const now = tile.value(latest);
    const before = previous ? tile.value(previous) : null;
    if (now === null || now === undefined || before === null || before === undefined) {
      return element('div', {class: 'change flat', 'data-test': 'change-' + tile.test}, 'no comparison');
    }
    const difference = now - before;
    const better = tile.lowerIsBetter ? difference < 0 : difference > 0;
    const direction = difference === 0 ? 'flat' : better ? 'up' : 'down';
    const text = tile.relative
        ? (before === 0 ? 'new' : (difference >= 0 ? '+' : '') + amounts.format(difference / before * 100) + ' %')
        : (difference >= 0 ? '+' : '') + amounts.format(difference) + ' points';
    return element('div', {class: 'change ' + direction, 'data-test': 'change-' + tile.test},
        text + ' against the period before');
  }

  async function overview(view) {
    const report = await api('/api/v1/metrics/retention', retentionParams());
    const periods = report.periods;
    if (!periods.length) {
      view.replaceChildren(empty('No period in this range.'));
      return;
    }
    const complete = periods.filter(p => p.complete);
    const latest = complete.length ? complete[complete.length - 1] : periods[periods.length - 1];
    const previous = complete.length > 1 ? complete[complete.length - 2] : null;
    const tiles = TILES.map(tile => {
      const spark = element('div', {class: 'spark', 'data-chart': 'spark-' + tile.test});
      const box = element('div', {class: 'tile', 'data-test': 'tile-' + tile.test},
          element('div', {class: 'label'}, tile.title),
          element('div', {class: 'value'}, number(tile.value(latest), tile.kind, 'value-' + tile.test)),
          change(tile, latest, previous), spark);
      return {tile, box, spark};
    });
    view.replaceChildren(
        element('h2', {}, 'Overview'),
        element('p', {class: 'muted', 'data-test': 'period'}, 'The latest complete period, ', latest.startDate,
            ' to ', latest.endDate, ' (', report.granularity.toLowerCase(), ', ', report.zone, ', ',
            report.churnModel.toLowerCase(), ' churn), against the period before.'),
        element('div', {class: 'tiles'}, tiles.map(t => t.box)));
    tiles.forEach(({tile, spark}) => chart(spark, {
      grid: {left: 2, right: 2, top: 4, bottom: 4},
      xAxis: {type: 'category', show: false, data: periods.map(p => p.startDate)},
      yAxis: {type: 'value', show: false, scale: true},
      tooltip: {trigger: 'axis'},
      series: [{type: 'line', data: periods.map(p => tile.value(p) ?? null), showSymbol: false, areaStyle: {opacity: .15}}],
    }));
  }

  async function retention(view) {
    const report = await api('/api/v1/metrics/retention', retentionParams());
    const periods = report.periods;
    const bySegment = element('input', {type: 'checkbox', id: 'by-segment', 'data-test': 'by-segment'});
    const rates = chartBox('retention-rates', true);
    const segments = element('div', {'data-test': 'segment-area'});
    view.replaceChildren(
        element('h2', {}, 'Retention over time'),
        card(null, rates, element('label', {}, bySegment, ' Show the retention rate of each segment')),
        segments,
        card('Periods', table([
          {title: 'Period', value: p => p.startDate},
          {title: 'Start (S)', value: p => p.startCustomers, kind: 'count', test: 'start'},
          {title: 'End (E)', value: p => p.endCustomers, kind: 'count', test: 'end'},
          {title: 'New (N)', value: p => p.newCustomers, kind: 'count', test: 'new'},
          {title: 'Churned', value: p => p.churned, kind: 'count', test: 'churned'},
          {title: 'Reactivated', value: p => p.reactivated, kind: 'count', test: 'reactivated'},
          {title: 'CRR', value: p => p.crr, kind: 'percent', test: 'crr'},
          {title: 'Churn rate', value: p => p.churnRate, kind: 'percent', test: 'churnRate'},
        ], periods)));
    chart(rates, lineOption(periods.map(p => p.startDate), [
      {name: 'Customer retention rate', data: periods.map(p => p.crr ?? null)},
      {name: 'Churn rate', data: periods.map(p => p.churnRate ?? null)},
      {name: 'Strict retention', data: periods.map(p => p.strictRetentionRate ?? null)},
    ], true));
    bySegment.addEventListener('change', async () => {
      if (!bySegment.checked) {
        segments.replaceChildren();
        return;
      }
      segments.replaceChildren(loading());
      try {
        const split = await api('/api/v1/metrics/retention/segments', retentionParams());
        const box = chartBox('segment-rates', true);
        segments.replaceChildren(card('Retention rate by segment', box));
        chart(box, lineOption(periods.map(p => p.startDate), split.segments.map(s => ({
          name: s.segment === null || s.segment === undefined ? 'no segment' : s.segment,
          data: s.periods.map(p => p.crr ?? null),
        })), true));
      } catch (problem) {
        segments.replaceChildren(problemBox(problem));
      }
    });
  }

  async function cohorts(view) {
    const data = await api('/api/v1/metrics/cohorts', retentionParams({maxOffset: 12}));
    if (!data.cohorts.length) {
      view.replaceChildren(element('h2', {}, 'Cohorts'), empty('No customer was acquired in this range.'));
      return;
    }
    const offsets = Math.max(...data.cohorts.map(c => c.offsets.length));
    const heat = chartBox('cohort-heatmap', true);
    const ltv = chartBox('ltv-curves', true);
    view.replaceChildren(element('h2', {}, 'Cohorts'),
        card('Retention by acquisition cohort and periods since acquisition', heat),
        card('Cumulative revenue per customer (LTV curves)', ltv));
    const cells = [];
    data.cohorts.forEach((cohort, row) => cohort.offsets.forEach(cell => {
      cells.push([cell.offset, row, cell.retentionRate ?? null]);
    }));
    chart(heat, {
      tooltip: {position: 'top', formatter: p => data.cohorts[p.value[1]].periodStart + ', +' + p.value[0] + ': '
            + (p.value[2] === null ? '–' : amounts.format(p.value[2]) + ' %')},
      grid: {left: 100, right: 20, top: 20, bottom: 70},
      xAxis: {type: 'category', data: Array.from({length: offsets}, (_, i) => '+' + i), splitArea: {show: true}},
      yAxis: {type: 'category', data: data.cohorts.map(c => c.periodStart + ' (' + c.size + ')'), inverse: true},
      visualMap: {min: 0, max: 100, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
        inRange: {color: ['#f3f6fb', '#9ec5f5', '#2f6fdb', '#173f8a']}},
      series: [{type: 'heatmap', data: cells, label: {show: offsets <= 13, formatter: p => p.value[2] === null ? ''
            : Math.round(p.value[2])}}],
    });
    chart(ltv, lineOption(Array.from({length: offsets}, (_, i) => '+' + i), data.cohorts.map(c => ({
      name: c.periodStart, data: c.offsets.map(o => o.cumulativeRevenuePerCustomer ?? null),
    })), false));
  }

  async function revenue(view) {
    const data = await api('/api/v1/metrics/revenue', periodParams());
    const periods = data.periods;
    if (!periods.length) {
      view.replaceChildren(element('h2', {}, 'Revenue retention'), empty('No period in this range.'));
      return;
    }
    // The waterfall shows the latest finished period that has a period to compare with (a running one would show
    // most of the compared revenue as churned only because the period is not over).
    const today = isoDate(new Date());
    const withMovements = periods.filter(p => p.movements);
    const finished = withMovements.filter(p => p.endDate <= today);
    const latest = finished.length ? finished[finished.length - 1] : withMovements[withMovements.length - 1];
    const lines = chartBox('nrr-grr', false);
    const waterfall = chartBox('revenue-waterfall', false);
    view.replaceChildren(element('h2', {}, 'Revenue retention'),
        element('div', {class: 'columns'}, card('Net and gross revenue retention', lines),
            card('Revenue movements, ' + (latest ? latest.startDate : ''), latest ? waterfall
                : empty('No movements: the periods have nothing to compare with.'))),
        card('Periods', table([
          {title: 'Period', value: p => p.startDate},
          {title: 'Revenue', value: p => p.revenue, kind: 'money', test: 'revenue'},
          {title: 'NRR', value: p => p.nrr, kind: 'percent', test: 'nrr'},
          {title: 'GRR', value: p => p.grr, kind: 'percent', test: 'grr'},
          {title: 'Quick ratio', value: p => p.quickRatio, kind: 'money', test: 'quickRatio'},
        ], periods)));
    chart(lines, lineOption(periods.map(p => p.startDate), [
      {name: 'NRR', data: periods.map(p => p.nrr ?? null)},
      {name: 'GRR', data: periods.map(p => p.grr ?? null)},
    ], true));
    if (latest) {
      const m = latest.movements;
      const steps = [
        ['New', m.newRevenue.amount], ['Expansion', m.expansion.amount], ['Reactivated', m.reactivated.amount],
        ['Contraction', -m.contraction.amount], ['Churned', -m.churned.amount],
      ];
      const names = ['Compared period'].concat(steps.map(s => s[0]), ['This period']);
      const base = [0];
      const up = [latest.comparedPositiveRevenue];
      const down = [0];
      let level = latest.comparedPositiveRevenue;
      steps.forEach(([, amount]) => {
        base.push(amount >= 0 ? level : level + amount);
        up.push(amount >= 0 ? amount : 0);
        down.push(amount < 0 ? -amount : 0);
        level += amount;
      });
      base.push(0);
      up.push(latest.positiveRevenue);
      down.push(0);
      chart(waterfall, {
        tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
        grid: {left: 80, right: 20, top: 20, bottom: 40},
        xAxis: {type: 'category', data: names, axisLabel: {interval: 0, rotate: 20}},
        yAxis: {type: 'value'},
        series: [
          {type: 'bar', stack: 'w', data: base, itemStyle: {color: 'transparent'}, tooltip: {show: false}},
          {name: 'Increase', type: 'bar', stack: 'w', data: up, itemStyle: {color: '#1a8a4a'}},
          {name: 'Decrease', type: 'bar', stack: 'w', data: down, itemStyle: {color: '#c23b22'}},
        ],
      });
    }
  }

  const SEGMENT_COLOURS = {
    CHAMPIONS: '#1a8a4a', LOYAL_CUSTOMERS: '#4caf50', POTENTIAL_LOYALISTS: '#8bc34a', NEW_CUSTOMERS: '#2f6fdb',
    PROMISING: '#64b5f6', NEED_ATTENTION: '#ffb300', ABOUT_TO_SLEEP: '#ffa726', AT_RISK: '#ef6c00',
    CANT_LOSE_THEM: '#c23b22', HIBERNATING: '#8d6e63', LOST: '#757575',
  };

  async function segments(view, selected) {
    const data = await api('/api/v1/segments/rfm', {windowDays: 365});
    if (!data.customers) {
      view.replaceChildren(element('h2', {}, 'RFM segments'), empty('Nobody bought in the last 365 days.'));
      return;
    }
    const names = Object.fromEntries(data.segments.map(s => [s.segment, s.name]));
    const grid = chartBox('rfm-grid', true);
    const members = element('div', {'data-test': 'members'});
    view.replaceChildren(element('h2', {}, 'RFM segments (purchases of the last 365 days)'),
        element('div', {class: 'columns'},
            card('Recency × frequency: customers per cell (click a cell for its segment\'s customers)', grid),
            card('Segments', table([
              {title: 'Segment', value: s => s.name},
              {title: 'Customers', value: s => s.customers, kind: 'count', test: 'customers'},
              {title: 'Share', value: s => s.customerShare, kind: 'percent', test: 'customerShare'},
              {title: 'Revenue', value: s => s.revenue, kind: 'money', test: 'revenue'},
              {title: 'Revenue share', value: s => s.revenueShare, kind: 'percent', test: 'revenueShare'},
            ], data.segments, s => showMembers(s.segment)))),
        members);
    chart(grid, {
      tooltip: {formatter: p => names[p.data.segment] + '<br>R ' + p.data.value[1] + ', F ' + p.data.value[0] + ': '
            + counts.format(p.data.value[2]) + ' customers, ' + amounts.format(p.data.revenueShare ?? 0)
            + ' % of revenue'},
      grid: {left: 60, right: 20, top: 20, bottom: 50},
      xAxis: {type: 'category', name: 'Frequency score', nameLocation: 'middle', nameGap: 30, data: ['1', '2', '3', '4', '5']},
      yAxis: {type: 'category', name: 'Recency score', nameLocation: 'middle', nameGap: 40, data: ['1', '2', '3', '4', '5']},
      series: [{
        type: 'heatmap',
        data: data.cells.map(cell => ({
          value: [cell.frequencyScore - 1, cell.recencyScore - 1, cell.customers],
          segment: cell.segment,
          revenueShare: cell.revenueShare,
          itemStyle: {color: SEGMENT_COLOURS[cell.segment], borderColor: '#fff', borderWidth: 2},
        })),
        label: {show: true, color: '#fff', fontSize: 11, lineHeight: 16,
          formatter: p => names[p.data.segment] + '\n' + counts.format(p.data.value[2])},
      }],
    }).on('click', p => showMembers(p.data.segment));

    async function showMembers(segment) {
      members.replaceChildren(loading());
      try {
        const page = await api('/api/v1/segments/rfm/' + segment + '/customers', {windowDays: 365, size: 20});
        members.replaceChildren(card(names[segment] + ': ' + counts.format(page.totalItems) + ' customers',
            page.items.length ? table([
              {title: 'Customer', value: s => element('a', {href: '#customer/' + s.customerId}, s.customerId)},
              {title: 'Last purchase', value: s => s.lastPurchaseAt.slice(0, 10)},
              {title: 'Purchases', value: s => s.frequency, kind: 'count', test: 'frequency'},
              {title: 'Net amount', value: s => s.monetary, kind: 'money', test: 'monetary'},
              {title: 'R F M', value: s => s.recencyScore + ' ' + s.frequencyScore + ' ' + s.monetaryScore},
            ], page.items) : empty('No customer in this segment.')));
        members.setAttribute('data-segment', segment);
      } catch (problem) {
        members.replaceChildren(problemBox(problem));
      }
    }
    if (selected) {
      await showMembers(selected);
    }
  }

  async function atRisk(view) {
    const list = await api('/api/v1/customers/at-risk', {limit: 50});
    view.replaceChildren(element('h2', {}, 'Customers at risk'),
        element('p', {class: 'muted'}, 'Active customers silent for longer than their own rhythm, highest value at '
            + 'risk first. Click a customer for its history.'),
        list.length ? card(null, table([
          {title: 'Customer', value: c => c.externalId},
          {title: 'Segment', value: c => c.segment || ''},
          {title: 'Silent for', value: c => c.daysSinceLastPurchase, kind: 'days', test: 'silent'},
          {title: 'Value at risk', value: c => c.valueAtRisk, kind: 'money', test: 'valueAtRisk'},
          {title: 'P(alive)', value: c => c.probabilityAlive, kind: 'probability', test: 'probabilityAlive'},
          {title: 'Why', value: c => c.reason},
        ], list, c => { window.location.hash = 'customer/' + c.customerId; }))
            : empty('Nobody is at risk right now.'));
  }

  async function customer(view, id) {
    const [profile, events, prediction, rfm, account] = await Promise.all([
      api('/api/v1/customers/' + id),
      api('/api/v1/customers/' + id + '/events', {from: yearAgo(), size: 500}),
      optional('/api/v1/customers/' + id + '/prediction'),
      optional('/api/v1/customers/' + id + '/rfm', {windowDays: 365}),
      optional('/api/v1/loyalty/accounts/' + id),
    ]);
    const timeline = chartBox('timeline', false);
    const facts = (pairs) => element('dl', {class: 'facts'}, pairs.flatMap(([label, value]) => [
      element('dt', {}, label), element('dd', {}, value)]));
    view.replaceChildren(
        element('h2', {'data-test': 'customer-name'}, profile.name || profile.externalId),
        element('p', {class: 'muted'}, 'CRM id ', profile.externalId, profile.segment ? ', segment ' + profile.segment : ''),
        card('Events of the last 365 days', events.items.length ? timeline : empty('No events in the last year.')),
        element('div', {class: 'columns'},
            card('Prediction', prediction ? facts([
              ['P(alive)', number(prediction.probabilityAlive, 'probability', 'pAlive')],
              ['Purchases in 90 days', number(prediction.expectedPurchases90Days, 'money', 'expected90')],
              ['Lifetime value', number(prediction.lifetimeValue, 'money', 'lifetimeValue')],
            ]) : empty('No model has scored this customer yet.')),
            card('RFM', rfm ? facts([
              ['Segment', rfm.segmentName],
              ['Scores R F M', rfm.recencyScore + ' ' + rfm.frequencyScore + ' ' + rfm.monetaryScore],
              ['Purchases', number(rfm.frequency, 'count', 'rfmFrequency')],
              ['Net amount', number(rfm.monetary, 'money', 'rfmMonetary')],
            ]) : empty('No purchase in the last 365 days.')),
            card('Loyalty', account ? facts([
              ['Tier', account.tier],
              ['Balance', number(account.balance, 'count', 'balance')],
              ['Expiring in 30 days', number(account.pointsExpiringIn30Days, 'count', 'expiring')],
            ]) : empty('Not a member of the loyalty programme.'))));
    if (events.items.length) {
      const types = [...new Set(events.items.map(e => e.type))];
      chart(timeline, {
        tooltip: {formatter: p => p.data.value[0] + '<br>' + p.data.type
              + (p.data.amount !== undefined ? ': ' + amounts.format(p.data.amount) : '')},
        grid: {left: 130, right: 20, top: 20, bottom: 40},
        xAxis: {type: 'time'},
        yAxis: {type: 'category', data: types},
        series: [{type: 'scatter', symbolSize: 10, data: events.items.map(e => ({
          value: [e.occurredAt, e.type], type: e.type, amount: e.amount,
        }))}],
      });
    }
  }

  const FIGURES = [
    {key: 'retention', title: 'Retention (share active at the end)', scale: 100, unit: ' points'},
    {key: 'churn', title: 'Churn (lower is better)', scale: 100, unit: ' points'},
    {key: 'revenuePerCustomer', title: 'Revenue per customer', scale: 1, unit: ''},
  ];

  function verdictClass(verdict) {
    return verdict === 'significant positive' ? 'verdict positive'
        : verdict === 'significant negative' ? 'verdict negative' : 'verdict';
  }

  function upliftChart(box, effect) {
    const windows = [['During', effect.during], ['After', effect.after]].filter(([, w]) => w);
    const grids = FIGURES.map((_, i) => ({left: (4 + i * 33) + '%', width: '25%', top: 50, bottom: 40}));
    const series = [];
    FIGURES.forEach((figure, i) => {
      const points = windows.map(([name, w]) => {
        const f = w[figure.key];
        return f && f.uplift !== null && f.uplift !== undefined
            ? [name, f.uplift * figure.scale, f.lower * figure.scale, f.upper * figure.scale] : [name, null, null, null];
      });
      series.push({type: 'custom', xAxisIndex: i, yAxisIndex: i, name: 'interval',
        data: points.filter(p => p[1] !== null).map(p => [p[0], p[2], p[3]]),
        renderItem: (params, api) => {
          const low = api.coord([api.value(0), api.value(1)]);
          const high = api.coord([api.value(0), api.value(2)]);
          const style = {stroke: '#1d2433', lineWidth: 2};
          return {type: 'group', children: [
            {type: 'line', shape: {x1: low[0], y1: low[1], x2: high[0], y2: high[1]}, style},
            {type: 'line', shape: {x1: low[0] - 8, y1: low[1], x2: low[0] + 8, y2: low[1]}, style},
            {type: 'line', shape: {x1: high[0] - 8, y1: high[1], x2: high[0] + 8, y2: high[1]}, style},
          ]};
        }});
      series.push({type: 'scatter', xAxisIndex: i, yAxisIndex: i, name: 'uplift', symbolSize: 12,
        data: points.filter(p => p[1] !== null).map(p => [p[0], p[1]]),
        markLine: {silent: true, symbol: 'none', data: [{yAxis: 0}], lineStyle: {type: 'dashed'}}});
    });
    chart(box, {
      title: FIGURES.map((figure, i) => ({text: figure.title, left: (4 + i * 33) + '%', textStyle: {fontSize: 12}})),
      tooltip: {trigger: 'item'},
      grid: grids,
      xAxis: FIGURES.map((_, i) => ({type: 'category', gridIndex: i, data: windows.map(([name]) => name)})),
      yAxis: FIGURES.map((_, i) => ({type: 'value', gridIndex: i, scale: true})),
      series,
    });
  }

  async function strategies(view) {
    const list = await api('/api/v1/strategies', {size: 20});
    if (!list.items.length) {
      view.replaceChildren(element('h2', {}, 'Strategies'), empty('No strategy yet.'));
      return;
    }
    const effects = await Promise.all(list.items.map(s => s.activatedAt
        ? api('/api/v1/strategies/' + s.id + '/effect') : Promise.resolve(null)));
    view.replaceChildren(element('h2', {}, 'Strategies'));
    list.items.forEach((strategy, index) => {
      const effect = effects[index];
      const header = element('p', {class: 'muted'}, strategy.type, ', ', strategy.channel, ', ',
          strategy.startsAt.slice(0, 10), ' to ', strategy.endsAt.slice(0, 10), ', ', strategy.status.toLowerCase(),
          ', holdout ', strategy.holdoutPercent, ' %');
      const body = [header];
      if (!effect) {
        body.push(empty('Not activated yet: nobody is assigned.'));
      } else if (!effect.during) {
        body.push(empty('The window has not started yet.'));
      } else {
        const window = effect.after || effect.during;
        body.push(element('p', {'data-test': 'groups'}, 'Treatment ',
            number(window.treatmentCustomers, 'count', 'treatment'), ' customers, holdout ',
            number(window.holdoutCustomers, 'count', 'holdout'), ' customers.'));
        body.push(element('ul', {}, FIGURES.map(figure => {
          const f = window[figure.key];
          return element('li', {'data-test': 'figure-' + figure.key}, figure.title, ': uplift ',
              f.uplift === null || f.uplift === undefined ? '–' : amounts.format(f.uplift * figure.scale) + figure.unit,
              f.lower === null || f.lower === undefined ? '' : ' (95% interval ' + amounts.format(f.lower * figure.scale)
                  + ' to ' + amounts.format(f.upper * figure.scale) + ')', ' ',
              element('span', {class: verdictClass(f.verdict), 'data-test': 'verdict'}, f.verdict || 'too few customers'));
        })));
        const box = chartBox('uplift-' + strategy.id, false);
        body.push(box);
        view.append(card(strategy.name, ...body));
        upliftChart(box, effect);
        return;
      }
      view.append(card(strategy.name, ...body));
    });
  }

  async function loyalty(view) {
    const [summary, members, others] = await Promise.all([
      api('/api/v1/loyalty/summary', periodParams()),
      api('/api/v1/metrics/retention', retentionParams({loyalty: 'MEMBER'})),
      api('/api/v1/metrics/retention', retentionParams({loyalty: 'NON_MEMBER'})),
    ]);
    const compare = chartBox('member-retention', false);
    const tiers = chartBox('tiers', false);
    const points = chartBox('points', false);
    view.replaceChildren(element('h2', {}, 'Loyalty programme'),
        element('p', {}, number(summary.members, 'count', 'members'), ' members.'),
        card('Retention of members and of everyone else', compare),
        element('div', {class: 'columns'},
            card('Members by tier', summary.tiers.length ? tiers : empty('No programme yet.')),
            card('Points per period', points)));
    chart(compare, lineOption(members.periods.map(p => p.startDate), [
      {name: 'Members', data: members.periods.map(p => p.crr ?? null)},
      {name: 'Non-members', data: others.periods.map(p => p.crr ?? null)},
    ], true));
    if (summary.tiers.length) {
      chart(tiers, {
        tooltip: {}, grid: {left: 60, right: 20, top: 20, bottom: 40},
        xAxis: {type: 'category', data: summary.tiers.map(t => t.tier)}, yAxis: {type: 'value'},
        series: [{type: 'bar', data: summary.tiers.map(t => t.members)}],
      });
    }
    chart(points, {
      tooltip: {trigger: 'axis'}, legend: {top: 0}, grid: {left: 60, right: 20, top: 40, bottom: 40},
      xAxis: {type: 'category', data: summary.periods.map(p => p.startDate)}, yAxis: {type: 'value'},
      series: [
        {name: 'Earned', type: 'bar', data: summary.periods.map(p => p.earned)},
        {name: 'Redeemed', type: 'bar', data: summary.periods.map(p => p.redeemed)},
        {name: 'Expired', type: 'bar', data: summary.periods.map(p => p.expired)},
      ],
    });
  }

  const VIEWS = {
    overview, retention, cohorts, revenue, segments, 'at-risk': atRisk, customer, strategies, loyalty,
  };

  // ---- routing and the key ----

  function showKeyForm(problem) {
    disposeCharts();
    main.replaceChildren();
    document.getElementById('selectors').hidden = true;
    document.getElementById('forget-key').hidden = true;
    document.getElementById('key-form').hidden = false;
    const box = document.getElementById('key-problem');
    if (problem) {
      box.replaceChildren(element('strong', {}, problem.title), problem.detail || '');
      box.hidden = false;
    } else {
      box.hidden = true;
    }
    document.getElementById('key').focus();
  }

  async function route() {
    if (!apiKey()) {
      showKeyForm();
      return;
    }
    document.getElementById('key-form').hidden = true;
    document.getElementById('selectors').hidden = false;
    document.getElementById('forget-key').hidden = false;
    const [name, argument] = (window.location.hash.slice(1) || 'overview').split('/');
    const render = VIEWS[name] || overview;
    document.querySelectorAll('#views a').forEach(link => {
      link.classList.toggle('current', link.getAttribute('href') === '#' + (name === 'customer' ? 'at-risk' : name));
    });
    const current = ++renderCount;
    main.removeAttribute('data-ready');
    disposeCharts();
    main.replaceChildren(loading());
    const target = element('div', {'data-view': name});
    try {
      await render(target, argument ? decodeURIComponent(argument) : undefined);
      if (current === renderCount) {
        main.replaceChildren(target);
        charts.forEach(instance => instance.resize());
        main.setAttribute('data-ready', name);
        main.setAttribute('data-ready-ms', String(Math.round(performance.now())));
      }
    } catch (problem) {
      if (current !== renderCount) {
        return;
      }
      if (problem.status === 401) {
        sessionStorage.removeItem(KEY);
        showKeyForm(problem);
        return;
      }
      main.replaceChildren(problemBox(problem));
      main.setAttribute('data-ready', name);
    }
  }

  document.getElementById('key-form').addEventListener('submit', event => {
    event.preventDefault();
    sessionStorage.setItem(KEY, document.getElementById('key').value.trim());
    document.getElementById('key').value = '';
    route();
  });
  document.getElementById('forget-key').addEventListener('click', () => {
    sessionStorage.removeItem(KEY);
    showKeyForm();
  });
  document.getElementById('selectors').addEventListener('change', () => {
    readSelectors();
    route();
  });
  document.getElementById('selectors').addEventListener('submit', event => event.preventDefault());
  window.addEventListener('hashchange', route);
  showSelectors();
  route();
})();
