"""The work calendar's part of the API (queries and admins' mutations come with its admin page)."""

from yecai.graphql.api import DomainApi

API = DomainApi()
