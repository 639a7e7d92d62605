"""Departments and the organisation tree."""
