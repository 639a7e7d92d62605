"""Joint business–finance meetings: series, meetings, agenda, attendance, minutes, decisions, action items."""
