// The page template: index of plans, then one section per plan (header, counts, indicators,
// unit chart, deadlines, diagnostics, tasks, projects, targets) beside its highlighted source.
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
    `<table><caption>指标表：${v.counts.indicators} 项，约束性 ${v.counts.binding} 项，预期性 ${v.counts.expected} 项${notes ? `；${notes}` : ''}</caption>` +
    `<thead><tr><th scope="col">编号</th><th scope="col">类别</th><th scope="col">指标名称</th><th scope="col">目标值</th><th scope="col">属性</th></tr></thead>` +
    `<tbody>${rows}</tbody></table></section>`
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
    `<table><caption>任务和重点工程的完成时限；“推定”指原文未写时限，按规划期末计 <span class="legend" aria-hidden="true"><i style="background:#2f6db5"></i>明确<i style="background:#b6c8de"></i>推定</span></caption>` +
    `<thead><tr><th scope="col">年份</th><th scope="col" class="num">明确时限</th><th scope="col" class="num">推定（规划期末）</th><th scope="col" class="num">合计</th><th scope="col"><span class="none">分布</span></th></tr></thead>` +
    `<tbody>${rows}</tbody></table></section>`
  );
}

function diagnosticSection(v: PlanView, shown: Set<string>): string {
  const head = `<h3 id="${v.id}-diag">问题</h3>`;
  if (!v.diagnostics.length) return `<section aria-labelledby="${v.id}-diag">${head}<p class="hint">没有发现问题。</p></section>`;
  const items = v.diagnostics
    .map((d) => {
      const m = d.message;
      const sev = m.severity === 2 ? 'error' : 'warn';
      return (
        `<li id="${d.recId}" class="d-${sev}"><span class="sev">${sev === 'error' ? '错误' : '警告'}</span>` +
        `${toSource(d.srcId, shown, placeOf(m), m.page === undefined ? `在原文中查看第 ${m.line} 行` : `在原文中查看第 ${m.page} 页第 ${m.line} 行`)} ${esc(m.message)}<code>${esc(m.ruleId)}</code></li>`
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
    `<table><caption>${v.counts.tasks} 项任务，${v.groups.length} 组；点击编号在原文中定位</caption>${taskHead('任务')}${groups}</table></section>`
  );
}

function projectSection(v: PlanView, shown: Set<string>): string {
  const head = `<h3 id="${v.id}-proj">重点工程</h3>`;
  if (!v.projects.length) return `<section aria-labelledby="${v.id}-proj">${head}<p class="hint">未识别出重点工程。</p></section>`;
  return (
    `<section aria-labelledby="${v.id}-proj">${head}` +
    `<table><caption>${v.counts.projects} 项重点工程（专栏）</caption>${taskHead('工程')}<tbody>${v.projects.map((t) => taskRow(t, shown, '重点工程')).join('')}</tbody></table></section>`
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

function planSection(v: PlanView): string {
  const { html: source, emitted: shown } = renderSource(v.source.text, v.range[0], v.range[1], v.highlights, v.source.pages ?? undefined);
  const where = v.plansInFile > 1 ? ` · 文件中的第 ${v.planIndex + 1}/${v.plansInFile} 个规划` : '';
  return (
    `<section class="plan" id="${v.id}" aria-labelledby="${v.id}-h">` +
    `<header class="plan-head"><p class="where">${esc(v.file)}${where}</p>` +
    `<h2 id="${v.id}-h">${esc(v.plan.title || '（无标题）')}</h2>` +
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

function indexTable(views: PlanView[]): string {
  const rows = views
    .map((v) => {
      const c = v.counts;
      return (
        `<tr><td class="file">${esc(v.file)}</td><th scope="row"><a href="#${v.id}">${esc(v.plan.title || '（无标题）')}</a></th>` +
        `<td>${esc(kindLabel[v.plan.kind])}</td><td class="num">${c.indicators}</td><td class="num">${c.tasks}</td><td class="num">${c.projects}</td>` +
        `<td class="num">${pct(percent(c.tasksWithOwner, c.tasks))}</td><td class="num">${c.errors}</td><td class="num">${c.warnings}</td></tr>`
      );
    })
    .join('');
  const sum = (f: (v: PlanView) => number) => views.reduce((n, v) => n + f(v), 0);
  const tasks = sum((v) => v.counts.tasks);
  return (
    `<nav class="index" aria-labelledby="index-h"><h2 id="index-h">规划一览</h2><table>` +
    `<caption>${new Set(views.map((v) => v.file)).size} 个文件，${views.length} 个规划；点击规划名称跳到该规划</caption>` +
    `<thead><tr><th scope="col">文件</th><th scope="col">规划</th><th scope="col">类型</th><th scope="col" class="num">指标</th><th scope="col" class="num">任务</th>` +
    `<th scope="col" class="num">重点工程</th><th scope="col" class="num">责任单位覆盖</th><th scope="col" class="num">错误</th><th scope="col" class="num">警告</th></tr></thead>` +
    `<tbody>${rows}</tbody>` +
    `<tfoot><tr><td></td><th scope="row">合计</th><td></td><td class="num">${sum((v) => v.counts.indicators)}</td><td class="num">${tasks}</td>` +
    `<td class="num">${sum((v) => v.counts.projects)}</td><td class="num">${pct(percent(sum((v) => v.counts.tasksWithOwner), tasks))}</td>` +
    `<td class="num">${sum((v) => v.counts.errors)}</td><td class="num">${sum((v) => v.counts.warnings)}</td></tr></tfoot></table></nav>`
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
    `<main id="main">\n${problemList(opts.problems ?? [], empty)}${views.length ? indexTable(views) : '<p>没有可报告的规划。</p>'}\n` +
    views.map(planSection).join('\n') +
    `\n</main>\n<footer>由 plan-lint 生成：指标、任务、责任单位、时限均从原文抽取，每一项都可点击回到原文。</footer>\n` +
    `<script>${script}</script>\n</body>\n</html>\n`
  );
}
