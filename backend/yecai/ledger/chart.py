"""The standard chart of accounts every install starts with (企业会计准则 first-level codes,
plus the sub-accounts the posting rules need). Finance edits it afterwards."""

from __future__ import annotations

from dataclasses import dataclass

from yecai.ledger.models import AccountType as T
from yecai.ledger.models import Direction as D


@dataclass(frozen=True)
class StandardAccount:
    code: str
    name: str
    type: T
    direction: D
    dimensions: tuple[str, ...] = ()


A, L, E, C, P = T.ASSET, T.LIABILITY, T.EQUITY, T.COST, T.PROFIT_LOSS
DR, CR = D.DEBIT, D.CREDIT

STANDARD_CHART: tuple[StandardAccount, ...] = (
    StandardAccount("1001", "库存现金", A, DR),
    StandardAccount("1002", "银行存款", A, DR),
    StandardAccount("1012", "其他货币资金", A, DR),
    StandardAccount("1101", "交易性金融资产", A, DR),
    StandardAccount("1121", "应收票据", A, DR, ("CUSTOMER",)),
    StandardAccount("1122", "应收账款", A, DR, ("CUSTOMER",)),
    StandardAccount("1123", "预付账款", A, DR, ("SUPPLIER",)),
    StandardAccount("1221", "其他应收款", A, DR),
    StandardAccount("1231", "坏账准备", A, CR),
    StandardAccount("1402", "在途物资", A, DR),
    StandardAccount("1403", "原材料", A, DR),
    StandardAccount("1405", "库存商品", A, DR, ("PRODUCT",)),
    StandardAccount("1411", "周转材料", A, DR),
    StandardAccount("1511", "长期股权投资", A, DR),
    StandardAccount("1601", "固定资产", A, DR),
    StandardAccount("1602", "累计折旧", A, CR),
    StandardAccount("1604", "在建工程", A, DR),
    StandardAccount("1701", "无形资产", A, DR),
    StandardAccount("1702", "累计摊销", A, CR),
    StandardAccount("1801", "长期待摊费用", A, DR),
    StandardAccount("1901", "待处理财产损溢", A, DR),
    StandardAccount("2001", "短期借款", L, CR),
    StandardAccount("2201", "应付票据", L, CR, ("SUPPLIER",)),
    StandardAccount("2202", "应付账款", L, CR, ("SUPPLIER",)),
    StandardAccount("2203", "预收账款", L, CR, ("CUSTOMER",)),
    StandardAccount("2211", "应付职工薪酬", L, CR),
    StandardAccount("2221", "应交税费", L, CR),
    StandardAccount("222101", "应交增值税", L, CR),
    StandardAccount("22210101", "进项税额", L, DR),
    StandardAccount("22210102", "销项税额", L, CR),
    StandardAccount("2231", "应付利息", L, CR),
    StandardAccount("2232", "应付股利", L, CR),
    StandardAccount("2241", "其他应付款", L, CR),
    StandardAccount("2501", "长期借款", L, CR),
    StandardAccount("4001", "实收资本", E, CR),
    StandardAccount("4002", "资本公积", E, CR),
    StandardAccount("4101", "盈余公积", E, CR),
    StandardAccount("4103", "本年利润", E, CR),
    StandardAccount("4104", "利润分配", E, CR),
    StandardAccount("5001", "生产成本", C, DR),
    StandardAccount("5101", "制造费用", C, DR),
    StandardAccount("6001", "主营业务收入", P, CR),
    StandardAccount("6051", "其他业务收入", P, CR),
    StandardAccount("6111", "投资收益", P, CR),
    StandardAccount("6301", "营业外收入", P, CR),
    StandardAccount("6401", "主营业务成本", P, DR),
    StandardAccount("6402", "其他业务成本", P, DR),
    StandardAccount("6403", "税金及附加", P, DR),
    StandardAccount("6601", "销售费用", P, DR),
    StandardAccount("660101", "差旅费", P, DR, ("DEPARTMENT",)),
    StandardAccount("660102", "办公费", P, DR, ("DEPARTMENT",)),
    StandardAccount("660103", "业务招待费", P, DR, ("DEPARTMENT",)),
    StandardAccount("6602", "管理费用", P, DR),
    StandardAccount("660201", "差旅费", P, DR, ("DEPARTMENT",)),
    StandardAccount("660202", "办公费", P, DR, ("DEPARTMENT",)),
    StandardAccount("660203", "业务招待费", P, DR, ("DEPARTMENT",)),
    StandardAccount("6603", "财务费用", P, DR),
    StandardAccount("6701", "资产减值损失", P, DR),
    StandardAccount("6711", "营业外支出", P, DR),
    StandardAccount("6801", "所得税费用", P, DR),
)


def parent_code(code: str, codes: set[str]) -> str | None:
    """The longest proper prefix of ``code`` that is itself an account (4-2-2 coding)."""
    for length in range(len(code) - 2, 3, -2):
        if code[:length] in codes:
            return code[:length]
    return None
