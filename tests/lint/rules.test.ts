// Each rule on hand-built extractions of small real-looking texts: exact ids, messages, positions.
import { describe, expect, it } from 'vitest';
import { lint, type RuleSetting } from '../../src/lint/engine.js';
import { ruleById } from '../../src/lint/rules/index.js';
import type { Analysis } from '../../src/model/analysis.js';
import { build } from './helpers.js';

function run(id: string, r: Analysis, setting: RuleSetting = { level: 'error' }, locale: 'zh' | 'en' = 'zh') {
  const rule = ruleById.get(id);
  if (!rule) throw new Error(id);
  return lint(r, { catalog: [rule], rules: { [id]: setting }, locale }).map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.message}`);
}

const title = '示范区应急管理“十四五”规划(2021—2025年)';

describe('task-missing-owner', () => {
  const text = [title, '二、主要任务', '(一)健全指挥体系。完善运行机制。', '(二)加强监测预警。建设平台。', '(三)强化队伍。(责任单位:区应急管理局)'].join('\n');
  it('reports the plan once when no task has an owner', () => {
    const r = build(text, [{ title, tasks: [{ find: '(一)健全指挥体系。完善运行机制。' }, { find: '(二)加强监测预警。建设平台。' }] }]);
    expect(run('task-missing-owner', r)).toEqual([`1:1-1:${[...title].length + 1} 本规划2项任务均未明确责任单位`]);
  });
  it('reports each task without an owner when some have one', () => {
    const r = build(text, [
      {
        title,
        tasks: [
          { find: '(一)健全指挥体系。完善运行机制。', title: '健全指挥体系' },
          { find: '(二)加强监测预警。建设平台。', title: '加强监测预警' },
          { find: '(三)强化队伍。(责任单位:区应急管理局)', owners: { lead: ['区应急管理局'] } },
        ],
      },
    ]);
    expect(run('task-missing-owner', r)).toEqual(['3:1-3:18 任务“健全指挥体系”未明确责任单位', '4:1-4:16 任务“加强监测预警”未明确责任单位']);
    expect(run('task-missing-owner', r, { level: 'warn' }, 'en')[0]).toContain('Task "健全指挥体系" names no responsible unit');
  });
});

describe('task-vague-owner', () => {
  it('reports a task whose only lead is collective, at the unit', () => {
    const text = [title, '(一)强化队伍。(责任单位:各有关部门)', '(二)建设平台。(区应急管理局牵头,各有关部门配合)'].join('\n');
    const r = build(text, [
      {
        title,
        tasks: [
          { find: '(一)强化队伍。(责任单位:各有关部门)', title: '强化队伍', owners: { lead: ['各有关部门'] } },
          { find: '(二)建设平台。(区应急管理局牵头,各有关部门配合)', owners: { lead: ['区应急管理局'], support: ['各有关部门'] } },
        ],
      },
    ]);
    expect(run('task-vague-owner', r)).toEqual(['2:15-2:20 任务“强化队伍”的牵头单位只有“各有关部门”，未落实到具体单位']);
  });
});

describe('task-missing-deadline', () => {
  const text = ['示范区2024年工作要点', '1.完善机制。(责任单位:区应急局)', '2.年底前建成平台。(责任单位:区应急局)'].join('\n');
  const spec = (kind: 'plan' | 'workPoints') =>
    build(text, [
      {
        title: '示范区2024年工作要点',
        kind,
        period: { start: 2024, end: 2024 },
        tasks: [
          { find: '1.完善机制。(责任单位:区应急局)', title: '完善机制', deadline: { text: '2024年', date: '2024-12-31', inferred: true } },
          { find: '2.年底前建成平台。(责任单位:区应急局)', deadline: { text: '年底前', date: '2024-12-31' } },
        ],
      },
    ]);
  it('is on for work points and off for multi-year plans by default', () => {
    const rule = ruleById.get('task-missing-deadline')!;
    expect(lint(spec('workPoints'), { catalog: [rule] }).map((m) => `${m.line}:${m.severity}`)).toEqual(['2:1']);
    expect(lint(spec('plan'), { catalog: [rule] })).toEqual([]);
  });
});

describe('deadline-outside-period', () => {
  it('reports an explicit deadline after the period, at the deadline text', () => {
    const text = [title, '(一)强化队伍。到2027年，建成队伍。(责任单位:区应急管理局)'].join('\n');
    const r = build(text, [
      { title, tasks: [{ find: '(一)强化队伍。到2027年，建成队伍。(责任单位:区应急管理局)', title: '强化队伍', deadline: { text: '到2027年', date: '2027-12-31' } }] },
    ]);
    expect(run('deadline-outside-period', r)).toEqual(['2:9-2:15 任务“强化队伍”的时限“到2027年”超出规划期2021—2025年']);
  });
  it('ignores inferred deadlines and plans without a period', () => {
    const text = [title, '(一)强化队伍。'].join('\n');
    const t = { find: '(一)强化队伍。', deadline: { text: '', date: '2030-12-31', inferred: true } };
    expect(run('deadline-outside-period', build(text, [{ title, tasks: [t] }]))).toEqual([]);
    expect(run('deadline-outside-period', build(text, [{ title, period: null, tasks: [{ ...t, deadline: { text: '2030年', date: '2030-12-31' } }] }]))).toEqual([]);
  });
});

describe('indicator rules', () => {
  const text = [title, '表1 主要指标', '序号', '指标名称', '目标值', '1', '死亡人数', '逐年下降', '2', '受害率', '', '3', '死亡人数', '下降10%', '4', '覆盖率', 'XX%'].join('\n');
  const r = build(text, [
    {
      title,
      tables: [{ find: text.slice(text.indexOf('表1')), hasNatureColumn: false }],
      indicators: [
        { find: '1\n死亡人数\n逐年下降', name: '死亡人数', target: '逐年下降' },
        { find: '2\n受害率', name: '受害率', target: '' },
        { find: '3\n死亡人数\n下降10%', name: '死亡人数', target: '下降10%', value: 10 },
        { find: '4\n覆盖率\nXX%', name: '覆盖率', target: 'XX%' },
      ],
    },
  ]);
  it('indicator-vague-target reports the vague target text', () => {
    expect(run('indicator-vague-target', r)).toEqual(['8:1-8:5 指标“死亡人数”的目标值“逐年下降”没有可考核的数值']);
  });
  it('indicator-missing-target reports empty and placeholder targets', () => {
    expect(run('indicator-missing-target', r)).toEqual(['9:1-9:2 指标“受害率”没有目标值', '15:1-15:2 指标“覆盖率”的目标值“XX%”是占位符']);
  });
  it('indicator-duplicate reports the second row and the conflicting targets', () => {
    expect(run('indicator-duplicate', r)).toEqual(['12:1-12:2 指标“死亡人数”重复且目标值不同：第6行为“逐年下降”，此处为“下降10%”']);
  });
  it('indicator-missing-nature reports a table without the column once', () => {
    expect(run('indicator-missing-nature', r)).toEqual(['2:1-2:8 指标表没有“属性”列，4项指标均未标明约束性或预期性']);
  });
  it('indicator-count-mismatch compares declared and listed counts', () => {
    const t2 = [title, '1.应急能力(3项)', 'a', 'b', '2.安全生产(1项)', 'c'].join('\n');
    const r2 = build(t2, [
      {
        title,
        tables: [
          {
            find: '1.应急能力(3项)',
            groups: [
              { find: '1.应急能力(3项)', name: '应急能力', declared: 3, indicatorIds: ['I1', 'I2'] },
              { find: '2.安全生产(1项)', name: '安全生产', declared: 1, indicatorIds: ['I3'] },
            ],
          },
        ],
      },
    ]);
    expect(run('indicator-count-mismatch', r2)).toEqual(['2:1-2:11 分组“应急能力”声明3项指标，实际列出2项']);
  });
});

describe('heading-sequence', () => {
  const text = [title, '一、总体要求', '二、主要目标', '四、主要任务', '(一)甲', '(一)乙', '专栏1 工程', '五、保障', '专栏2 工程'].join('\n');
  const r = build(text, [
    {
      title,
      headings: [
        { find: '一、总体要求', scheme: 'cn-dun', level: 1, value: 1, label: '一、' },
        { find: '二、主要目标', scheme: 'cn-dun', level: 1, value: 2, label: '二、' },
        { find: '四、主要任务', scheme: 'cn-dun', level: 1, value: 4, label: '四、' },
        { find: '(一)甲', scheme: 'cn-paren', level: 2, value: 1, label: '(一)', parent: 2 },
        { find: '(一)乙', scheme: 'cn-paren', level: 2, value: 1, label: '(一)', parent: 2 },
        { find: '专栏1', scheme: 'box', level: 2, value: 1, label: '专栏1', parent: 2 },
        { find: '五、保障', scheme: 'cn-dun', level: 1, value: 5, label: '五、' },
        { find: '专栏2', scheme: 'box', level: 2, value: 2, label: '专栏2', parent: 6 },
      ],
    },
  ]);
  it('reports skips and repeats but lets boxes run on across sections', () => {
    expect(run('heading-sequence', r)).toEqual([
      '4:1-4:7 编号“四、”跳号：前一项是“二、”，缺少三',
      '6:1-6:5 编号“(一)”重复',
    ]);
  });
  // (一)…(六) going on under 一、二、三、 at both section changes: numbered through the plan on
  // purpose; when the items start again under 三、 the scheme is numbered per section, so the
  // (三) that opens 二、 and the (二) that opens 三、 are both reported
  const items = (labels: string[]) => {
    const lines = ['一、甲', '(一)a', '(二)b', '二、乙', `${labels[0]}c`, `${labels[1]}d`, '三、丙', `${labels[2]}e`, `${labels[3]}f`];
    const value = (l: string) => '一二三四五六'.indexOf(l[1]) + 1;
    const top = (k: number, v: number) => ({ find: lines[k], scheme: 'cn-dun', level: 1, value: v, label: lines[k].slice(0, 2) });
    const sub = (k: number, parent: number) => ({ find: lines[k], scheme: 'cn-paren', level: 2, value: value(lines[k]), label: lines[k].slice(0, 3), parent });
    return build([title, ...lines].join('\n'), [{ title, headings: [top(0, 1), sub(1, 0), sub(2, 0), top(3, 2), sub(4, 3), sub(5, 3), top(6, 3), sub(7, 6), sub(8, 6)] }]);
  };
  it('takes a scheme that goes on at every section change as numbered through the plan', () => {
    expect(run('heading-sequence', items(['(三)', '(四)', '(五)', '(六)']))).toEqual([]);
  });
  it('numbers a scheme per section once it starts again at a section change', () => {
    expect(run('heading-sequence', items(['(三)', '(四)', '(二)', '(三)']))).toEqual(['6:1-6:5 编号从“(三)”开始，缺少一至二', '9:1-9:5 编号从“(二)”开始，缺少一']);
  });
});

describe('owner-unknown', () => {
  const text = [title, '(一)强化队伍。(责任单位:区应急管里局、区气象局、区应急局、各有关部门、区财政局)'].join('\n');
  const r = build(text, [
    { title, tasks: [{ find: '(一)强化队伍。(责任单位:区应急管里局、区气象局、区应急局、各有关部门、区财政局)', owners: { lead: ['区应急管里局', '区气象局', '区应急局', '各有关部门', '区财政局'] } }] },
  ]);
  it('is off without a unit list', () => {
    expect(lint(r, { catalog: [ruleById.get('owner-unknown')!] })).toEqual([]);
  });
  it('warns about units not in the list, with the closest known name; an official short form of a known unit is known', () => {
    const msgs = lint(r, {
      catalog: [ruleById.get('owner-unknown')!],
      rules: { 'owner-unknown': { options: { units: ['区应急管理局', '区气象局'] } } },
    });
    expect(msgs.map((m) => `${m.line}:${m.column} ${m.severity} ${m.message}`)).toEqual([
      '2:15 1 责任单位“区应急管里局”不在已知单位名单中，是否为“区应急管理局”？',
      '2:38 1 责任单位“区财政局”不在已知单位名单中',
    ]);
  });
});

describe('placeholder-text and garbled-text', () => {
  const text = ['示范区人民政府', '2022424', title, '截至20XX年底，建成XXX个站，配备XXL号救生衣。', '应急预\uFFFD案'].join('\n');
  const r = build(text, [{ title }]);
  it('placeholder-text reports every placeholder at its position', () => {
    expect(run('placeholder-text', r)).toEqual(['4:3-4:7 模板占位符“20XX”未替换', '4:12-4:15 模板占位符“XXX”未替换']);
  });
  it('garbled-text reports lost dates and U+FFFD', () => {
    expect(run('garbled-text', r)).toEqual(['2:1-2:8 日期“2022424”丢失了年月日，疑为2022年4月24日', '5:4-5:5 乱码：无法解码的字符“\uFFFD”']);
  });
  it('maps a match through block offsets when normalization dropped characters', () => {
    const t = '截至20\nXX年底';
    const rr = build(t, []);
    // one block "截至20XX年底" whose characters come from two lines
    rr.blocks = [{ text: '截至20XX年底', plan: null, span: rr.blocks[0].span, offsets: [0, 1, 2, 3, 5, 6, 7, 8] }];
    expect(run('placeholder-text', rr)).toEqual(['1:3-2:3 模板占位符“20XX”未替换']);
  });
});
