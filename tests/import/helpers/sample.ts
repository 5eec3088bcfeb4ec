// A test issue that exercises what the importers must get right: several paragraphs in
// one item, brackets inside a body, an item without a source, a total, a mark, copies.
import { issueSchema, type Issue } from '../../../src/validate/schema.js';

export const SAMPLE: Issue = issueSchema.parse({
  masthead: { title: '延津政务快报', issue: 41, total: 459, publisher: '延津县人民政府办公室', date: '2023-10-09', mark: '内部资料 注意保存' },
  sections: [
    {
      heading: '优化营商环境',
      items: [
        {
          title: '县发改委推进项目建设',
          body: '印发《重点项目推进方案（2024版）》，建立项目台账，明确责任单位和完成时限。\n\n今年以来，共谋划项目 36 个，总投资 128.5 亿元（注：含续建项目）。\n\n下一步，将持续跟踪项目进展，确保按期投产。',
          source: '发改委',
        },
        { title: '县市场监管局压缩开办时间', body: '推行“一窗通办”，企业开办时间压缩至 0.5 个工作日。（注：数据截至9月底。）', source: '市场监管局' },
      ],
    },
    {
      heading: '“三秋”生产',
      items: [
        { title: '东屯镇抢收抢种', body: '组织农机 120 台（套）投入秋收，确保颗粒归仓。', source: '东屯镇' },
        { title: '县农业农村局发布技术指导', body: '发布秋播技术指导意见，印发明白纸 5000 份。' },
      ],
    },
  ],
  distribution: { label: '本期发', to: ['县委常委', '县人大正副主任', '各乡（镇）政府、街道办事处主要领导'], copies: 120 },
  staff: [
    { role: '责任编辑', name: '李勉' },
    { role: '审核', name: '原超俊' },
    { role: '签发', name: '麻彦伟' },
  ],
});

/** Every non-space character of a text, counted: "no text is ever dropped" compares these. */
export function charCounts(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of s.replace(/[\s\u3000]+/g, '')) m.set(c, (m.get(c) ?? 0) + 1);
  return m;
}

/** Characters of `a` that `b` lacks (with their shortfall); empty when b holds all of a. */
export function missing(a: string, b: string): Record<string, number> {
  const ca = charCounts(a);
  const cb = charCounts(b);
  const out: Record<string, number> = {};
  for (const [c, n] of ca) if ((cb.get(c) ?? 0) < n) out[c] = n - (cb.get(c) ?? 0);
  return out;
}
