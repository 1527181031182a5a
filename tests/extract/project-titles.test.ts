// isProjectTitle tries the project-title patterns only on titles whose first character one of
// them can begin with (firstChars of the patterns): it tells every title as the patterns do.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isProjectNode, isProjectTitle } from '../../src/extract/tasks.js';
import { grammars } from '../../src/grammars/load.js';
import { foldKey } from '../../src/normalize/piece.js';
import { squeezeSpace } from '../../src/normalize/squeeze.js';
import { nodeTitle, type OutlineNode } from '../../src/outline/tree.js';
import { fixtureLines } from '../helpers/fixture-lines.js';
import { same } from '../helpers/same.js';

/** the test as the patterns alone make it */
const byPatterns = (title: string) => {
  const t = squeezeSpace(foldKey(title));
  return t.length <= 14 && grammars().sections.projects.some((re) => re.test(t));
};

const lines = fixtureLines()
  .map((l) => l.trim().replace(/^[（(]?[一二三四五六七八九十\d]+[）).、．]\s*/, ''))
  .filter((l) => l && l.length <= 40);

describe('isProjectTitle', () => {
  it('tells the short lines of the seeds and real documents as the patterns do', () => {
    let projects = 0;
    const differ: string[] = [];
    for (const l of new Set(lines)) {
      const want = byPatterns(l);
      if (want) projects++;
      if (isProjectTitle(l) !== want) differ.push(l);
    }
    expect(differ).toEqual([]);
    expect(projects).toBeGreaterThanOrEqual(3);
  });

  it('tells random titles made of the patterns’ words as the patterns do', () => {
    const words = ['主要', '重点', '重大', '建设', '工程', '项目', '实施', '谋划', '组织实施', '一批', ' ', '　', '（', '）', '专栏', '推进', '重', '点'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 6 }), (ws) => {
        const s = ws.join('');
        same(isProjectTitle(s), byPatterns(s), s);
      }),
      { numRuns: 2000 },
    );
    expect(isProjectTitle('重点工程')).toBe(true);
    expect(isProjectTitle('实施一批重大项目')).toBe(true);
    expect(isProjectTitle('加强重点工程建设管理')).toBe(false);
  });
});

// isProjectNode refuses a node by the first character of its key that is no whitespace before it
// works out the node's title: it tells every node as the patterns tell its title
describe('isProjectNode', () => {
  const nodeOf = (text: string) => ({ rest: { text }, restKey: foldKey(text), titleMemo: undefined }) as unknown as OutlineNode;
  const want = (text: string) => byPatterns(nodeTitle(nodeOf(text)) ?? '');

  it('tells random node lines made of the patterns’ words as the patterns tell their titles', () => {
    const words = ['主要', '重点', '重大', '建设', '工程', '项目', '实施', '组织实施', '一批', ' ', '　', '\t', '。', '：', ':', '推进', '加快', '（', '）', '重', '点'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 8 }), (ws) => {
        const s = ws.join('');
        same(isProjectNode(nodeOf(s)), want(s), s);
      }),
      { numRuns: 3000 },
    );
    expect(isProjectNode(nodeOf('　重点工程'))).toBe(true);
    expect(isProjectNode(nodeOf('重大项目：新建自动气象站50个。'))).toBe(true);
    expect(isProjectNode(nodeOf('加快重点工程建设。'))).toBe(false);
  });

  it('tells the short lines of the seeds and real documents as the patterns tell their titles', () => {
    const differ = [...new Set(lines)].filter((l) => isProjectNode(nodeOf(l)) !== want(l));
    expect(differ).toEqual([]);
  });
});
