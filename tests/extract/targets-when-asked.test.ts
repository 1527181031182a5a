// A task's targets and a plan's prose targets are read from the text only when something asks
// for them (check never does: src/util/lazy-property.ts): whatever prints or copies a task or a
// plan must still see them, with the same values, in their place among its fields.
import { describe, expect, it } from 'vitest';
import { extractString } from '../core/helpers.js';

const TEXT = '某区2024年生态环境保护工作要点\n\n一、重点任务\n（一）持续改善空气质量。PM2.5年均浓度控制在30微克/立方米以内，新增绿地12公顷。（责任单位：区生态环境局）\n';
const FIELDS = ['id', 'section', 'title', 'text', 'owners', 'deadline', 'targets', 'span'];

describe("a task's targets, read when asked", () => {
  it('are listed in place by JSON, a spread and a structured clone, with the same values', async () => {
    const task = (await extractString(TEXT)).plans[0].tasks[0];
    const targets = [[30, '微克/立方米', 'le'], [12, '公顷', null]];
    expect(Object.keys(JSON.parse(JSON.stringify(task)))).toEqual(FIELDS);
    for (const copy of [JSON.parse(JSON.stringify(task)), { ...task }, structuredClone(task)]) {
      expect(Object.keys(copy)).toEqual(FIELDS);
      expect(copy.targets.map((t: { value: number; unit: string; comparator: string | null }) => [t.value, t.unit, t.comparator])).toEqual(targets);
    }
    // read once: the same list every time
    expect(task.targets).toBe(task.targets);
  });

  it('can be replaced, and each task keeps its own', async () => {
    const doc = await extractString(TEXT + '（二）加强水环境治理。新建污水管网5公里。（责任单位：区水务局）\n');
    const [a, b] = doc.plans[0].tasks;
    a.targets = [];
    expect(a.targets).toEqual([]);
    expect(JSON.parse(JSON.stringify(a)).targets).toEqual([]);
    expect(b.targets.map((t) => [t.value, t.unit])).toEqual([[5, '公里']]);
  });
});

describe("a plan's prose targets, read when asked", () => {
  it('are listed in place by JSON and a structured clone', async () => {
    const doc = await extractString('某区“十四五”生态环境保护规划\n\n一、主要目标\n到2025年，森林覆盖率达到45%，新增绿地12公顷。\n\n二、重点任务\n（一）持续改善空气质量。（责任单位：区生态环境局）\n');
    const plan = doc.plans[0];
    const fields = ['title', 'kind', 'period', 'baseYear', 'meta', 'indicators', 'tasks', 'projects', 'targets', 'span'];
    for (const copy of [JSON.parse(JSON.stringify(plan)), structuredClone(plan)]) {
      expect(Object.keys(copy)).toEqual(fields);
      expect(copy.targets.map((t: { value: number; unit: string }) => [t.value, t.unit])).toEqual([[45, '%'], [12, '公顷']]);
    }
  });
});
