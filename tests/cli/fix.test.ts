// `check --fix`: what is mechanical and safe is corrected in the file, which is rewritten
// atomically in its own encoding; never without --fix, never a Word, HTML or PDF file.
import { readdirSync, readFileSync, statSync, chmodSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { planLint, workspace } from '../helpers/cli.js';

/** A work-points text with a lost date, a skipped number and half-width punctuation. */
const plan = [
  '某区人民政府',
  '2022424',
  '',
  '某区2022年应急管理工作要点',
  '一、健全体系',
  '年底前完善应急预案体系。(责任单位:区应急管理局)',
  '三、加强监测',
  '年底前建设监测预警平台。（责任单位：区气象局）',
  '四、强化队伍',
  '年底前组建专业救援队伍。（责任单位：区应急管理局）',
  '',
].join('\n');

const compact = (r: { stdout: string }) => r.stdout.trim().split('\n').filter(Boolean).map((l) => l.replace(/^[^:]+:/, ''));

describe('--fix', () => {
  it('JSON says what is fixable without touching the file', async () => {
    const cwd = workspace({ 'wp.txt': plan });
    const r = await planLint(['check', '-f', 'json', 'wp.txt'], { cwd });
    const [entry] = JSON.parse(r.stdout);
    expect(entry.fixableWarningCount).toBe(2);
    expect(entry.messages.find((m: { ruleId: string }) => m.ruleId === 'garbled-text').fix).toEqual({ range: [7, 14], text: '2022年4月24日' });
    expect(readFileSync(path.join(cwd, 'wp.txt'), 'utf8')).toBe(plan);
    const stylish = await planLint(['check', 'wp.txt'], { cwd });
    expect(stylish.stdout).toContain('其中 0 个错误、2 个警告可用 --fix 自动修正。');
  });

  it('corrects the date and renumbers the headings; what remains is reported against the new text', async () => {
    const cwd = workspace({ 'wp.txt': plan });
    chmodSync(path.join(cwd, 'wp.txt'), 0o640);
    const r = await planLint(['check', '-f', 'compact', '--fix', 'wp.txt'], { cwd });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(compact(r)).toEqual([]);
    const text = readFileSync(path.join(cwd, 'wp.txt'), 'utf8');
    expect(text).toBe(plan.replace('2022424', '2022年4月24日').replace('三、加强监测', '二、加强监测').replace('四、强化队伍', '三、强化队伍'));
    expect(statSync(path.join(cwd, 'wp.txt')).mode & 0o777).toBe(0o640);
    expect(readdirSync(cwd)).toEqual(['wp.txt']);
  });

  it('the opt-in punctuation rule: half-width marks among Chinese text become full-width', async () => {
    const cwd = workspace({ 'wp.txt': plan });
    const r = await planLint(['check', '-f', 'compact', '--fix', '--rule', 'halfwidth-punctuation=warn', 'wp.txt'], { cwd });
    expect(compact(r)).toEqual([]);
    expect(readFileSync(path.join(cwd, 'wp.txt'), 'utf8')).toContain('年底前完善应急预案体系。（责任单位：区应急管理局）');
  });

  it('keeps the encoding and the line ends: a GB18030 file with CRLF is written back as GB18030 with CRLF', async () => {
    const bytes = iconv.encode(plan.replace(/\n/g, '\r\n'), 'gb18030');
    const cwd = workspace({ 'wp.txt': bytes });
    await planLint(['check', '--fix', 'wp.txt'], { cwd });
    const after = readFileSync(path.join(cwd, 'wp.txt'));
    expect(iconv.decode(after, 'gb18030')).toBe(plan.replace(/\n/g, '\r\n').replace('2022424', '2022年4月24日').replace('三、加强', '二、加强').replace('四、强化', '三、强化'));
  });

  it('leaves alone a file whose bytes would not come back the same, and says so', async () => {
    const damaged = Buffer.concat([Buffer.from(plan.replace('某区人民政府', '某区人民政\ufffd府')), Buffer.from([0xff])]);
    const cwd = workspace({ 'wp.txt': damaged });
    const r = await planLint(['check', '-f', 'compact', '--fix', 'wp.txt'], { cwd });
    expect(r.stderr).toBe('plan-lint: wp.txt: 未修正：文件无法按原编码原样写回（含有损坏的字节）\n');
    expect(readFileSync(path.join(cwd, 'wp.txt')).equals(damaged)).toBe(true);
  });

  it('rewrites only plain text and Markdown: an HTML page is reported, not changed', async () => {
    const html = `<html><body>${plan.split('\n').map((l) => `<p>${l}</p>`).join('\n')}</body></html>`;
    const cwd = workspace({ 'wp.html': html });
    const r = await planLint(['check', '-f', 'compact', '--fix', 'wp.html'], { cwd });
    expect(r.stderr).toBe('plan-lint: wp.html: 未修正：--fix 只改写纯文本（.txt）和 Markdown（.md）文件\n');
    expect(r.stdout).toContain('garbled-text');
    expect(readFileSync(path.join(cwd, 'wp.html'), 'utf8')).toBe(html);
  });

  it('standard input is reported, not rewritten', async () => {
    const r = await planLint(['check', '-f', 'compact', '--fix', '-'], { stdin: plan });
    expect(r.stderr).toBe('plan-lint: <stdin>: 未修正：--fix 不改写标准输入或管道\n');
    expect(r.stdout).toContain('<stdin>:2:1: warning garbled-text');
  });

  it('a date that reads two ways is reported but not rewritten', async () => {
    const cwd = workspace({ 'wp.txt': plan.replace('2022424', '2022111') });
    const r = await planLint(['check', '-f', 'compact', '--fix', 'wp.txt'], { cwd });
    expect(compact(r)).toEqual(['2:1: warning garbled-text 日期“2022111”丢失了年月日，疑为2022年1月11日']);
    expect(readFileSync(path.join(cwd, 'wp.txt'), 'utf8')).toContain('\n2022111\n');
  });
});
