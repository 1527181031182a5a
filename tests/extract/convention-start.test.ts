// A convention stated on a line of its own ("排在第一位的为牵头单位") makes the first unit of every
// clause after it the lead; the splitter looks for it only once a clause names units.
import { describe, expect, it } from 'vitest';
import { extractString } from '../core/helpers.js';

const plan = (preface: string[]) =>
  ['某区2024年工作要点', '', ...preface, '一、重点工作', '', '1.治理挥发性有机物。（责任单位：区环保局、区交通局）', '2.管控扬尘污染。', '3.治理柴油货车。（责任单位：区交通局、区公安分局）'].join('\n');

describe('the convention that the first unit leads, stated on a line of its own', () => {
  it('holds for the clauses after it', async () => {
    const doc = await extractString(plan(['各项任务中，排在第一位的为牵头单位。', '']));
    expect(doc.plans[0].tasks.map((t) => [t.owners?.lead ?? null, t.owners?.support ?? null])).toEqual([
      [['区环保局'], ['区交通局']],
      [null, null],
      [['区交通局'], ['区公安分局']],
    ]);
  });

  it('is not assumed where no line states it', async () => {
    const doc = await extractString(plan([]));
    expect(doc.plans[0].tasks.map((t) => t.owners?.lead ?? null)).toEqual([['区环保局', '区交通局'], null, ['区交通局', '区公安分局']]);
  });
});
