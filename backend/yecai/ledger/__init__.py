"""The books: accounts, fiscal periods, vouchers, balances and statements."""
