import type { Reason } from './taxonomy.ts';

interface Rule {
  reason: Reason;
  /** English phrases, matched on word boundaries, case-insensitively. */
  en: readonly string[];
  /** Chinese phrases, matched as substrings. */
  zh: readonly string[];
}

// Order matters: the first rule with a match wins. Size comes first (a size complaint often also
// says "poor quality"), transit damage before defects ("arrived broken"), and the broad
// catch-alls (changed mind, price) last.
const RULES: readonly Rule[] = [
  {
    reason: 'size_too_small',
    en: ['too small', 'runs small', 'run small', 'running small', 'too tight', 'a size up', 'size up', 'smaller than expected', 'tight fit'],
    zh: ['偏小', '太小', '尺码小', '码数小', '码小', '小了', '太紧', '偏紧', '小一码'],
  },
  {
    reason: 'size_too_large',
    en: ['too big', 'too large', 'runs large', 'runs big', 'run large', 'run big', 'too loose', 'a size down', 'size down', 'bigger than expected', 'baggy'],
    zh: ['偏大', '太大', '尺码大', '码数大', '码大', '大了', '太松', '偏松', '大一码'],
  },
  {
    reason: 'size_fit',
    en: ['wrong size', 'does not fit', "doesn't fit", "didn't fit", 'did not fit', 'poor fit', 'bad fit', 'fit is off'],
    zh: ['尺码不合', '尺码不对', '尺寸不对', '不合身', '尺码不准'],
  },
  {
    reason: 'damaged_in_transit',
    en: ['arrived damaged', 'damaged in shipping', 'damaged in transit', 'arrived broken', 'crushed', 'shattered', 'box was damaged', 'damaged box', 'smashed'],
    zh: ['破损', '压坏', '摔坏', '运输损坏', '包装破', '碎了'],
  },
  {
    reason: 'quality_defective',
    en: [
      'defective',
      'broken',
      'stopped working',
      "doesn't work",
      'does not work',
      'not working',
      'poor quality',
      'bad quality',
      'low quality',
      'faulty',
      'ripped',
      'torn',
      'fell apart',
    ],
    zh: ['质量差', '质量不好', '质量问题', '坏了', '有瑕疵', '瑕疵', '不能用', '故障', '开线', '掉色', '劣质'],
  },
  {
    reason: 'counterfeit',
    en: ['counterfeit', 'fake', 'not authentic', 'knock-off', 'knockoff'],
    zh: ['假货', '仿品', '假的', '山寨'],
  },
  {
    reason: 'not_as_described',
    en: [
      'not as described',
      'not as pictured',
      'different from the picture',
      'different from the photo',
      'different from the description',
      'does not match the description',
      "doesn't match the description",
      'misleading',
    ],
    zh: ['与描述不符', '和描述不符', '描述不符', '与图片不符', '和图片不一样', '货不对版', '图片不符'],
  },
  {
    reason: 'wrong_item',
    en: ['wrong item', 'wrong product', 'wrong color', 'wrong colour', 'sent the wrong', 'received the wrong', 'not what i ordered'],
    zh: ['发错', '错发', '颜色不对', '发的不是'],
  },
  {
    reason: 'missing_parts',
    en: ['missing parts', 'missing part', 'missing pieces', 'parts missing', 'incomplete', 'missing accessories'],
    zh: ['缺少配件', '配件不全', '少件', '缺件', '少了配件', '缺少零件'],
  },
  {
    reason: 'not_received',
    en: ['never arrived', 'never received', 'not received', "didn't receive", 'did not receive', 'lost in transit', 'lost package', 'never got'],
    zh: ['没收到', '未收到', '没有收到', '丢件', '包裹丢失'],
  },
  {
    reason: 'arrived_late',
    en: ['arrived late', 'took too long', 'late delivery', 'delivered late', 'too slow'],
    zh: ['到得太晚', '太慢', '晚到', '迟到', '物流慢'],
  },
  {
    reason: 'ordered_by_mistake',
    en: ['ordered by mistake', 'by mistake', 'accidentally ordered', 'ordered the wrong', 'ordered twice', 'duplicate order'],
    zh: ['买错', '拍错', '下错单', '误购', '重复下单'],
  },
  {
    reason: 'better_price',
    en: ['better price', 'lower price', 'cheaper elsewhere', 'found it cheaper', 'found cheaper'],
    zh: ['更便宜', '降价', '别家便宜'],
  },
  {
    reason: 'no_longer_needed',
    en: [
      'no longer need',
      'no longer needed',
      "don't need",
      'do not need',
      'changed my mind',
      "don't like",
      'do not like',
      "didn't like",
      'did not like',
      'not needed',
    ],
    zh: ['不想要', '不需要了', '不要了', '不喜欢', '改变主意'],
  },
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const COMPILED = RULES.map((rule) => ({
  reason: rule.reason,
  en: new RegExp(`(?<![a-z])(?:${rule.en.map(escapeRegExp).join('|')})(?![a-z])`, 'i'),
  zh: rule.zh,
}));

/**
 * The reason a customer's own words give, by deterministic English and Chinese phrase rules, or
 * null when they say nothing we recognise. Customer text is data: it is only matched, never
 * interpreted as instructions.
 */
export function classifyReasonText(text: string | null | undefined): Reason | null {
  if (!text) return null;
  const normalised = text.replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ');
  for (const rule of COMPILED) {
    if (rule.en.test(normalised) || rule.zh.some((phrase) => normalised.includes(phrase))) return rule.reason;
  }
  return null;
}
