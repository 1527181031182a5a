// Why an input could not be read, in Chinese: the readers and the walker state their reasons in
// English (one short phrase each); this table says each of them in Chinese, so that a run in
// the default locale prints no English file error. tests/cli/locale.test.ts checks that every
// reason written in src/ has a line here.
import type { Locale } from '../util/i18n.js';

/** [English reason, Chinese reason]; `(.+)` parts are carried over as $1, $2. Most specific first. */
const table: [RegExp, string][] = [
  [/^no such file or directory \(a parent is not a folder\)$/, '文件或文件夹不存在（上级路径不是文件夹）'],
  [/^no such file or directory$/, '文件或文件夹不存在'],
  [/^no such file$/, '文件不存在'],
  [/^is a folder$/, '是文件夹，不是文件'],
  [/^is a folder, not a configuration file$/, '是文件夹，不是配置文件'],
  [/^not a regular file \(a device or socket\), not a plan text$/, '不是普通文件（设备或套接字），不是规划文本'],
  [/^not a regular file, not a configuration file$/, '不是普通文件，不是配置文件'],
  [/^not a regular file$/, '不是普通文件'],
  [/^more than 512 MB, not a plan text$/, '超过 512 MB，不是规划文本'],
  [/^too large \((.+) MB\), not a configuration file$/, '文件过大（$1 MB），不是配置文件'],
  [/^permission denied$/, '没有读取权限'],
  [/^cannot read \((.+)\)$/, '无法读取（$1）'],
  [/^cannot read: (.+)$/, '无法读取（$1）'],
  [/^cannot write \((.+)\)$/, '无法写入（$1）'],
  [/^symbolic link loop$/, '符号链接循环'],
  [/^dangling symbolic link$/, '符号链接指向的文件不存在'],
  [/^path too long$/, '路径过长'],
  [/^no plan files \((.+)\) in this folder$/, '此文件夹中没有规划文件（$1）'],
  [/^no plan files match this pattern$/, '没有与此模式匹配的规划文件'],
  [/^empty path \(an unset shell variable\?\)$/, '路径为空（是否引用了未设置的 shell 变量？）'],
  [/^empty file, not a plan text$/, '空文件，不是规划文本'],
  [/^no text in file, not a plan text$/, '文件中没有文字，不是规划文本'],
  [/^no text in document, not a plan text$/, '文档中没有文字，不是规划文本'],
  [/^no text in the page body, not a plan text$/, '网页正文中没有文字，不是规划文本'],
  [/^binary data, not a plan text$/, '二进制数据，不是规划文本'],
  [/^neither UTF-8 nor GB18030 text$/, '既不是 UTF-8 也不是 GB18030 编码的文本'],
  [/^an old Word \.doc file \(OLE2\), not a plan text: open it in Word or WPS and save it as \.docx$/, '旧版 Word .doc 文件（OLE2 格式），无法直接读取：请在 Word 或 WPS 中打开并另存为 .docx'],
  [/^not a \.docx file \(it is a PDF\)$/, '不是 .docx 文件（实为 PDF）'],
  [/^not a \.docx file \(no zip header\)$/, '不是 .docx 文件（没有 zip 文件头）'],
  [/^damaged \.docx \((.+)\)$/, '.docx 文件已损坏（$1）'],
  [/^a \.docx is read from its bytes, not from text$/, '.docx 文件只能按字节读取，不能作为文本读取'],
  [/^HTML nested too deeply to be a plan$/, 'HTML 嵌套过深，不是规划'],
  [/^Markdown nested too deeply to be a plan$/, 'Markdown 嵌套过深，不是规划'],
  [/^text nested too deeply to be a plan$/, '文本嵌套过深，不是规划'],
  [/^cannot load the PDF reader pdf\.js \((.+)\)$/, '无法加载 PDF 读取器 pdf.js（$1）'],
  [/^encrypted PDF: opening it needs a password$/, '加密的 PDF：需要密码才能打开'],
  [/^encrypted PDF \((.+)\)$/, '加密的 PDF（$1）'],
  [/^not a PDF file \(no %PDF header\)$/, '不是 PDF 文件（没有 %PDF 文件头）'],
  [/^damaged PDF: truncated \(no %%EOF end marker\)$/, 'PDF 文件已损坏：不完整（没有 %%EOF 结束标记）'],
  [/^damaged PDF \(page (\d+): (.+)\)$/, 'PDF 文件已损坏（第 $1 页：$2）'],
  [/^damaged PDF \((.+)\)$/, 'PDF 文件已损坏（$1）'],
  [/^no text layer: a scanned document needs OCR first$/, '没有文字层：扫描件需要先做文字识别（OCR）'],
  [/^internal error: (.+)$/, '内部错误：$1'],
];

/** A reason as the locale says it (English reasons are the ones written in the sources). */
export function reasonText(message: string, locale: Locale): string {
  if (locale === 'en') return message;
  for (const [re, zh] of table) if (re.test(message)) return message.replace(re, zh);
  return message;
}

/** Whether the table has a Chinese text for `message` (tests). */
export const hasChineseReason = (message: string): boolean => table.some(([re]) => re.test(message));
