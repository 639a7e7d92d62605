"""Performance (绩效): evaluation cycles, the indicator library, scorecard templates, scorecards with evidence from the
books and the collaboration records, assessments and HR's calibration."""

from yecai.manifest import Domain
from yecai.performance import demo, models, permissions, service

DOMAIN = Domain(
    name="performance", zh="绩效考核", en="Performance",
    models=models,
    permissions=permissions.PERMISSIONS,
    reference_data=service.ensure_automatic_indicators,
    demo=demo.seed,
)
