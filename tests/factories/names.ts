/**
 * Deterministic invented Chinese names and phone numbers for demo data and tests.
 * A small linear congruential generator keeps every run identical.
 */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂柴焦向柳邢岳齐沿梅莫庄辛管祝左涂谷祁时舒耿牟卜路詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵解强柴华车冉房边辜吉饶刁瞿戚丘古米池滕晋苑邬臧畅宫来嵺苟全褚廉简娄盖符奚木穆党燕郎邸冀谈姬屠连郜晏栾郁商蒙计喻揭窦迟宇敖糜鄢冷卓花仇艾蓝都巩稽井练仲乐虞卞封竺冼原官衣楚佟栗匡宗应台巫鞠僧桑荆谌银扬明沙薄伏岑习胥保和蔺';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红娥建华文辉力建国志强国强建军永红德明淑珍凤英玉梅桂芳春梅海燕秀珍秀云丽娟国华建平小红志刚晓东';

export class NameSource {
  private state: number;
  /** `phoneBlock`: the first seven digits of the numbers it hands out (sources with their own block never collide). */
  constructor(
    seed = 20_17,
    private readonly phoneBlock = '1390000',
  ) {
    this.state = seed;
  }
  private next(): number {
    this.state = (this.state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return this.state;
  }
  pick<T>(items: readonly T[] | string): T {
    const i = this.next() % items.length;
    return (typeof items === 'string' ? items[i] : items[i]) as T;
  }
  personName(): string {
    const given = this.pick<string>(GIVEN) + (this.next() % 3 === 0 ? '' : this.pick<string>(GIVEN));
    return this.pick<string>(SURNAMES) + given;
  }
  /** A mobile number in the source's block (139 0000 xxxx by default), unique for a source. */
  private phoneCounter = 0;
  phone(prefix = this.phoneBlock): string {
    this.phoneCounter += 1;
    return `${prefix}${String(this.phoneCounter).padStart(4, '0')}`;
  }
}
