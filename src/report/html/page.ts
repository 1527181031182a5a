// The page template: an overview that lists the plans, and one section per plan (header, counts,
// indicators, unit chart, deadlines, diagnostics, tasks, projects, targets) beside its highlighted
// source. A corpus report holds hundreds of plans (299 plans: 35 MB of markup, millions of
// elements), so a plan's section is not part of the page until it is opened: each is kept as
// inert text in a data block (<script type="text/x-plan-section">) and put into the page by the
// script when its plan is opened (#p12). The page the browser lays out is the overview alone.
import type { Task } from '../../model/schema.js';
import { placeOf } from '../../lint/types.js';
import type { InputProblem } from '../types.js';
import { barChart } from './chart.js';
import { esc } from './escape.js';
import {
  kindLabel,
  NO_OWNER,
  percent,
  preparePlans,
  type IndicatorView,
  type PlanView,
  type ReportInput,
  type TaskView,
} from './prepare.js';
import { renderSource } from './source.js';
import { script } from './script.js';
import { styles } from './styles.js';

export interface ReportOptions {
  /** the page title (default: plan-lint 规划审阅报告) */
  title?: string;
  /** shown in the header when given (e.g. a date); the page has no timestamp otherwise */
  generated?: string;
  version?: string;
  /** inputs that could not be read */
  problems?: InputProblem[];
}

const DEFAULT_TITLE = 'plan-lint 规划审阅报告';

const none = '<span class="none">—</span>';
const orNone = (s: string | null | undefined) => (s ? esc(s) : none);
const pct = (p: number | null) => (p === null ? '—' : `${p}%`);

function clip(s: string, n: number): string {
  const chars = [...s.replace(/\s+/g, ' ').trim()];
  return chars.length > n ? chars.slice(0, n - 1).join('') + '…' : chars.join('');
}

/** A link from a record to its span in the source, or plain text when the span is not shown. */
function toSource(srcId: string, shown: Set<string>, content: string, label: string): string {
  if (!shown.has(srcId)) return content;
  return `<a href="#${esc(srcId)}" data-go="${esc(srcId)}" title="${esc(label)}">${content}</a>`;
}

function periodText(v: PlanView): string {
  const p = v.plan.period;
  if (!p) return '';
  return p.start === p.end ? `${p.start}年` : `${p.start}–${p.end}年`;
}

function metaList(v: PlanView): string {
  const { meta, baseYear } = v.plan;
  const rows: [string, string][] = [
    ['类型', esc(kindLabel[v.plan.kind])],
    ['规划期', v.plan.period ? esc(periodText(v)) : none],
    ['基准年', baseYear === null ? none : esc(baseYear)],
    ['文号', orNone(meta.docNumber)],
    ['发布机构', orNone(meta.issuer)],
    ['成文日期', orNone(meta.written)],
    ['发布日期', orNone(meta.published)],
    ['索引号', orNone(meta.indexNo)],
    ['来源', `${esc(v.source.format)} · ${esc(v.source.encoding)}`],
  ];
  return `<dl class="meta">${rows.map(([k, val]) => `<div><dt>${k}</dt><dd>${val}</dd></div>`).join('')}</dl>`;
}

function stats(v: PlanView): string {
  const c = v.counts;
  const all = c.tasks + c.projects;
  const card = (key: string, n: number | string, label: string, sub: string, href: string, cls = '') =>
    `<li class="${cls}"><a href="#${esc(href)}"><span class="n" data-count="${key}">${esc(n)}</span>` +
    `<span class="l">${label}</span>${sub ? `<span class="sub">${sub}</span>` : ''}</a></li>`;
  return (
    `<ul class="stats" aria-label="主要数字">` +
    card('indicators', c.indicators, '指标', `约束性 ${c.binding} · 预期性 ${c.expected}`, `${v.id}-ind`) +
    card('tasks', c.tasks, '任务', '', `${v.id}-tasks`) +
    card('projects', c.projects, '重点工程', '', `${v.id}-proj`) +
    card('owner-coverage', pct(percent(c.tasksWithOwner, c.tasks)), '任务有牵头单位', `${c.tasksWithOwner} / ${c.tasks}`, `${v.id}-units`) +
    card('deadline-coverage', pct(percent(c.explicitDeadlines, all)), '有明确时限', `${c.explicitDeadlines} / ${all}（任务和工程）`, `${v.id}-years`) +
    card('errors', c.errors, '错误', '', `${v.id}-diag`, c.errors ? 's-bad' : '') +
    card('warnings', c.warnings, '警告', '', `${v.id}-diag`, c.warnings ? 's-warn' : '') +
    `</ul>`
  );
}

function natureBadge(v: IndicatorView): string {
  const n = v.indicator.nature;
  if (n === 'binding') return '<span class="badge b-binding">约束性</span>';
  if (n === 'expected') return '<span class="badge b-expected">预期性</span>';
  return '<span class="badge b-none">未标注</span>';
}

function indicatorSection(v: PlanView, shown: Set<string>): string {
  const head = `<h3 id="${v.id}-ind">指标</h3>`;
  if (!v.indicators.length) return `<section aria-labelledby="${v.id}-ind">${head}<p class="hint">未识别出指标表。</p></section>`;
  const vague = v.indicators.filter((i) => i.vague).length;
  const missing = v.indicators.filter((i) => i.missing).length;
  const rows = v.indicators
    .map((i) => {
      const flag = i.missing ? 'flag-missing' : i.vague ? 'flag-vague' : '';
      const t = i.indicator.target.text;
      const target =
        (t ? esc(t) : none) +
        (i.missing ? ' <span class="badge b-missing">缺目标值</span>' : i.vague ? ' <span class="badge b-vague">目标模糊</span>' : '');
      return (
        `<tr id="${i.recId}"${flag ? ` class="${flag}"` : ''}>` +
        `<th scope="row" class="tid">${toSource(i.srcId, shown, esc(i.indicator.id), `在原文中查看指标 ${i.indicator.id}`)}</th>` +
        `<td>${orNone(i.indicator.category)}</td><td>${esc(i.indicator.name)}</td><td class="target">${target}</td><td>${natureBadge(i)}</td></tr>`
      );
    })
    .join('');
  const notes = [vague ? `${vague} 项目标模糊` : '', missing ? `${missing} 项缺目标值` : ''].filter(Boolean).join('，');
  return (
    `<section aria-labelledby="${v.id}-ind">${head}` +
    `<div class="tw"><table><caption>指标表：${v.counts.indicators} 项，约束性 ${v.counts.binding} 项，预期性 ${v.counts.expected} 项${notes ? `；${notes}` : ''}</caption>` +
    `<thead><tr><th scope="col">编号</th><th scope="col">类别</th><th scope="col">指标名称</th><th scope="col">目标值</th><th scope="col">属性</th></tr></thead>` +
    `<tbody>${rows}</tbody></table></div></section>`
  );
}

function unitSection(v: PlanView): string {
  const head = `<h3 id="${v.id}-units">牵头单位任务分布</h3>`;
  if (!v.tasks.length) return `<section aria-labelledby="${v.id}-units">${head}<p class="hint">未识别出任务。</p></section>`;
  const bars = v.groups.map((g) => ({ label: g.unit, value: g.tasks.length, href: `#${g.id}`, muted: g.unit === NO_OWNER }));
  const named = v.groups.filter((g) => g.unit !== NO_OWNER).length;
  return (
    `<section aria-labelledby="${v.id}-units">${head}` +
    `<figure><figcaption>各牵头单位的任务数（按第一个牵头单位计；${named} 个单位）</figcaption>` +
    barChart(bars, `各牵头单位的任务数：${v.groups.map((g) => `${g.unit} ${g.tasks.length} 项`).join('，')}`, `${v.id}-chart`) +
    `</figure></section>`
  );
}

function yearSection(v: PlanView): string {
  const head = `<h3 id="${v.id}-years">完成时限（按年份）</h3>`;
  if (!v.years.length) return `<section aria-labelledby="${v.id}-years">${head}<p class="hint">没有任务或重点工程。</p></section>`;
  const max = Math.max(...v.years.map((y) => y.explicit + y.inferred));
  const rows = v.years
    .map((y) => {
      const total = y.explicit + y.inferred;
      const w = (n: number) => `${((n / max) * 100).toFixed(1)}%`;
      return (
        `<tr><th scope="row">${y.year === null ? '无时限' : `${y.year}年`}</th><td class="num">${y.explicit}</td><td class="num">${y.inferred}</td><td class="num">${total}</td>` +
        `<td aria-hidden="true"><div class="yearbar"><span class="e" style="width:${w(y.explicit)}"></span><span class="i" style="width:${w(y.inferred)}"></span></div></td></tr>`
      );
    })
    .join('');
  return (
    `<section aria-labelledby="${v.id}-years">${head}` +
    `<div class="tw"><table><caption>任务和重点工程的完成时限；“推定”指原文未写时限，按规划期末计 <span class="legend" aria-hidden="true"><i style="background:#2f6db5"></i>明确<i style="background:#b6c8de"></i>推定</span></caption>` +
    `<thead><tr><th scope="col">年份</th><th scope="col" class="num">明确时限</th><th scope="col" class="num">推定（规划期末）</th><th scope="col" class="num">合计</th><th scope="col"><span class="none">分布</span></th></tr></thead>` +
    `<tbody>${rows}</tbody></table></div></section>`
  );
}

/** More places than this of one grouped diagnostic and the rest fold away behind a summary. */
const SHOWN_PLACES = 12;

function diagnosticSection(v: PlanView, shown: Set<string>): string {
  const head = `<h3 id="${v.id}-diag">问题</h3>`;
  if (!v.diagnostics.length) return `<section aria-labelledby="${v.id}-diag">${head}<p class="hint">没有发现问题。</p></section>`;
  const where = (m: PlanView['diagnostics'][number]['places'][number]['message']) =>
    m.page === undefined ? `在原文中查看第 ${m.line} 行` : `在原文中查看第 ${m.page} 页第 ${m.line} 行`;
  const items = v.diagnostics
    .map((d) => {
      const [first, ...rest] = d.places;
      const m = first.message;
      const sev = m.severity === 2 ? 'error' : 'warn';
      const link = (p: typeof first) => toSource(p.srcId, shown, placeOf(p.message), where(p.message));
      const more = rest.map(link);
      const places = more.length
        ? `<span class="times">共 ${d.places.length} 处</span><div class="places">另见 ${more.slice(0, SHOWN_PLACES).join(' ')}` +
          (more.length > SHOWN_PLACES ? `<details><summary>另 ${more.length - SHOWN_PLACES} 处</summary>${more.slice(SHOWN_PLACES).join(' ')}</details>` : '') +
          `</div>`
        : '';
      return (
        `<li id="${d.recId}" class="d-${sev}"><span class="sev">${sev === 'error' ? '错误' : '警告'}</span>` +
        `${link(first)} ${esc(m.message)}<code>${esc(m.ruleId)}</code>${places}</li>`
      );
    })
    .join('');
  return (
    `<section aria-labelledby="${v.id}-diag">${head}` +
    `<div class="filters" role="group" aria-label="按严重程度筛选">` +
    `<button type="button" class="toggle t-error" data-sev="error" aria-pressed="true">错误 ${v.counts.errors}</button>` +
    `<button type="button" class="toggle t-warn" data-sev="warn" aria-pressed="true">警告 ${v.counts.warnings}</button></div>` +
    `<ol class="diags">${items}</ol></section>`
  );
}

function ownersCell(t: TaskView): string {
  const owners = t.task.owners;
  if (!t.facts.owned || !owners) return '<span class="none">未明确</span>';
  const lead = owners.lead.length ? `<div class="lead">${esc(owners.lead.join('、'))}</div>` : '';
  const support = owners.support.length ? `<div class="support">配合：${esc(owners.support.join('、'))}</div>` : '';
  return lead + support;
}

function deadlineCell(t: Task): string {
  if (!t.deadline) return none;
  if (t.deadline.inferred) return `<span class="inferred" title="原文未写时限，按规划期末推定">推定 ${esc(t.deadline.date ?? '')}</span>`;
  return t.deadline.date ? `${esc(t.deadline.text)}<div class="inferred">${esc(t.deadline.date)}</div>` : esc(t.deadline.text);
}

function taskRow(t: TaskView, shown: Set<string>, kind: string): string {
  const title = t.task.title ?? clip(t.task.text, 24);
  // the text without the lead phrase already shown as the title
  const lead = t.task.title && t.task.text.startsWith(t.task.title) ? t.task.title.length : 0;
  const body = t.task.text.slice(lead).replace(/^[。.，,；;：:\s]+/, '');
  const qty = t.task.targets.length ? `<div class="ttext">目标：${esc(t.task.targets.map((q) => q.text).join('；'))}</div>` : '';
  return (
    `<tr id="${t.recId}"><th scope="row" class="tid">${toSource(t.srcId, shown, esc(t.task.id), `在原文中查看${kind} ${t.task.id}`)}</th>` +
    `<td><div class="ttitle">${esc(title)}</div>${body ? `<div class="ttext">${esc(clip(body, 60))}</div>` : ''}${qty}</td>` +
    `<td class="owners">${ownersCell(t)}</td><td class="dl">${deadlineCell(t.task)}</td></tr>`
  );
}

const taskHead = (first: string) =>
  `<thead><tr><th scope="col">编号</th><th scope="col">${first}</th><th scope="col">责任单位</th><th scope="col">时限</th></tr></thead>`;

function taskSection(v: PlanView, shown: Set<string>): string {
  const head = `<h3 id="${v.id}-tasks">任务清单（按牵头单位分组）</h3>`;
  if (!v.tasks.length) return `<section aria-labelledby="${v.id}-tasks">${head}<p class="hint">未识别出任务。</p></section>`;
  const groups = v.groups
    .map(
      (g) =>
        `<tbody id="${g.id}" class="group${g.unit === NO_OWNER ? ' unowned' : ''}"><tr><th scope="rowgroup" colspan="4">${esc(g.unit)}<span class="count">${g.tasks.length} 项</span></th></tr>` +
        g.tasks.map((t) => taskRow(t, shown, '任务')).join('') +
        `</tbody>`,
    )
    .join('');
  return (
    `<section aria-labelledby="${v.id}-tasks">${head}` +
    `<div class="tw"><table><caption>${v.counts.tasks} 项任务，${v.groups.length} 组；点击编号在原文中定位</caption>${taskHead('任务')}${groups}</table></div></section>`
  );
}

function projectSection(v: PlanView, shown: Set<string>): string {
  const head = `<h3 id="${v.id}-proj">重点工程</h3>`;
  if (!v.projects.length) return `<section aria-labelledby="${v.id}-proj">${head}<p class="hint">未识别出重点工程。</p></section>`;
  return (
    `<section aria-labelledby="${v.id}-proj">${head}` +
    `<div class="tw"><table><caption>${v.counts.projects} 项重点工程（专栏）</caption>${taskHead('工程')}<tbody>${v.projects.map((t) => taskRow(t, shown, '重点工程')).join('')}</tbody></table></div></section>`
  );
}

function targetSection(v: PlanView, shown: Set<string>): string {
  if (!v.targets.length) return '';
  const items = v.targets
    .map((t) => `<li id="${t.recId}">${toSource(t.srcId, shown, esc(t.text), '在原文中查看这一目标')}</li>`)
    .join('');
  return `<section aria-labelledby="${v.id}-goals"><h3 id="${v.id}-goals">正文中的量化目标</h3><ul>${items}</ul></section>`;
}

const legend =
  `<p class="source-legend" aria-hidden="true"><span class="lg-indicator">指标</span><span class="lg-task">任务</span>` +
  `<span class="lg-project">重点工程</span><span class="lg-target">目标</span><span class="lg-qty">量化目标</span>` +
  `<span class="lg-owner">责任单位</span><span class="lg-error">错误</span><span class="lg-warn">警告</span></p>`;

/** Links from a plan to the overview and to the plans before and after it. */
function planNav(v: PlanView, prev: PlanView | undefined, next: PlanView | undefined): string {
  const to = (w: PlanView | undefined, rel: string, label: string) =>
    w ? `<a href="#${w.id}" rel="${rel}" title="${esc(w.plan.title || '（无标题）')}">${label}</a>` : `<span class="none">${label}</span>`;
  return (
    `<nav class="plan-nav" aria-label="规划之间"><a href="#index">← 规划一览</a>` +
    `<span>${to(prev, 'prev', '上一个')} · ${to(next, 'next', '下一个')}</span></nav>`
  );
}

function planSection(v: PlanView, prev?: PlanView, next?: PlanView): string {
  const { html: source, emitted: shown } = renderSource(v.source.text, v.range[0], v.range[1], v.highlights, v.source.pages ?? undefined);
  const where = v.plansInFile > 1 ? ` · 文件中的第 ${v.planIndex + 1}/${v.plansInFile} 个规划` : '';
  return (
    `<section class="plan" id="${v.id}" aria-labelledby="${v.id}-h">` +
    planNav(v, prev, next) +
    `<header class="plan-head"><p class="where">${esc(v.file)}${where}</p>` +
    `<h2 id="${v.id}-h" tabindex="-1">${esc(v.plan.title || '（无标题）')}</h2>` +
    `<p class="tags"><span class="tag tag-kind">${esc(kindLabel[v.plan.kind])}</span>${v.plan.period ? `<span class="tag">${esc(periodText(v))}</span>` : ''}` +
    `${v.plan.meta.docNumber ? `<span class="tag">${esc(v.plan.meta.docNumber)}</span>` : ''}${v.plan.meta.issuer ? `<span class="tag">${esc(v.plan.meta.issuer)}</span>` : ''}</p>` +
    stats(v) +
    metaList(v) +
    `</header><div class="plan-body"><div class="records">` +
    indicatorSection(v, shown) +
    unitSection(v) +
    yearSection(v) +
    diagnosticSection(v, shown) +
    taskSection(v, shown) +
    projectSection(v, shown) +
    targetSection(v, shown) +
    `</div><aside class="source-pane" aria-labelledby="${v.id}-src-h"><h3 id="${v.id}-src-h">原文</h3>${legend}` +
    `<pre class="source" tabindex="0" aria-label="原文：${esc(v.plan.title)}">${source}</pre></aside></div></section>`
  );
}

/**
 * A plan's section as the content of a data block: inert text the browser neither lays out nor
 * runs. Input text reaches it escaped (esc), so it cannot end the block; the replacement keeps
 * that true even if markup of ours ever held such a sequence.
 */
function dataBlock(v: PlanView, section: string): string {
  return `<script type="text/x-plan-section" id="${v.id}-data">${section.replace(/<(\/script|!--)/gi, '&lt;$1')}</script>`;
}

/** The overview's columns after the plan: header, and the label a cell carries on a narrow screen. */
const indexColumns: [string, string][] = [
  ['类型', ''],
  ['指标', 'num'],
  ['任务', 'num'],
  ['重点工程', 'num'],
  ['责任单位覆盖', 'num'],
  ['错误', 'num'],
  ['警告', 'num'],
];

function indexCells(values: (string | number)[]): string {
  return values.map((x, i) => `<td${indexColumns[i][1] ? ` class="num"` : ''} data-label="${indexColumns[i][0]}">${esc(x)}</td>`).join('');
}

function indexTable(views: PlanView[]): string {
  const rows = views
    .map((v) => {
      const c = v.counts;
      return (
        `<tr><th scope="row"><a href="#${v.id}">${esc(v.plan.title || '（无标题）')}</a><span class="file">${esc(v.file)}</span></th>` +
        indexCells([kindLabel[v.plan.kind], c.indicators, c.tasks, c.projects, pct(percent(c.tasksWithOwner, c.tasks)), c.errors, c.warnings]) +
        `</tr>`
      );
    })
    .join('');
  const sum = (f: (v: PlanView) => number) => views.reduce((n, v) => n + f(v), 0);
  const tasks = sum((v) => v.counts.tasks);
  const totals = ['', sum((v) => v.counts.indicators), tasks, sum((v) => v.counts.projects), pct(percent(sum((v) => v.counts.tasksWithOwner), tasks)), sum((v) => v.counts.errors), sum((v) => v.counts.warnings)];
  return (
    `<nav class="index" aria-labelledby="index-h"><h2 id="index-h">规划一览</h2>` +
    `<p class="filter"><label for="filter">筛选</label> <input type="search" id="filter" placeholder="规划名称或文件" autocomplete="off"> <span id="filter-count" aria-live="polite"></span></p>` +
    `<table><caption>${new Set(views.map((v) => v.file)).size} 个文件，${views.length} 个规划；点击规划名称打开该规划</caption>` +
    `<thead><tr><th scope="col">规划（文件）</th>${indexColumns.map(([h, cls]) => `<th scope="col"${cls ? ' class="num"' : ''}>${h}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows}</tbody>` +
    `<tfoot><tr><th scope="row">合计</th>${indexCells(totals)}</tr></tfoot></table></nav>`
  );
}

function problemList(problems: InputProblem[], empty: string[]): string {
  if (!problems.length && !empty.length) return '';
  const items = [
    ...problems.map((p) => `<li>${esc(p.file)}：${esc(p.message)}</li>`),
    ...empty.map((f) => `<li>${esc(f)}：未识别出规划</li>`),
  ].join('');
  return `<section class="problems" aria-labelledby="problems-h"><h2 id="problems-h">未纳入报告的文件</h2><ul>${items}</ul></section>`;
}

/** The whole report: one self-contained HTML document. */
export function renderReport(inputs: ReportInput[], opts: ReportOptions = {}): string {
  const views = preparePlans(inputs);
  const title = opts.title ?? DEFAULT_TITLE;
  const files = inputs.length;
  const byline = [
    opts.version ? `plan-lint ${opts.version}` : 'plan-lint',
    `${files} 个文件，${views.length} 个规划`,
    opts.generated ? `生成于 ${opts.generated}` : '',
  ]
    .filter(Boolean)
    .map(esc)
    .join(' · ');
  const empty = inputs.filter((i) => i.analysis.document.plans.length === 0).map((i) => i.file);
  return (
    `<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="color-scheme" content="light">\n<link rel="icon" href="data:,">\n` +
    `<title>${esc(title)}</title>\n<style>${styles}</style>\n</head>\n<body>\n` +
    `<a class="skip" href="#main">跳到正文</a>\n` +
    `<header class="top"><h1>${esc(title)}</h1><p>${byline}</p></header>\n` +
    `<main id="main">\n<div id="index">${problemList(opts.problems ?? [], empty)}${views.length ? indexTable(views) : '<p>没有可报告的规划。</p>'}` +
    `<noscript><p class="hint">各规划的内容在打开时由页面脚本显示；请允许本页运行脚本。</p></noscript></div>\n` +
    `<div id="plan-view" hidden></div>\n</main>\n` +
    `<footer>由 plan-lint 生成：指标、任务、责任单位、时限均从原文抽取，每一项都可点击回到原文。</footer>\n` +
    views.map((v, i) => dataBlock(v, planSection(v, views[i - 1], views[i + 1]))).join('\n') +
    `\n<script>${script}</script>\n</body>\n</html>\n`
  );
}
