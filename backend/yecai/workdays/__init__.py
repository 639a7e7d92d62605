"""The work calendar (工作日历): China's public holidays and make-up working days (调休)."""
