"""A throwaway domain, "notes", for tests/test_house.py: it proves that a domain joins the portal by
declaring itself in its own folder and taking one line in yecai.domains.DOMAINS, nothing else."""
