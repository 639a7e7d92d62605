"""A generated portal of Chinese documents for the search benchmark: companies, products, accounts,
vouchers with their summaries, sales orders, expense claims, users. Deterministic for a seed."""

from __future__ import annotations

import random
from datetime import date, timedelta

from yecai.search.engine import SearchDocument

CITIES = "北京 上海 广州 深圳 杭州 南京 成都 重庆 武汉 西安 苏州 天津 长沙 郑州 青岛 厦门 合肥 济南 大连 宁波".split()
NAME_CHARS = "华信腾飞恒通宏图金源瑞丰东方中联天润新锐博远鑫达汇盛世永安嘉禾航泰银河鼎康美优佳德兴隆顺昌和明光辉星海云山林峰"
INDUSTRIES = "科技 贸易 电子 物流 建设 环保 医药 食品 机械 软件 信息 能源 化工 文化 传媒 实业 电器 材料".split()
SUFFIXES = ["有限公司", "股份有限公司", "集团有限公司", "有限责任公司"]
SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞建国志文斌海燕三四五"
BRANDS = ["HP", "联想", "ThinkPad", "Dell", "华为", "小米", "得力", "晨光", "Canon", "Epson", "Apple", "飞利浦"]
PRODUCTS = ["激光打印机", "笔记本电脑", "复印纸", "硒鼓", "办公椅", "显示器", "投影仪", "碎纸机", "文件柜", "墨盒",
            "台式电脑", "扫描仪", "路由器", "会议桌", "保险柜", "签字笔", "档案盒", "laptop", "monitor", "printer"]
ACCOUNTS = [
    ("1001", "库存现金"), ("1002", "银行存款"), ("1012", "其他货币资金"), ("1122", "应收账款"), ("1123", "预付账款"),
    ("1221", "其他应收款"), ("1403", "原材料"), ("1405", "库存商品"), ("1601", "固定资产"), ("1602", "累计折旧"),
    ("2202", "应付账款"), ("2203", "预收账款"), ("2211", "应付职工薪酬"), ("222101", "应交税费—应交增值税(销项税额)"),
    ("222102", "应交税费—应交增值税(进项税额)"), ("222103", "应交税费—应交增值税(已交税金)"), ("2241", "其他应付款"),
    ("4001", "实收资本"), ("4103", "本年利润"), ("6001", "主营业务收入"), ("6051", "其他业务收入"),
    ("6401", "主营业务成本"), ("660101", "销售费用—差旅费"), ("660102", "销售费用—业务招待费"),
    ("660201", "管理费用—办公费"), ("660202", "管理费用—差旅费"), ("660203", "管理费用—工资"), ("6603", "财务费用"),
]
DEPARTMENTS = ["财务部", "销售部", "采购部", "人力资源部", "仓储部", "信息技术部", "市场部", "总经办", "审计部", "法务部"]
SUMMARIES = [
    "收{customer}货款", "付{supplier}采购款", "报销{person}差旅费", "计提{month}月工资", "结转本月销售成本",
    "支付{city}办事处房租", "收到{customer}预付款", "缴纳{month}月增值税", "购买{product}", "计提13%增值税销项税额",
    "{person}借支备用金", "支付{supplier}运费", "收{customer}服务费", "摊销{month}月办公室装修费",
]


class Corpus:
    def __init__(self, seed: int = 20261201) -> None:
        self.rng = random.Random(seed)
        self.customers = [self.company() for _ in range(5000)]
        self.suppliers = [self.company() for _ in range(3000)]
        self.people = [self.person() for _ in range(2000)]
        self.products = [self.product_name(i) for i in range(5000)]

    def company(self) -> str:
        r = self.rng
        return r.choice(CITIES) + "".join(r.sample(NAME_CHARS, 2)) + r.choice(INDUSTRIES) + r.choice(SUFFIXES)

    def person(self) -> str:
        r = self.rng
        return r.choice(SURNAMES) + "".join(r.choice(GIVEN) for _ in range(r.choice((1, 2))))

    def product_name(self, i: int) -> tuple[str, str]:
        r = self.rng
        brand = r.choice(BRANDS)
        model = f"{r.choice('ABCDEFGHKLMPX')}{r.randint(1, 9999)}"
        return f"{brand} {model} {r.choice(PRODUCTS)}", f"P-{brand[:2].upper()}-{i:05d}"

    def day(self) -> date:
        return date(2025, 1, 1) + timedelta(days=self.rng.randrange(730))

    def documents(self, n: int) -> list[SearchDocument]:
        """n documents, in the portal's proportions: vouchers and orders outnumber the rest."""
        r = self.rng
        docs: list[SearchDocument] = []
        plan = [("customer", 5), ("supplier", 3), ("product", 5), ("account", 0.5), ("user", 2), ("department", 0.01),
                ("voucher", 40), ("sales_order", 26), ("expense_claim", 18.49)]
        weights = [w for _, w in plan]
        for i in range(n):
            kind = r.choices([k for k, _ in plan], weights)[0]
            docs.append(getattr(self, kind)(i))
        return docs

    def _doc(self, kind: str, i: int, title: str, body: str = "", code: str | None = None) -> SearchDocument:
        r = self.rng
        department = r.choice([None, *range(1, 11)])
        access = ("admin", f"dept:{department or 0}")
        return SearchDocument(kind, i, title, body, code, department, access, self.day(), f"/{kind}/{i}")

    def customer(self, i: int) -> SearchDocument:
        name = self.rng.choice(self.customers)
        return self._doc("customer", i, name, f"联系人 {self.rng.choice(self.people)} 电话 0{self.rng.randint(10, 999)}-"
                         f"{self.rng.randint(10_000_000, 99_999_999)}", f"C{i:06d}")

    def supplier(self, i: int) -> SearchDocument:
        return self._doc("supplier", i, self.rng.choice(self.suppliers), f"主营 {self.rng.choice(PRODUCTS)}", f"S{i:06d}")

    def product(self, i: int) -> SearchDocument:
        title, code = self.products[i % len(self.products)]
        return self._doc("product", i, title, f"规格 {self.rng.choice(['A4', '70g', '14英寸', '黑色', '500张/包'])} 安装简单", code)

    def account(self, i: int) -> SearchDocument:
        code, name = self.rng.choice(ACCOUNTS)
        return self._doc("account", i, name, "会计科目", f"{code}.{i % 100:02d}")

    def user(self, i: int) -> SearchDocument:
        return self._doc("user", i, self.rng.choice(self.people), self.rng.choice(DEPARTMENTS), f"u{i:05d}")

    def department(self, i: int) -> SearchDocument:
        return self._doc("department", i, self.rng.choice(DEPARTMENTS), "部门", f"D{i:03d}")

    def summary(self) -> str:
        r = self.rng
        return r.choice(SUMMARIES).format(customer=r.choice(self.customers), supplier=r.choice(self.suppliers),
                                          person=r.choice(self.people), month=r.randint(1, 12), city=r.choice(CITIES),
                                          product=r.choice(self.products)[0])

    def voucher(self, i: int) -> SearchDocument:
        r = self.rng
        code = f"{r.choice('记收付转')}-{i % 10000:04d}"
        lines = " ".join(r.choice(ACCOUNTS)[1] for _ in range(2))
        return self._doc("voucher", i, f"{code} {self.summary()}", f"借：{lines} 摘要：{self.summary()}", code)

    def sales_order(self, i: int) -> SearchDocument:
        code = f"SO-{self.rng.choice(['2025', '2026'])}{self.rng.randint(1, 12):02d}-{i:05d}"
        lines = "；".join(f"{self.rng.choice(self.products)[0]} ×{self.rng.randint(1, 50)}" for _ in range(2))
        return self._doc("sales_order", i, f"{code} {self.rng.choice(self.customers)}", lines, code)

    def expense_claim(self, i: int) -> SearchDocument:
        person = self.rng.choice(self.people)
        what = self.rng.choice(["差旅费报销", "办公用品报销", "业务招待费报销", "培训费报销", "交通费报销"])
        return self._doc("expense_claim", i, f"BX-2026-{i:05d} {what} {person}",
                         f"{self.rng.choice(CITIES)}至{self.rng.choice(CITIES)} 高铁 住宿 {self.summary()}", f"BX-2026-{i:05d}")
