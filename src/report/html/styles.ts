// The report's stylesheet, inlined into the page. System fonts only (no web fonts); colours
// chosen for WCAG AA contrast on their backgrounds; motion only without prefers-reduced-motion.
export const styles = `
:root {
  --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa; --accent: #0b5cad;
  --navy: #14324f; --bad: #b42318; --bad-bg: #fdecea; --warn: #8a5a00; --warn-bg: #fff4d1;
  --task: #e6f0fb; --task-line: #7fa9db; --ind: #fff0d4; --ind-line: #c98c00; --proj: #e6f4ea;
  --proj-line: #4f9d69; --goal: #f1e8fb; --goal-line: #9a6dd7; --active: #ffe58a;
}
* { box-sizing: border-box; }
html { scroll-padding-top: 1rem; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.6 "PingFang SC", "Hiragino Sans GB",
  "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; border-radius: 2px; }
.skip { position: absolute; left: -9999px; top: 0; background: #fff; padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: 1rem; }
.top { background: var(--navy); color: #fff; padding: .9rem 1.5rem; display: flex; align-items: baseline; gap: 1.25rem; flex-wrap: wrap; }
.top h1 { margin: 0; font-size: 1.3rem; font-weight: 600; }
.top p { margin: 0; color: #d8e2ee; font-size: .9rem; }
main { padding: 0 1.5rem 3rem; max-width: 1600px; margin: 0 auto; }
h2, h3 { line-height: 1.3; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
caption { text-align: left; font-weight: 600; padding: .25rem 0 .4rem; color: var(--ink); }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: var(--soft); font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.index { margin: 1.25rem 0 2rem; }
.index h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
.index th, .index td { overflow-wrap: anywhere; }
.index tbody th { font-weight: 500; }
.index .file { display: block; color: var(--muted); font-size: 13px; font-weight: 400; }
.filter { margin: 0 0 .5rem; font-size: 14px; }
.filter input { font: inherit; padding: .2rem .5rem; border: 1px solid var(--line); border-radius: 4px; width: min(24rem, 60vw); }
#filter-count { color: var(--muted); }
.problems { border: 1px solid var(--bad); background: var(--bad-bg); padding: .5rem 1rem; margin: 1rem 0; overflow-wrap: anywhere; }
[hidden] { display: none !important; }
.plan { border-top: 4px solid var(--navy); margin-top: 1.25rem; padding-top: .5rem; }
.plan-nav { display: flex; justify-content: space-between; flex-wrap: wrap; gap: .25rem 1rem; font-size: 14px; margin: 0 0 .4rem; }
.tw { overflow-x: auto; }
.plan-head .where { margin: 0; color: var(--muted); font-size: 13px; overflow-wrap: anywhere; }
.plan-head h2 { font-size: 1.55rem; margin: .15rem 0 .35rem; }
.tags { margin: 0 0 .6rem; display: flex; gap: .5rem; flex-wrap: wrap; }
.tag { display: inline-block; padding: 0 .5rem; border-radius: 999px; font-size: 13px; border: 1px solid var(--line); background: var(--soft); }
.tag-kind { background: var(--navy); color: #fff; border-color: var(--navy); }
.meta { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: .1rem 1.25rem; margin: 0 0 .8rem; font-size: 14px; }
.meta div { display: flex; gap: .5rem; min-width: 0; }
.meta dt { color: var(--muted); white-space: nowrap; }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.none { color: var(--muted); }
.stats { list-style: none; padding: 0; margin: 0 0 1rem; display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: .6rem; }
.stats li { border: 1px solid var(--line); border-radius: 6px; padding: .45rem .75rem; background: #fff; }
.stats a { text-decoration: none; color: inherit; display: block; }
.stats .n { display: block; font-size: 1.6rem; font-weight: 650; line-height: 1.2; font-variant-numeric: tabular-nums; }
.stats .l { font-size: 14px; color: var(--ink); }
.stats .sub { display: block; font-size: 12px; color: var(--muted); }
.stats .s-bad .n { color: var(--bad); }
.stats .s-warn .n { color: var(--warn); }
.plan-body { display: grid; grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr); gap: 1.5rem; align-items: start; }
.records > section { margin-bottom: 1.5rem; }
.records h3, .source-pane h3 { font-size: 1.05rem; margin: 0 0 .4rem; padding-bottom: .2rem; border-bottom: 1px solid var(--line); }
.hint { color: var(--muted); font-size: 13px; margin: 0 0 .4rem; }
.badge { display: inline-block; padding: 0 .4rem; border-radius: 4px; font-size: 12px; white-space: nowrap; border: 1px solid transparent; }
.b-binding { background: var(--bad); color: #fff; }
.b-expected { background: #e7f0fb; color: #0a4a8c; border-color: #9dbfe6; }
.b-none { color: var(--muted); border-color: var(--line); }
.b-vague { background: var(--warn-bg); color: var(--warn); border-color: #e2b93b; }
.b-missing { background: var(--bad-bg); color: var(--bad); border-color: #f1a29b; }
tr.flag-missing td.target { background: var(--bad-bg); }
tr.flag-vague td.target { background: var(--warn-bg); }
.charts { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem; }
figure { margin: 0; }
figcaption { font-weight: 600; font-size: 14px; margin-bottom: .25rem; }
.chart { max-width: 100%; height: auto; display: block; }
.chart .bar rect { fill: #2f6db5; }
.chart .bar-muted rect { fill: #8c959f; }
.chart .bar:hover rect, .chart .bar:focus rect { fill: #0b4a8f; }
.chart .bar-label { font-size: 13px; fill: var(--ink); }
.chart .bar-value { font-size: 13px; fill: var(--ink); font-weight: 600; }
.yearbar { display: flex; height: .7rem; min-width: 4rem; background: var(--soft); border-radius: 2px; overflow: hidden; margin-top: .35rem; }
.yearbar .e { background: #2f6db5; } .yearbar .i { background: #b6c8de; }
.legend { font-size: 12px; color: var(--muted); }
.legend i { display: inline-block; width: .7rem; height: .7rem; vertical-align: -1px; margin: 0 .2rem 0 .6rem; }
tbody.group th[scope=rowgroup] { background: #eef3f9; font-weight: 600; }
tbody.group th .count { color: var(--muted); font-weight: 400; margin-left: .5rem; }
tbody.unowned th[scope=rowgroup] { background: #f3f3f3; }
.tid { white-space: nowrap; font-weight: 500; }
.ttitle { font-weight: 600; }
.ttext { color: var(--muted); font-size: 13px; }
.owners .lead { font-weight: 600; }
.owners .support { color: var(--muted); font-size: 13px; }
.inferred { color: var(--muted); font-size: 13px; }
td.dl { white-space: nowrap; }
.filters { display: flex; gap: .5rem; margin: 0 0 .5rem; align-items: center; }
.toggle { font: inherit; font-size: 13px; padding: .15rem .7rem; border-radius: 999px; border: 1px solid var(--line); background: #fff; color: var(--muted); cursor: pointer; text-decoration: line-through; }
.toggle[aria-pressed=true] { text-decoration: none; color: var(--ink); border-color: currentColor; }
.toggle.t-error[aria-pressed=true] { background: var(--bad-bg); color: var(--bad); }
.toggle.t-warn[aria-pressed=true] { background: var(--warn-bg); color: var(--warn); }
.diags { list-style: none; margin: 0; padding: 0; font-size: 14px; }
.diags li { padding: .3rem .5rem; border-left: 4px solid var(--line); margin-bottom: .3rem; background: var(--soft); }
.diags li.d-error { border-left-color: var(--bad); }
.diags li.d-warn { border-left-color: #d4a72c; }
.diags .sev { font-weight: 600; margin-right: .35rem; }
.diags li.d-error .sev { color: var(--bad); } .diags li.d-warn .sev { color: var(--warn); }
.diags code { color: var(--muted); font-size: 12px; margin-left: .35rem; }
.diags .times { margin-left: .5rem; padding: 0 .4rem; border-radius: 999px; background: #fff; border: 1px solid var(--line); font-size: 12px; white-space: nowrap; }
.diags .places { font-size: 13px; color: var(--muted); font-variant-numeric: tabular-nums; }
.diags .places a { margin-right: .15rem; }
.diags details { display: inline; }
.diags summary { display: inline; cursor: pointer; color: var(--accent); }
.hide-error .diags li.d-error, .hide-warn .diags li.d-warn { display: none; }
mark.d-long { background: none; text-decoration: none; }
.hide-error mark.d-error, .hide-warn mark.d-warn { background: none; text-decoration: none; }
.source-pane { position: sticky; top: .75rem; max-height: calc(100vh - 1.5rem); overflow: auto; border: 1px solid var(--line); border-radius: 6px; background: #fcfcfb; padding: .5rem .9rem 1rem; }
.source-pane h3 { position: sticky; top: -.5rem; background: #fcfcfb; padding-top: .3rem; z-index: 1; }
.source .pg { display: inline-block; margin: .2rem 0; padding: 0 .4rem; border-radius: 3px; background: var(--soft); color: var(--muted); font-size: 11px; user-select: none; }
.source-legend { font-size: 12px; color: var(--muted); margin: 0 0 .4rem; display: flex; flex-wrap: wrap; gap: .15rem .6rem; }
.source-legend span::before { content: ""; display: inline-block; width: .8rem; height: .8rem; vertical-align: -2px; margin-right: .2rem; border-bottom: 2px solid; }
.source { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; font: inherit; font-size: 14px; line-height: 1.8; }
.hl { color: inherit; text-decoration: none; border-radius: 2px; cursor: pointer; }
a.hl { border-bottom: 2px solid; }
.hl-task, .lg-task::before { background: var(--task); border-color: var(--task-line) !important; }
.hl-indicator, .lg-indicator::before { background: var(--ind); border-color: var(--ind-line) !important; }
.hl-project, .lg-project::before { background: var(--proj); border-color: var(--proj-line) !important; }
.hl-target, .lg-target::before { background: var(--goal); border-color: var(--goal-line) !important; }
mark.hl { background: none; color: inherit; }
mark.hl-qty, .lg-qty::before { font-weight: 650; border-bottom: 2px solid #1f6feb; }
mark.hl-owner, .lg-owner::before { background: #d8f0df; box-shadow: inset 0 -2px 0 #2e8b57; }
mark.d-error, .lg-error::before { background: var(--bad-bg); text-decoration: underline wavy var(--bad); text-underline-offset: 3px; }
mark.d-warn, .lg-warn::before { text-decoration: underline wavy #c08a00; text-underline-offset: 3px; }
.is-active { outline: 2px solid var(--accent); outline-offset: 1px; background: var(--active) !important; }
tr.is-active, li.is-active { outline-offset: -2px; }
.source .is-active { outline: none; text-decoration: underline 2px var(--accent); text-underline-offset: 4px; }
@keyframes flash { 0% { background: #ffd33d; } 100% { background: var(--active); } }
.flash { animation: flash 1.2s ease-out 2; }
@media (prefers-reduced-motion: reduce) { .flash { animation: none; } html { scroll-behavior: auto; } }
@media (max-width: 900px) {
  .plan-body { grid-template-columns: minmax(0, 1fr); }
  .source-pane { position: static; max-height: 70vh; }
}
/* a phone: the overview's rows become cards (the plan on top, its numbers labelled below) */
@media (max-width: 640px) {
  main { padding: 0 .75rem 2rem; }
  .top { padding: .75rem; }
  .plan-head h2 { font-size: 1.25rem; }
  .index thead { display: none; }
  .index table, .index tbody, .index tfoot, .index caption { display: block; }
  .index tr { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 0 .5rem; padding: .4rem 0; border-bottom: 1px solid var(--line); }
  .index tr > * { border: 0; padding: .05rem 0; text-align: left; }
  .index tr > th { grid-column: 1 / -1; }
  .index td[data-label]::before { content: attr(data-label); display: block; color: var(--muted); font-size: 12px; }
  .index td[data-label=""]::before, .index td:empty { display: none; }
}
footer { color: var(--muted); font-size: 13px; padding: 1rem 1.5rem 2rem; border-top: 1px solid var(--line); }
@media print { .source-pane { position: static; max-height: none; overflow: visible; } .filters { display: none; } }
`;
